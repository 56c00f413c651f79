/// One documented example of a rule: whole files, with `↓` marking each position the rule must report.
///
/// Examples are both the documentation and the tests; `sourceFile`/`sourceLine` let a failing example be
/// reported at its own line in the rule's file.
public struct RuleExample: Sendable, Hashable {
    /// The file the example is about (a workflow unless it ends in `.json`).
    public let path: String
    /// Every file of the example by repository-relative path, the primary one included; may hold `↓` markers.
    public let files: [String: String]
    /// The Swift file that declared the example.
    public let sourceFile: String
    /// The line that declared the example.
    public let sourceLine: Int
    /// False for an edge case that runs as a test but would clutter the rule's page (`documented: false`).
    public let isDocumented: Bool

    /// The marker placed just before each expected position.
    public static let marker: Character = "↓"

    /// Creates an example whose main file is `code` at `path`, plus `otherFiles` beside it (e.g. task definitions).
    public init(_ code: String, path: String = ".github/workflows/deploy.yml", otherFiles: [String: String] = [:],
                documented: Bool = true, file: String = #filePath, line: Int = #line) {
        var files = otherFiles
        files[path] = code
        self.path = path
        self.files = files
        self.isDocumented = documented
        self.sourceFile = file
        self.sourceLine = line
    }

    /// The example's main file with the markers removed, as shown in the docs.
    public var displayCode: String { files[path].map(Self.removingMarkers) ?? "" }

    /// `text` without any `↓`.
    public static func removingMarkers(_ text: String) -> String {
        String(text.filter { $0 != marker })
    }
}

/// Everything a user needs to know about a rule. All fields are required, so a rule without docs does not compile.
public struct RuleDescription: Sendable, Hashable {
    /// The kebab-case id used in output, config, SARIF and `docs/rules/<id>.md`; reads as the bad thing.
    public let id: String
    /// The family the rule counts in.
    public let family: RuleFamily
    /// The default severity.
    public let severity: Severity
    /// One sentence: what the rule finds.
    public let summary: String
    /// Why it matters (the "Why is this bad?" section).
    public let rationale: String
    /// What to write instead.
    public let useInstead: String
    /// Examples that must produce a finding at every `↓`.
    public let triggeringExamples: [RuleExample]
    /// Examples that must produce no finding of this rule.
    public let nonTriggeringExamples: [RuleExample]
    /// What `wfgen lint --fix` changes and when it declines; nil when the rule has no automatic fix.
    public let autoFix: String?

    /// Creates a description.
    public init(id: String, family: RuleFamily, severity: Severity, summary: String, rationale: String,
                useInstead: String, triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample],
                autoFix: String? = nil) {
        self.autoFix = autoFix
        self.id = id
        self.family = family
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.useInstead = useInstead
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

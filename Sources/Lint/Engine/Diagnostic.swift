/// How serious a finding is; ordered so that `note < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The five groups of deployment mistakes; evaluation counts precision and recall per family.
public enum RuleFamily: String, Sendable, Hashable, CaseIterable, Codable {
    case confusion
    case serviceUpdate = "service-update"
    case secrets
    case health
    case hygiene

    /// The family's title in docs and rule listings.
    public var title: String {
        switch self {
        case .confusion: return "ECR/ECS confusion"
        case .serviceUpdate: return "Missing service updates"
        case .secrets: return "Leaked secrets"
        case .health: return "Absent health checks"
        case .hygiene: return "Hygiene that deploys need"
        }
    }
}

/// A position in a linted file: 1-based line and column (characters) plus the end, exclusive.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file, relative to the repository root when it lies inside it.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    /// Line of the end of the span.
    public var endLine: Int
    /// Column just past the end of the span.
    public var endColumn: Int

    /// Creates a location; an absent end means a one-character span.
    public init(path: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column + 1
    }
}

/// A second position that explains a finding (the push an image-tag mismatch compares with).
public struct RelatedLocation: Sendable, Hashable, Codable {
    /// Where.
    public var location: SourceLocation
    /// What that position is, e.g. "image pushed here".
    public var label: String

    /// Creates a related location.
    public init(location: SourceLocation, label: String) {
        self.location = location
        self.label = label
    }
}

/// One finding: a value that reporters render, never a string built early.
public struct Diagnostic: Sendable, Hashable {
    /// The rule's kebab-case id.
    public var ruleID: String
    /// Severity after configuration.
    public var severity: Severity
    /// What is wrong, already redacted.
    public var message: String
    /// The primary position.
    public var location: SourceLocation
    /// Positions that explain the finding.
    public var related: [RelatedLocation]
    /// Literal secrets that the finding touches; reporters mask them wherever source text is shown.
    public var sensitiveTexts: [String]
    /// For auto-fixable rules: the fix `wfgen lint --fix` applies, or why it cannot; reporters ignore it.
    public var fix: FixOutcome?

    /// Creates a diagnostic.
    public init(ruleID: String, severity: Severity, message: String, location: SourceLocation,
                related: [RelatedLocation] = [], sensitiveTexts: [String] = [], fix: FixOutcome? = nil) {
        self.fix = fix
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.sensitiveTexts = sensitiveTexts
    }

    /// The deterministic output order: path, line, column, rule id, message.
    public static func outputOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.path != b.location.path { return a.location.path < b.location.path }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

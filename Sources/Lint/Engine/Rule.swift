import YAML

/// What a rule reports; the engine adds the rule id and the configured severity.
public struct Finding: Sendable, Hashable {
    /// What is wrong (must not hold a secret in full).
    public var message: String
    /// The primary position.
    public var location: SourceLocation
    /// Positions that explain the finding.
    public var related: [RelatedLocation]
    /// Literal secrets the finding touches, masked by reporters wherever source text is shown.
    public var sensitiveTexts: [String]
    /// For auto-fixable rules: the mechanical fix, or why none is safe here; nil for rules without fixes.
    public var fix: FixOutcome?

    /// Creates a finding.
    public init(_ message: String, at location: SourceLocation, related: [RelatedLocation] = [], sensitiveTexts: [String] = [],
                fix: FixOutcome? = nil) {
        self.message = message
        self.location = location
        self.related = related
        self.sensitiveTexts = sensitiveTexts
        self.fix = fix
    }
}

/// A lint rule: a documented value plus checks over workflows, task definitions or unparsable files.
///
/// Rules override only the hooks they need (as actionlint's visitor passes do).
public protocol Rule: Sendable {
    /// The rule's documentation, which is also its test data.
    var description: RuleDescription { get }
    /// Findings in a parsed workflow.
    func check(workflow: WorkflowContext) -> [Finding]
    /// Findings in a parsed task definition.
    func check(taskDefinition: TaskDefinitionContext) -> [Finding]
    /// Findings for a file that could not be parsed at all.
    func check(unparsable source: SourceText, error: YAMLError) -> [Finding]
}

extension Rule {
    public func check(workflow: WorkflowContext) -> [Finding] { [] }
    public func check(taskDefinition: TaskDefinitionContext) -> [Finding] { [] }
    public func check(unparsable source: SourceText, error: YAMLError) -> [Finding] { [] }
    /// The rule's id.
    public var id: String { description.id }
}

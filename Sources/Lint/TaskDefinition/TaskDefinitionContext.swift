import YAML

/// A parsed task-definition file: the `RegisterTaskDefinition` mapping with positions.
public struct TaskDefinitionContext: Sendable {
    /// The file's text.
    public let source: SourceText
    /// The task-definition mapping (the file's root, or `taskDefinition` inside `describe-task-definition` output).
    public let root: Node
    /// The container definitions.
    public let containers: [Node]
    /// True when the file is `describe-task-definition` output (`{"taskDefinition": {...}}`).
    public let isWrappedDescribeOutput: Bool

    /// Reads `source` as a task definition; nil when it parses but is not one (no `containerDefinitions`).
    public static func parse(_ source: SourceText) -> Result<TaskDefinitionContext?, YAMLError> {
        // JSON is YAML 1.2, except that YAML forbids tabs as indentation; a tab outside a JSON string is
        // whitespace and inside one is invalid JSON anyway, so tabs become spaces (same columns, same offsets).
        let bytes = source.bytes.map { $0 == 0x09 ? 0x20 : $0 }
        do {
            let document = try YAMLParser().parse(bytes)
            // An empty file, an array or a lone value cannot be a task definition: say so instead of passing it.
            guard let root = document.root else {
                return .failure(YAMLError(.syntax, "the file is empty", at: document.span.start, context: notTaskDefinition))
            }
            guard root.mapping != nil else {
                let what = root.sequence != nil ? "an array" : "a single value"
                return .failure(YAMLError(.syntax, "the file holds \(what), not a task-definition object", at: root.start,
                                          context: notTaskDefinition))
            }
            if root["containerDefinitions"] != nil {
                return .success(TaskDefinitionContext(source: source, root: root, wrapped: false))
            }
            if let inner = root["taskDefinition"], inner["containerDefinitions"] != nil {
                return .success(TaskDefinitionContext(source: source, root: inner, wrapped: true))
            }
            return .success(nil)
        } catch {
            return .failure(error)
        }
    }

    /// The `context` of a parse error for a file that is valid JSON but not a task-definition object.
    public static let notTaskDefinition = "not a task definition"

    private init(source: SourceText, root: Node, wrapped: Bool) {
        self.source = source
        self.root = root
        self.containers = root["containerDefinitions"]?.sequence?.filter { $0.mapping != nil } ?? []
        self.isWrappedDescribeOutput = wrapped
    }

    /// Container names, in order.
    public var containerNames: [String] { containers.compactMap { $0["name"]?.scalar } }

    /// True when the task definition asks for Fargate.
    public var isFargate: Bool {
        root["requiresCompatibilities"]?.sequence?.contains { $0.scalar?.uppercased() == "FARGATE" } ?? false
    }

    /// A location for a node of this file.
    public func location(of node: Node) -> SourceLocation { source.location(of: node) }

    /// A container's `essential` value, true when omitted (as ECS defaults it).
    public static func isEssential(_ container: Node) -> Bool {
        guard let value = container["essential"]?.scalar?.lowercased() else { return true }
        return value != "false"
    }
}

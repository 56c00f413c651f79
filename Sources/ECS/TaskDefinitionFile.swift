public import Workflow

/// A task-definition JSON file at a path of the repository (what `wfgen import` takes over): a typed
/// `TaskDefinition`, or — the escape hatch — the JSON document as it was, with the reason it is not typed.
public struct TaskDefinitionFile: Sendable {
    /// What the file holds.
    public enum Content: Sendable {
        /// A typed task definition, rendered as `TaskDefinition.json`.
        case typed(TaskDefinition)
        /// The document written unchanged and unchecked; generating warns with `reason`.
        case untyped(JSONValue, reason: String)
    }

    /// The path relative to the repository root, e.g. `.aws/task-definition.json`.
    public let path: String
    /// What the file holds.
    public let content: Content
    /// The DSL call that built this value, named in diagnostics and in the manifest.
    public let location: SourceLocation

    /// A typed task definition written at `path`.
    public init(path: String, definition: TaskDefinition, file: String = #filePath, line: Int = #line) {
        self.path = path
        self.content = .typed(definition)
        self.location = SourceLocation(file: file, line: line)
    }

    /// Escape hatch: the JSON document `json` written at `path` as it is (generating warns with `reason`).
    public static func untyped(path: String, _ json: JSONValue, reason: String, file: String = #filePath,
                               line: Int = #line) -> TaskDefinitionFile {
        TaskDefinitionFile(path: path, content: .untyped(json, reason: reason), location: SourceLocation(file: file, line: line))
    }

    private init(path: String, content: Content, location: SourceLocation) {
        self.path = path
        self.content = content
        self.location = location
    }

    /// The file's JSON.
    public var json: JSONValue {
        switch content {
        case .typed(let definition): definition.json
        case .untyped(let json, _): json
        }
    }

    /// Errors and warnings: the path must be a plain relative `.json` path outside `.github/workflows/`.
    public var diagnostics: [Diagnostic] {
        var found: [Diagnostic] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || !path.hasSuffix(".json") || parts.contains("..") || parts.contains("")
            || parts.contains(".") || path.hasPrefix(".github/workflows/") {
            found.append(.error("task definition path '\(path)' must be a relative path ending in .json, outside .github/workflows/",
                                at: location))
        }
        switch content {
        case .typed(let definition): found += definition.diagnostics
        case .untyped(_, let reason):
            found.append(.warning("task definition \(path) is untyped and not checked: \(reason)", at: location))
        }
        return found
    }
}

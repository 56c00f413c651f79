public import Workflow
public import ECS

/// Everything `workflows-src/` defines: plain workflows, ECS pipelines, and task-definition files at paths of their
/// own (what `wfgen import` takes over).
public struct Definitions {
    /// Plain workflows.
    public let workflows: [Workflow]
    /// ECS pipelines.
    public let pipelines: [Pipeline]
    /// Task-definition JSON files, each at its own path.
    public let taskDefinitionFiles: [TaskDefinitionFile]

    /// Collects definitions.
    public init(workflows: [Workflow] = [], pipelines: [Pipeline] = [], taskDefinitionFiles: [TaskDefinitionFile] = []) {
        self.workflows = workflows
        self.pipelines = pipelines
        self.taskDefinitionFiles = taskDefinitionFiles
    }
}

/// How a run of wfgen ended; the process exit status.
public enum CommandStatus: Int32, Sendable {
    /// Everything generated or up to date.
    case ok = 0
    /// `check` found missing, stale or hand-edited files.
    case drift = 1
    /// The definitions, the arguments or the files on disk are wrong; the message says what to do.
    case inputError = 2
    /// A bug or an I/O failure in wfgen itself.
    case internalError = 3
}

extension Definitions {
    /// Both sets: a repository's own definitions and those `wfgen import` wrote (`… + Imported.definitions`).
    public static func + (lhs: Definitions, rhs: Definitions) -> Definitions {
        Definitions(workflows: lhs.workflows + rhs.workflows, pipelines: lhs.pipelines + rhs.pipelines,
                    taskDefinitionFiles: lhs.taskDefinitionFiles + rhs.taskDefinitionFiles)
    }
}

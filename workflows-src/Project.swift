import ECS
import Workflow

/// Everything this repository generates: `swift run wfgen` compiles these.
public enum Project {
    /// Plain workflows.
    public static var workflows: [Workflow] { [continuousIntegration()] }

    /// ECS pipelines (each becomes a workflow and task definitions under generated/).
    public static var pipelines: [Pipeline] { [fastAPIStreamlit()] }

    /// The package root: the directory holding workflows-src/, from where this file was compiled.
    public static var packageRoot: String {
        var path = #filePath
        for _ in 0..<2 {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            path = String(path[..<slash])
        }
        return path.isEmpty ? "/" : path
    }
}

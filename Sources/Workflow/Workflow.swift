/// A GitHub Actions workflow, compiled to `.github/workflows/<fileName>`.
public struct Workflow: Sendable {
    /// The file name under `.github/workflows/`, e.g. `ci.yml`.
    public let fileName: String
    /// `name:`; nil omits it (GitHub then shows the file path).
    public let name: String?
    /// `run-name:`; nil omits it.
    public let runName: InterpolatedString?
    /// `on:`.
    public let on: [Trigger]
    /// `permissions:`; nil omits it.
    public let permissions: Permissions?
    /// `env:`.
    public let env: OrderedPairs<InputValue>
    /// `defaults:`; nil omits it.
    public let defaults: RunDefaults?
    /// `concurrency:`; nil omits it.
    public let concurrency: Concurrency?
    /// `jobs:`.
    public let jobs: [Job]
    /// The DSL call that built the workflow; its file is named in the generated header.
    public let location: SourceLocation

    /// Declares a workflow. `permissions` defaults to `{}` so that each job states what it needs.
    public init(
        _ fileName: String, name: String?, runName: InterpolatedString? = nil, on: [Trigger],
        permissions: Permissions? = Permissions.none, env: OrderedPairs<InputValue> = [], defaults: RunDefaults? = nil,
        concurrency: Concurrency? = nil, jobs: [Job], file: String = #filePath, line: Int = #line
    ) {
        self.fileName = fileName
        self.name = name
        self.runName = runName
        self.on = on
        self.permissions = permissions
        self.env = env
        self.defaults = defaults
        self.concurrency = concurrency
        self.jobs = jobs
        self.location = SourceLocation(file: file, line: line)
    }
}

/// actions/upload-artifact v7 (inputs from its action.yml at v7.0.0): files from one job, for later jobs.
public struct UploadArtifact: ActionBinding {
    /// Outputs of upload-artifact.
    public enum Output: String, Sendable {
        case artifactID = "artifact-id", artifactURL = "artifact-url", artifactDigest = "artifact-digest"
    }
    public static var pin: ActionPin { ReleaseActionPins.uploadArtifact }

    /// `if-no-files-found`.
    public enum IfNoFilesFound: String, Sendable { case warn, error, ignore }

    /// The action input `name`; nil leaves the action default (`artifact`).
    public var name: InterpolatedString?
    /// The action input `path`: files, folders or wildcard patterns, one per line.
    public var path: [InterpolatedString]
    /// The action input `if-no-files-found`; nil leaves the action default (`warn`).
    public var ifNoFilesFound: IfNoFilesFound?
    /// The action input `retention-days`; nil leaves the action default.
    public var retentionDays: LiteralOrExpression<Int>?
    /// The action input `compression-level`; nil leaves the action default.
    public var compressionLevel: LiteralOrExpression<Int>?
    /// The action input `overwrite`; nil leaves the action default.
    public var overwrite: LiteralOrExpression<Bool>?
    /// The action input `include-hidden-files`; nil leaves the action default.
    public var includeHiddenFiles: LiteralOrExpression<Bool>?
    /// The action input `archive`; nil leaves the action default.
    public var archive: LiteralOrExpression<Bool>?

    /// Uploads `path` as artifact `name`.
    public init(name: InterpolatedString? = nil, path: [InterpolatedString], ifNoFilesFound: IfNoFilesFound? = nil,
                retentionDays: LiteralOrExpression<Int>? = nil, compressionLevel: LiteralOrExpression<Int>? = nil,
                overwrite: LiteralOrExpression<Bool>? = nil, includeHiddenFiles: LiteralOrExpression<Bool>? = nil,
                archive: LiteralOrExpression<Bool>? = nil) {
        self.name = name
        self.path = path
        self.ifNoFilesFound = ifNoFilesFound
        self.retentionDays = retentionDays
        self.compressionLevel = compressionLevel
        self.overwrite = overwrite
        self.includeHiddenFiles = includeHiddenFiles
        self.archive = archive
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("name", name.input),
            ("path", path.count == 1 ? .string(path[0]) : .lines(path)),
            ("if-no-files-found", ifNoFilesFound.map { .string(InterpolatedString($0.rawValue)) }),
            ("retention-days", retentionDays.input), ("compression-level", compressionLevel.input),
            ("overwrite", overwrite.input), ("include-hidden-files", includeHiddenFiles.input), ("archive", archive.input),
        ]
    }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        path.isEmpty ? [.error("upload-artifact needs at least one path", at: location)] : []
    }
}

/// actions/download-artifact v8 (inputs from its action.yml at v8.0.1): artifacts of this run, into the workspace.
public struct DownloadArtifact: ActionBinding {
    /// Outputs of download-artifact.
    public enum Output: String, Sendable { case downloadPath = "download-path" }
    public static var pin: ActionPin { ReleaseActionPins.downloadArtifact }

    /// `digest-mismatch`.
    public enum DigestMismatch: String, Sendable { case ignore, info, warn, error }

    /// The action input `name`; nil downloads every artifact of the run (or those matching `pattern`).
    public var name: InterpolatedString?
    /// The action input `path`; nil leaves the action default (the workspace).
    public var path: InterpolatedString?
    /// The action input `pattern`; nil leaves the action default. Ignored when `name` is set.
    public var pattern: InterpolatedString?
    /// The action input `merge-multiple`; nil leaves the action default (one folder per artifact).
    public var mergeMultiple: LiteralOrExpression<Bool>?
    /// The action input `digest-mismatch`; nil leaves the action default (`error`).
    public var digestMismatch: DigestMismatch?

    /// Downloads this run's artifacts.
    public init(name: InterpolatedString? = nil, path: InterpolatedString? = nil, pattern: InterpolatedString? = nil,
                mergeMultiple: LiteralOrExpression<Bool>? = nil, digestMismatch: DigestMismatch? = nil) {
        self.name = name
        self.path = path
        self.pattern = pattern
        self.mergeMultiple = mergeMultiple
        self.digestMismatch = digestMismatch
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("name", name.input), ("path", path.input), ("pattern", pattern.input), ("merge-multiple", mergeMultiple.input),
            ("digest-mismatch", digestMismatch.map { .string(InterpolatedString($0.rawValue)) }),
        ]
    }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        name != nil && pattern != nil
            ? [.warning("download-artifact ignores pattern when name is set", at: location)] : []
    }
}

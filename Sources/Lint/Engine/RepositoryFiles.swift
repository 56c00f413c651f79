import Foundation

/// Read access to the files of the repository being linted, by repository-relative path.
///
/// Workflows name task-definition files relative to the repository root; the engine loads them through this,
/// so tests can lint in-memory examples and the CLI lints the disk.
public protocol RepositoryFiles: Sendable {
    /// The bytes of the file at `path` (relative to the repository root), or nil when it does not exist.
    func read(_ path: String) -> [UInt8]?

    /// The bytes of the file at `path`, or why it was not read.
    func readChecked(_ path: String) -> Result<[UInt8], FileReadRefusal>
}

extension RepositoryFiles {
    public func readChecked(_ path: String) -> Result<[UInt8], FileReadRefusal> {
        read(path).map { .success($0) } ?? .failure(.missing)
    }
}

/// Files held in memory (rule examples, tests).
public struct InMemoryRepository: RepositoryFiles {
    /// Contents by normalized relative path.
    public let files: [String: [UInt8]]

    /// Creates a repository from path → text.
    public init(_ files: [String: String]) {
        var map: [String: [UInt8]] = [:]
        for (path, text) in files { map[RepositoryPath.normalize(path)] = Array(text.utf8) }
        self.files = map
    }

    public func read(_ path: String) -> [UInt8]? { files[RepositoryPath.normalize(path)] }
}

/// Files on disk below a root folder, read as a pull request's files must be: nothing outside the root.
///
/// A workflow names files (`task-definition: ../x.json`, `/proc/self/environ`, a committed symbolic link): a path
/// is followed only when, with `..` and every symbolic link resolved, it stays inside the root (or inside a folder
/// named on the command line), or when it is itself a file named on the command line. Every read goes through
/// `SafeFileReader` (size from metadata first, special files refused).
public struct DiskRepository: RepositoryFiles {
    /// The repository root (absolute).
    public let root: URL
    /// `root.path` with a trailing slash, computed once (building URLs per file was measurable).
    private let rootPrefix: String
    /// Folders (resolved, with a trailing slash) whose files may be read: the root and folders named on the command line.
    private let allowedFolders: [String]
    /// Files named on the command line (absolute, standardized), readable wherever they are.
    private let namedFiles: Set<String>

    /// Creates a view of the folder `root`; `namedFiles` and `namedFolders` were given on the command line.
    public init(root: URL, namedFiles: [URL] = [], namedFolders: [URL] = []) {
        self.root = root.standardizedFileURL
        let path = self.root.path
        rootPrefix = path.hasSuffix("/") ? path : path + "/"
        allowedFolders = ([self.root] + namedFolders).compactMap { folder in
            SafeFileReader.resolvedPath(folder.standardizedFileURL.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        }
        self.namedFiles = Set(namedFiles.map(\.standardizedFileURL.path))
    }

    public func read(_ path: String) -> [UInt8]? { try? readChecked(path).get() }

    public func readChecked(_ path: String) -> Result<[UInt8], FileReadRefusal> {
        let full = path.hasPrefix("/") ? RepositoryPath.normalize(path) : rootPrefix + RepositoryPath.normalize(path)
        if namedFiles.contains(full) { return SafeFileReader.read(full) }
        guard let resolved = SafeFileReader.resolvedPath(full) else { return .failure(.missing) }
        guard allowedFolders.contains(where: { resolved.hasPrefix($0) }) else { return .failure(.outsideRoot(resolved: resolved)) }
        // The resolved path has no link left; one appearing now is refused rather than followed.
        return SafeFileReader.read(resolved, followLastLink: false)
    }
}

/// Path spelling helpers shared by the engine and rules.
public enum RepositoryPath {
    /// `./a//b/../c` → `a/c`; keeps a leading `/`.
    public static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

extension RepositoryPath {
    /// True when `normalize` would return `path` unchanged: ASCII, no empty, `.` or `..` component, no trailing
    /// slash. Every target and every read is normalized, nearly always already normal; this skips the split.
    static func isNormal(_ path: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        var first = true
        for byte in path.utf8 {
            if byte >= 0x80 { return false }
            if byte == 0x2F {
                // An empty component is fine only as the leading `/` of an absolute path.
                if segmentLength == 0 && !first { return false }
                if segmentLength > 0 && dots == segmentLength && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == 0x2E { dots += 1 }
            }
            first = false
        }
        if path.isEmpty { return true }
        if segmentLength == 0 { return false }
        return !(dots == segmentLength && dots <= 2)
    }
}

/// Reads of one workflow's lint, each path read once: rules ask for the same task definition once per step or
/// deployment, and a workflow with thousands of them read the file thousands of times.
final class ReadOnceRepository: RepositoryFiles, @unchecked Sendable {
    private let base: RepositoryFiles
    private let lock = NSLock()
    private var files: [String: Result<[UInt8], FileReadRefusal>] = [:]

    init(base: RepositoryFiles) { self.base = base }

    func read(_ path: String) -> [UInt8]? { try? readChecked(path).get() }

    func readChecked(_ path: String) -> Result<[UInt8], FileReadRefusal> {
        let key = RepositoryPath.normalize(path)
        lock.lock()
        if let cached = files[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let result = base.readChecked(key)
        lock.lock()
        files[key] = result
        lock.unlock()
        return result
    }
}

import Foundation

/// Read access to the files of the repository being linted, by repository-relative path.
///
/// Workflows name task-definition files relative to the repository root; the engine loads them through this,
/// so tests can lint in-memory examples and the CLI lints the disk.
public protocol RepositoryFiles: Sendable {
    /// The bytes of the file at `path` (relative to the repository root), or nil when it does not exist.
    func read(_ path: String) -> [UInt8]?
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

/// Files on disk below a root folder.
public struct DiskRepository: RepositoryFiles {
    /// The repository root (absolute).
    public let root: URL
    /// `root.path` with a trailing slash, computed once (building URLs per file was measurable).
    private let rootPrefix: String

    /// Creates a view of the folder `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
        let path = self.root.path
        rootPrefix = path.hasSuffix("/") ? path : path + "/"
    }

    public func read(_ path: String) -> [UInt8]? {
        DiskRepository.readBytes(path.hasPrefix("/") ? path : rootPrefix + RepositoryPath.normalize(path))
    }

    /// Reads a whole regular file with POSIX calls into bytes (no intermediate `Data`); nil when unreadable.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, Int(status.st_size) + 1))
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
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

/// `read(2)`, named apart from `RepositoryFiles.read` so the call inside the struct reaches the C function.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Reads of one workflow's lint, each path read once: rules ask for the same task definition once per step or
/// deployment, and a workflow with thousands of them read the file thousands of times.
final class ReadOnceRepository: RepositoryFiles, @unchecked Sendable {
    private let base: RepositoryFiles
    private let lock = NSLock()
    private var files: [String: [UInt8]?] = [:]

    init(base: RepositoryFiles) { self.base = base }

    func read(_ path: String) -> [UInt8]? {
        let key = RepositoryPath.normalize(path)
        lock.lock()
        if let cached = files[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let bytes = base.read(key)
        lock.lock()
        files[key] = bytes
        lock.unlock()
        return bytes
    }
}

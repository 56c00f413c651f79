import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#else
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// The generated files on disk under a package root: reading, staged all-or-nothing writing, deleting.
///
/// Every path is relative to the root, checked before use: no `..`, no absolute path, and no component that is a
/// symlink, so nothing outside the root is read, written or deleted, whatever a manifest or a definition says.
/// Only regular files are read; a directory, FIFO, device or socket where a file should be is an error.
struct OutputTree {
    let root: URL

    /// The largest file wfgen reads back (generated files are far smaller); checked before reading.
    static let maximumFileSize = 16 << 20

    /// The start and end of the names of wfgen's temporary files, `.<name>.wfgen-<UUID>.tmp`.
    static let temporaryInfix = ".wfgen-"
    static let temporarySuffix = ".tmp"

    /// Why a path cannot be read or written.
    struct Refusal: Error, Equatable {
        let path: String
        let reason: String
    }

    init(root: String) { self.root = URL(fileURLWithPath: root, isDirectory: true) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// True when `path` is relative, plain (no `.`, `..` or empty components) and stays inside the root.
    static func isPlainRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    /// The file's text, nil when nothing is there; a refusal when the path is not plain, passes through a symlink,
    /// or names something other than a regular file of at most `maximumFileSize` bytes.
    func read(_ path: String) throws(Refusal) -> String? {
        guard Self.isPlainRelative(path) else { throw Refusal(path: path, reason: "is not a plain path inside the repository") }
        try checkParents(of: path)
        let full = url(path).path
        var status = stat()
        guard lstat(full, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Refusal(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Refusal(path: path, reason: "is \(Self.describe(mode: status.st_mode)), not a file wfgen can own")
        }
        guard Int(status.st_size) <= Self.maximumFileSize else {
            throw Refusal(path: path, reason: "is \(status.st_size) bytes, larger than any file wfgen generates")
        }
        let descriptor = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw Refusal(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            if bytes.count > Self.maximumFileSize {
                throw Refusal(path: path, reason: "grew past \(Self.maximumFileSize) bytes while being read")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Refuses a path whose existing parent components are not real directories (a symlink could lead outside).
    private func checkParents(of path: String) throws(Refusal) {
        var current = root.path
        for component in path.split(separator: "/").dropLast() {
            current += "/" + component
            var status = stat()
            guard lstat(current, &status) == 0 else { return }  // missing: created later, inside the root
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw Refusal(path: path, reason: "passes through \(String(current.dropFirst(root.path.count + 1))), " +
                              "which is \(Self.describe(mode: status.st_mode)), not a folder")
            }
        }
    }

    /// Writes every file, all or nothing: each is written to a temporary file beside its target first; only when all
    /// are staged are they renamed into place. A failure before that removes every temporary file and every folder
    /// it created, so the tree is as it was.
    func write(_ files: [(path: String, contents: String)]) throws(Refusal) {
        var staged: [(temporary: String, target: String, path: String)] = []
        var createdFolders: [String] = []
        func undo() {
            for file in staged { unlink(file.temporary) }
            for folder in createdFolders.reversed() { rmdir(folder) }
        }
        for file in files {
            guard Self.isPlainRelative(file.path) else {
                undo()
                throw Refusal(path: file.path, reason: "is not a plain path inside the repository")
            }
            do {
                try checkParents(of: file.path)
                createdFolders += try createParents(of: file.path)
                let target = url(file.path).path
                let temporary = (target as NSString).deletingLastPathComponent + "/." +
                    (target as NSString).lastPathComponent + Self.temporaryInfix + UUID().uuidString + Self.temporarySuffix
                try writeNew(temporary, file.contents, path: file.path)
                staged.append((temporary, target, file.path))
            } catch {
                undo()
                throw error
            }
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.temporary) }
            throw Refusal(path: file.path, reason: "could not be replaced (\(reason)); \(index) of \(staged.count) files were written")
        }
    }

    private func createParents(of path: String) throws(Refusal) -> [String] {
        var created: [String] = []
        var current = root.path
        for component in path.split(separator: "/").dropLast() {
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                created.append(current)
            } else if errno != EEXIST {
                throw Refusal(path: path, reason: "folder \(current) could not be created: \(String(cString: strerror(errno)))")
            }
        }
        return created
    }

    private func writeNew(_ temporary: String, _ text: String, path: String) throws(Refusal) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw Refusal(path: path, reason: "could not be written: \(String(cString: strerror(errno)))")
        }
        var failure: Int32 = 0
        var utf8 = text
        utf8.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure != 0 {
            unlink(temporary)
            throw Refusal(path: path, reason: "could not be written: \(String(cString: strerror(failure)))")
        }
    }

    /// Deletes a file wfgen owns, then the folders under generated/ it leaves empty.
    func delete(_ path: String) throws(Refusal) {
        guard Self.isPlainRelative(path) else { throw Refusal(path: path, reason: "is not a plain path inside the repository") }
        try checkParents(of: path)
        guard unlink(url(path).path) == 0 || errno == ENOENT else {
            throw Refusal(path: path, reason: "could not be removed: \(String(cString: strerror(errno)))")
        }
        // Remove folders under generated/ that became empty, so stale pipelines leave nothing behind.
        var components = path.split(separator: "/").dropLast()
        while components.count > 1, components.first == "generated" {
            guard rmdir(url(components.joined(separator: "/")).path) == 0 else { break }
            components = components.dropLast()
        }
    }

    /// Workflow files (`.yml`, `.yaml`) present in `.github/workflows/`, as relative paths.
    func workflowFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(".github/workflows").path)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { ".github/workflows/" + $0 }
    }

    /// Temporary files a killed run left in `folders` (relative paths), as relative paths.
    func leftoverTemporaryFiles(in folders: Set<String>) -> [String] {
        var found: [String] = []
        for folder in folders where Self.isPlainRelative(folder) {
            guard (try? checkParents(of: folder + "/x")) != nil,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: url(folder).path) else { continue }
            for name in names where Self.isTemporaryName(name) {
                var status = stat()
                if lstat(url(folder + "/" + name).path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                    found.append(folder + "/" + name)
                }
            }
        }
        return found.sorted()
    }

    /// `.<name>.wfgen-<36-character UUID>.tmp`, the shape of the temporary files `write` creates.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(temporarySuffix),
              let infix = name.range(of: temporaryInfix, options: .backwards) else { return false }
        let uuid = name[infix.upperBound..<name.index(name.endIndex, offsetBy: -temporarySuffix.count)]
        return uuid.count == 36 && UUID(uuidString: String(uuid)) != nil
    }

    private static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }
}

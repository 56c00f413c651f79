import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a fixed file back, only over the very text the fixes were computed from.
///
/// The fixes of a file are computed from one read of it. Right before replacing it, the file is opened again
/// (without following a final link, without blocking) and compared with that read: the same bytes, and the same
/// inode, size and modification time just before the rename. A file changed meanwhile is left alone (its new text
/// would be patched at positions of the old one), a file deleted meanwhile is not written back, and a file with
/// several hard links is refused (a rename would silently split it from its other names; fix those by hand). The
/// new text goes to a temporary file beside it with the same mode and owner, is flushed, then renamed over it, so
/// a reader (or a crash) sees the old file or the new one, never half of it.
public enum FixWriter {
    /// Why a fixed file was not written.
    public struct Refusal: Error, Sendable {
        /// A sentence for `wfgen: <message>`.
        public let message: String
    }

    /// Replaces `file` under `root` with its fixed text, or says why it did not.
    public static func write(_ file: FixedFile, root: URL) throws(Refusal) {
        let given = file.path.hasPrefix("/") ? file.path : root.standardizedFileURL.appendingPathComponent(file.path).path
        try replace(given, original: file.original, with: file.fixed, shownAs: file.path)
    }

    static func replace(_ given: String, original: [UInt8], with bytes: [UInt8], shownAs name: String) throws(Refusal) {
        // A symlinked workflow stays a symlink: the file it points to is replaced.
        guard let path = SafeFileReader.resolvedPath(given) else {
            throw Refusal(message: "\(name) was deleted during the run; not written back")
        }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Refusal(message: "\(name) was deleted or replaced during the run; not written") }
        defer { close(descriptor) }
        var before = stat()
        guard fstat(descriptor, &before) == 0, before.st_mode & S_IFMT == S_IFREG else {
            throw Refusal(message: "\(name) is no longer a regular file; not written")
        }
        guard before.st_nlink <= 1 else {
            throw Refusal(message: "\(name) has \(before.st_nlink) hard links, which replacing it would break; not fixed (apply --diff by hand)")
        }
        guard case .success(let current) = SafeFileReader.read(path, followLastLink: false), current == original else {
            throw Refusal(message: "\(name) changed during the run; not written (run --fix again)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".wfgen-fix-" + UUID().uuidString
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, before.st_mode & 0o7777)
        guard output >= 0 else { throw Refusal(message: "cannot write a temporary file beside \(name): \(String(cString: strerror(errno)))") }
        var written = 0
        var failure: String?
        while written < bytes.count, failure == nil {
            let count = bytes.withUnsafeBytes { systemWrite(output, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0 {
                if errno != EINTR { failure = String(cString: strerror(errno)) }
            } else {
                written += count
            }
        }
        // The same mode (umask ignored) and owner as the file replaced.
        if failure == nil, fchmod(output, before.st_mode & 0o7777) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, (before.st_uid != geteuid() || before.st_gid != getegid()), fchown(output, before.st_uid, before.st_gid) != 0 {
            failure = "cannot keep its owner (\(String(cString: strerror(errno))))"
        }
        if failure == nil, fsync(output) != 0 { failure = String(cString: strerror(errno)) }
        close(output)
        if let failure {
            unlink(temporary)
            throw Refusal(message: "cannot write \(name): \(failure); not written")
        }
        // Last check: still the same file, unchanged since it was compared.
        var now = stat()
        guard lstat(path, &now) == 0, now.st_ino == before.st_ino, now.st_dev == before.st_dev, now.st_size == before.st_size,
              modificationTime(now) == modificationTime(before) else {
            unlink(temporary)
            throw Refusal(message: "\(name) changed during the run; not written (run --fix again)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Refusal(message: "cannot replace \(name): \(reason)")
        }
    }
}

/// `write(2)`, named apart from `FixWriter.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// A file's modification time in seconds and nanoseconds.
private func modificationTime(_ status: stat) -> [Int] {
    #if canImport(Darwin)
    return [Int(status.st_mtimespec.tv_sec), Int(status.st_mtimespec.tv_nsec)]
    #else
    return [Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)]
    #endif
}

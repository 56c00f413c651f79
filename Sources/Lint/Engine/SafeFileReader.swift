import Foundation
import YAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file was not read.
public enum FileReadRefusal: Error, Sendable, Hashable {
    /// Nothing at that path.
    case missing
    /// A FIFO, device, socket or folder: reading could block forever or never end.
    case notRegularFile(kind: String)
    /// Bigger than the limit, from its metadata (nothing was read).
    case tooLarge(size: Int, limit: Int)
    /// The path, once `..` and symbolic links are resolved, leaves the repository root (and was not named on the
    /// command line).
    case outsideRoot(resolved: String)
    /// `open` or `read` failed.
    case failed(reason: String)

    /// A sentence for `wfgen: cannot read <path>: <description>`.
    public var description: String {
        switch self {
        case .missing: return "no such file"
        case .notRegularFile(let kind): return "it is a \(kind), not a regular file"
        case .tooLarge(let size, let limit): return "it is \(size) bytes, over the \(limit >> 20) MiB limit"
        case .outsideRoot(let resolved): return "it resolves to '\(resolved)', outside the repository root"
        case .failed(let reason): return reason
        }
    }
}

/// Reads files the linter did not choose itself (workflows, the task definitions they name, the configuration)
/// without trusting them: the size is checked from the metadata of the very descriptor that is read, before any
/// byte is read; FIFOs, devices and sockets are refused (opened non-blocking, so opening one cannot hang); and
/// the bytes read never exceed the limit, even if the file grows meanwhile.
enum SafeFileReader {
    /// The largest file read: the YAML parser's own limit (`ParseLimits.maxBytes`, 16 MiB).
    static let maximumFileSize = ParseLimits().maxBytes

    /// The bytes of the regular file at `path`, at most `limit` bytes. `followLastLink` false refuses a path whose
    /// last component is a symbolic link (the caller resolved the path and checked where it leads).
    static func read(_ path: String, limit: Int = maximumFileSize, followLastLink: Bool = true) -> Result<[UInt8], FileReadRefusal> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLastLink ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
            if code == ELOOP && !followLastLink { return .failure(.failed(reason: "it is a symbolic link that changed while being read")) }
            return .failure(.failed(reason: String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.failed(reason: String(cString: strerror(errno)))) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { return .failure(.notRegularFile(kind: kindName(type))) }
        let size = Int(status.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        // One byte more than the size says, to see a file that grew; never more than the limit plus one.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.failed(reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
            if filled == bytes.count && filled <= limit {
                // The file grew past its size: keep reading up to the limit.
                bytes.append(contentsOf: repeatElement(0, count: min(64 << 10, limit + 1 - filled)))
            }
        }
        guard filled <= limit else { return .failure(.tooLarge(size: filled, limit: limit)) }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// What a file type is called in messages.
    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        case S_IFDIR: return "folder"
        case S_IFLNK: return "symbolic link"
        default: return "special file"
        }
    }

    /// The path with every symbolic link and `..` resolved, or nil when it does not exist.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `read(2)`, named apart from the `read` methods around it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files created only where nothing exists: `O_CREAT | O_EXCL` makes "never overwrite" hold even against a file
/// (or a symlink) that appears between the check and the write.
enum ExclusiveFile {
    struct Failure: Error {
        let path: String
        let reason: String
    }

    static func create(_ url: URL, contents: String) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try write(contents, to: descriptor, path: url.path)
    }

    /// Writes all of `text` to `descriptor`, retrying short writes.
    static func write(_ text: String, to descriptor: Int32, path: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    static func describe(_ error: Error) -> String {
        if let failure = error as? Failure { return "\(failure.path): \(failure.reason)" }
        return "\(error)"
    }
}

/// A `.gitignore`, extended with lines it lacks; the rest of it is kept byte for byte.
struct GitIgnore {
    let url: URL

    /// Appends each of `lines` that the file does not hold yet; returns those added.
    func add(_ lines: [String]) throws -> [String] {
        let existing = FileManager.default.fileExists(atPath: url.path)
            ? try String(contentsOf: url, encoding: .utf8) : ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) && !present.contains("/" + $0) }
        guard !missing.isEmpty else { return [] }
        var text = existing
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += missing.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: url, options: .atomic)
        return missing
    }
}

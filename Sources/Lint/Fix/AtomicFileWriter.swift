import Foundation

/// Replaces a file's contents atomically: a temporary file beside it, then `rename(2)` over it.
///
/// A reader (or a crash) sees the old file or the new one, never half of it; the file keeps its permissions.
enum AtomicFileWriter {
    struct Failure: Error {
        let message: String
    }

    static func replace(_ givenPath: String, with bytes: [UInt8]) throws(Failure) {
        // A symlinked workflow stays a symlink: the file it points to is replaced.
        let url = URL(fileURLWithPath: givenPath).resolvingSymlinksInPath()
        let path = url.path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).wfgen-fix-\(UUID().uuidString)").path
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw Failure(message: "cannot write a temporary file beside \(path)")
        }
        if let permissions {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Failure(message: "cannot replace \(path)")
        }
    }
}

import Foundation

/// A fresh directory per test, removed when the value goes away (tests run in parallel: never share one).
public final class TemporaryDirectory {
    /// The directory's absolute path.
    public let path: String

    /// Creates the directory.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The URL of a path inside the directory.
    public func url(_ relative: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(relative) }

    /// Reads a file inside the directory as UTF-8.
    public func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    /// Writes a file inside the directory, creating its folders.
    public func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }

    /// Whether a file or folder exists inside the directory.
    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    /// Every file below the directory with its contents, to prove that nothing changed.
    public func snapshot() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try read(relative)
            }
        }
        return files
    }
}

import Foundation

/// The generated files on disk under a package root: reading, atomic writing, deleting.
struct OutputTree {
    let root: URL

    init(root: String) { self.root = URL(fileURLWithPath: root, isDirectory: true) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The file's text, nil when it does not exist; throws when it exists but cannot be read.
    func read(_ path: String) throws -> String? {
        let url = url(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url)
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes through a temporary file in the same directory and a rename, so readers never see half a file.
    func writeAtomically(_ path: String, _ text: String) throws {
        let target = url(path)
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).wfgen-\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
        // Remove directories under generated/ that became empty, so stale pipelines leave nothing behind.
        var directory = url(path).deletingLastPathComponent()
        let generated = url("generated").standardizedFileURL.path
        while directory.standardizedFileURL.path.hasPrefix(generated + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.isEmpty == true {
            try FileManager.default.removeItem(at: directory)
            directory = directory.deletingLastPathComponent()
        }
    }

    /// Workflow files (`.yml`, `.yaml`) present in `.github/workflows/`, as relative paths.
    func workflowFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(".github/workflows").path)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { ".github/workflows/" + $0 }
    }
}

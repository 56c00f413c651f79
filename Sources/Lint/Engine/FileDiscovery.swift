import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds lintable files below a folder.
///
/// It walks folders with `readdir`, whose entry types spare a `stat` for nearly every name: discovery runs on one
/// thread before any file is linted, so on a big tree it is wall time that no core can share.
enum FileDiscovery {
    /// Folders never descended into: version control, build output, dependencies and virtual environments.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".venv", "venv", ".swiftpm", "Pods", "vendor",
                                              ".terraform", "dist", "build"]

    /// What a file name says a file may hold.
    enum Candidate {
        case yaml, json
    }

    /// The workflows (YAML under `.github/workflows/`, action definitions, other YAML with a top-level `jobs:`) and
    /// task definitions (JSON with `containerDefinitions`) below `folder`, with paths relative to `root`, in no
    /// particular order (the linter sorts them).
    static func targets(in folder: URL, root: URL) -> [LintTarget] { scan(folder, root: root).targets }

    /// `targets(in:root:)`, and the folders that could not be listed (path and reason): a folder that cannot be
    /// read is an error to report, never "0 files linted".
    static func scan(_ folder: URL, root: URL) -> (targets: [LintTarget], unreadableFolders: [(path: String, reason: String)]) {
        let base = root.standardizedFileURL.path + "/"
        let start = folder.standardizedFileURL.path
        let folderIsWorkflows = start.hasSuffix("/.github/workflows")
        var targets: [LintTarget] = []
        var unreadable: [(path: String, reason: String)] = []
        var pending = [start]
        while let directory = pending.popLast() {
            guard let names = entries(of: directory) else {
                let reason = String(cString: strerror(errno))
                let standard = URL(fileURLWithPath: directory).standardizedFileURL.path
                unreadable.append((standard.hasPrefix(base) ? String(standard.dropFirst(base.count)) : standard, reason))
                continue
            }
            for (name, type) in names where !skippedFolders.contains(name) {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if type == DT_DIR {
                    pending.append(path)
                    continue
                }
                let candidate = self.candidate(name)
                if type != DT_REG {
                    // A link, or a file system that does not type its entries: ask the file itself. Links are
                    // followed to files, never into folders (as `find` does without `-L`).
                    var info = stat()
                    if type == DT_UNKNOWN, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                        pending.append(path)
                        continue
                    }
                    guard candidate != nil, stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
                }
                guard let candidate else { continue }
                // Paths built from a standardized folder stay standard unless a name holds something odd.
                let standard = isStandard(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
                let relative = standard.hasPrefix(base) ? String(standard.dropFirst(base.count)) : standard
                switch candidate {
                case .yaml:
                    let inWorkflows = folderIsWorkflows || path.fastContains("/.github/workflows/")
                    if inWorkflows || isActionDefinition(name) || looksLikeWorkflow(path) {
                        targets.append(LintTarget(path: relative, kind: .workflow))
                    }
                case .json:
                    if looksLikeTaskDefinition(path) { targets.append(LintTarget(path: relative, kind: .taskDefinition)) }
                }
            }
        }
        return (targets, unreadable)
    }

    /// The names and entry types in `directory`, without `.` and `..`; nil when it cannot be opened (`errno` says why).
    private static func entries(of directory: String) -> [(name: String, type: Int32)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var result: [(String, Int32)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            result.append((name, Int32(entry.pointee.d_type)))
        }
        return result
    }

    /// The kind of file a name may be: `.yml`/`.yaml` or `.json` in any case, after a stem that holds more than
    /// dots (so `.yml` and `...yml` have no extension, as Foundation's `URL.pathExtension` reads them).
    static func candidate(_ name: String) -> Candidate? {
        let bytes = name.utf8.drop { $0 == UInt8(ascii: ".") }
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return nil }
        var extensionBytes: [UInt8] = []
        for byte in bytes[bytes.index(after: dot)...] {
            guard extensionBytes.count < 4 else { return nil }
            extensionBytes.append(byte | 0x20)  // ASCII letters to lower case; anything else fails the match below
        }
        switch extensionBytes {
        case Array("yml".utf8), Array("yaml".utf8): return .yaml
        case Array("json".utf8): return .json
        default: return nil
        }
    }

    /// An action's definition file; composite actions are linted like one job's steps (see `CompositeAction`).
    static func isActionDefinition(_ name: String) -> Bool {
        name == "action.yml" || name == "action.yaml"
    }

    /// True for an absolute path with no `.` or `..` component and no empty one (standardizing leaves it alone).
    static func isStandard(_ path: String) -> Bool {
        guard path.hasPrefix("/"), path.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return !path.fastContains("//") && !path.fastContains("/./") && !path.fastContains("/../")
            && !path.hasSuffix("/.") && !path.hasSuffix("/..") && (path == "/" || !path.hasSuffix("/"))
    }

    /// A YAML file with a top-level `jobs:` key.
    static func looksLikeWorkflow(_ path: String) -> Bool {
        // Read safely: a FIFO or a huge file named `*.yml` outside `.github/workflows` must not hang or load.
        guard case .success(let data) = SafeFileReader.read(path, limit: 4 << 20) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("jobs:") || text.fastContains("\njobs:")
    }

    /// A JSON file with `containerDefinitions`.
    static func looksLikeTaskDefinition(_ path: String) -> Bool {
        guard case .success(let data) = SafeFileReader.read(path, limit: 4 << 20) else { return false }
        return String(decoding: data, as: UTF8.self).fastContains("\"containerDefinitions\"")
    }

    /// `url` relative to `root` when inside it, else its absolute path.
    static func relativePath(of url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}

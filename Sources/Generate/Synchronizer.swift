import Foundation

/// Compares the compiled files with what is on disk, and brings the disk up to date.
///
/// Ownership: wfgen overwrites a file only when it generated it — a workflow starting with `YAMLHeader.marker`, or a
/// JSON file under `generated/` that the manifest on disk lists — or when the manifest records the fingerprint of
/// exactly the bytes on disk (what wfgen wrote, or what `wfgen import` took over). It deletes a file that is no
/// longer defined only under `.github/workflows/` (with the header) and `generated/` (listed, and unchanged since
/// wfgen wrote it). Nothing else is ever overwritten or deleted, whatever the manifest says.
struct Synchronizer {
    /// What is to be done to one path.
    enum Change: Equatable {
        case create(GeneratedFile)
        case update(GeneratedFile, old: String, handEdited: Bool)
        case delete(path: String, old: String)
    }

    /// A file in the way that wfgen did not generate, or a path wfgen cannot use.
    struct Conflict: Equatable {
        let path: String
        let reason: String
    }

    /// What a run found and would do.
    struct Plan {
        var changes: [Change] = []
        var unchanged = 0
        var conflicts: [Conflict] = []
        /// Files wfgen leaves alone, with why (a stale file it may not delete).
        var notes: [Conflict] = []
        /// Temporary files an interrupted run left behind.
        var leftovers: [String] = []
    }

    /// The folders wfgen deletes stale files from.
    static let deletableRoots = [".github/workflows/", "generated/"]

    let tree: OutputTree
    let files: [GeneratedFile]

    /// The changes that would make the disk match `files`, and the conflicts that forbid them.
    func plan() -> Plan {
        var plan = Plan()
        let manifestText: String?
        do {
            manifestText = try tree.read(Manifest.path)
        } catch {
            plan.conflicts.append(Conflict(path: Manifest.path, reason: error.reason))
            manifestText = nil
        }
        let manifest = manifestText.flatMap(Manifest.parse)
        if manifestText != nil, manifest == nil {
            plan.conflicts.append(Conflict(path: Manifest.path, reason: "exists but is not a wfgen manifest"))
        }
        for file in files {
            let old: String?
            do {
                old = try tree.read(file.path)
            } catch {
                plan.conflicts.append(Conflict(path: file.path, reason: error.reason))
                continue
            }
            guard let old else {
                plan.changes.append(.create(file))
                continue
            }
            if old == file.contents {
                plan.unchanged += 1
                continue
            }
            guard owned(file.path, kind: file.kind, text: old, manifest: manifest) else {
                if file.kind != .manifest {
                    plan.conflicts.append(Conflict(path: file.path, reason: reason(for: file.kind, path: file.path, manifest: manifest)))
                }
                continue
            }
            let recorded = manifest?.entry(for: file.path)?.fingerprint
            let handEdited = recorded.map { $0 != Fingerprint.of(old) } ?? false
            plan.changes.append(.update(file, old: old, handEdited: handEdited))
        }

        let planned = Set(files.map(\.path))
        var candidates = Set(tree.workflowFiles())
        candidates.formUnion(manifest?.entries.map(\.path).filter(OutputTree.isPlainRelative) ?? [])
        for path in candidates.sorted() where !planned.contains(path) {
            guard let old = try? tree.read(path) else { continue }  // gone already, or not a file wfgen could own
            let kind: GeneratedFile.Kind = path.hasPrefix(".github/workflows/") ? .workflow : .json
            let unchanged = manifest?.entry(for: path)?.fingerprint == Fingerprint.of(old)
            if !Self.deletableRoots.contains(where: path.hasPrefix) {
                if unchanged {
                    plan.notes.append(Conflict(path: path, reason: "is no longer defined; wfgen deletes files only under " +
                                               ".github/workflows/ and generated/, so remove it yourself if it is unused"))
                }
            } else if kind == .workflow ? YAMLHeader.isOwned(old) : unchanged {
                plan.changes.append(.delete(path: path, old: old))
            } else if kind == .json, manifest?.entry(for: path) != nil {
                plan.notes.append(Conflict(path: path, reason: "is no longer defined but was edited since wfgen wrote it; left in place"))
            }
        }

        var folders: Set<String> = ["generated", ".github/workflows"]
        for path in planned.union(candidates) {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        plan.leftovers = tree.leftoverTemporaryFiles(in: folders)
        return plan
    }

    private func owned(_ path: String, kind: GeneratedFile.Kind, text: String, manifest: Manifest?) -> Bool {
        guard let manifest else { return kind == .workflow && YAMLHeader.isOwned(text) }
        switch kind {
        case .manifest: return true
        case .workflow: if YAMLHeader.isOwned(text) { return true }
        case .json: if manifest.entry(for: path) != nil, path.hasPrefix("generated/") { return true }
        }
        // Taken over by `wfgen import`, or written by wfgen and untouched since.
        return manifest.entry(for: path)?.fingerprint == Fingerprint.of(text)
    }

    private func reason(for kind: GeneratedFile.Kind, path: String, manifest: Manifest?) -> String {
        if manifest?.entry(for: path) != nil {
            return "was changed since wfgen wrote or imported it; move the change into workflows-src/ " +
                "(or run `wfgen import \(path)` again), then regenerate"
        }
        switch kind {
        case .workflow: return "exists without wfgen's header, so wfgen did not generate it; rename or remove it, " +
            "or take it over with `wfgen import \(path)`"
        case .json: return "exists but \(Manifest.path) does not list it, so wfgen did not generate it; rename or remove it"
        case .manifest: return "exists but is not a wfgen manifest"
        }
    }

    /// Applies `changes`, all or nothing: every file is staged beside its target, then all are renamed into place,
    /// then stale files are deleted. Leftover temporary files of an interrupted run are removed first.
    func apply(_ changes: [Change], leftovers: [String]) throws(OutputTree.Refusal) {
        for path in leftovers { try tree.delete(path) }
        let writes: [(path: String, contents: String)] = changes.compactMap {
            switch $0 {
            case .create(let file), .update(let file, _, _): (file.path, file.contents)
            case .delete: nil
            }
        }
        try tree.write(writes)
        for case .delete(let path, _) in changes { try tree.delete(path) }
    }
}

import Foundation

/// Compares the compiled files with what is on disk, and brings the disk up to date.
///
/// Ownership: a workflow is wfgen's when it starts with `YAMLHeader.marker`; a JSON file is
/// wfgen's when the manifest on disk lists it; the manifest when it says `"generator": "wfgen"`.
/// wfgen never overwrites or deletes anything else.
struct Synchronizer {
    /// What is to be done to one path.
    enum Change: Equatable {
        case create(GeneratedFile)
        case update(GeneratedFile, old: String, handEdited: Bool)
        case delete(path: String, old: String)
    }

    /// A file in the way that wfgen did not generate.
    struct Conflict: Equatable {
        let path: String
        let reason: String
    }

    let tree: OutputTree
    let files: [GeneratedFile]

    /// The changes that would make the disk match `files`, and the conflicts that forbid them.
    func plan() throws -> (changes: [Change], unchanged: Int, conflicts: [Conflict]) {
        let manifestText = try tree.read(Manifest.path)
        let manifest = manifestText.flatMap(Manifest.parse)
        var changes: [Change] = []
        var conflicts: [Conflict] = []
        var unchanged = 0
        if manifestText != nil, manifest == nil {
            conflicts.append(Conflict(path: Manifest.path, reason: "exists but is not a wfgen manifest"))
        }
        for file in files {
            guard let old = try tree.read(file.path) else {
                changes.append(.create(file))
                continue
            }
            if old == file.contents {
                unchanged += 1
                continue
            }
            guard owned(file.path, kind: file.kind, text: old, manifest: manifest) else {
                if file.kind != .manifest {
                    conflicts.append(Conflict(path: file.path, reason: reason(for: file.kind)))
                }
                continue
            }
            let recorded = manifest?.entry(for: file.path)?.fingerprint
            let handEdited = recorded.map { $0 != Fingerprint.of(old) } ?? false
            changes.append(.update(file, old: old, handEdited: handEdited))
        }
        let planned = Set(files.map(\.path))
        var candidates = Set(tree.workflowFiles())
        candidates.formUnion(manifest?.entries.map(\.path) ?? [])
        for path in candidates.sorted() where !planned.contains(path) {
            guard let old = try tree.read(path) else { continue }
            let kind: GeneratedFile.Kind = path.hasPrefix(".github/workflows/") ? .workflow : .json
            if owned(path, kind: kind, text: old, manifest: manifest) {
                changes.append(.delete(path: path, old: old))
            }
        }
        return (changes, unchanged, conflicts)
    }

    private func owned(_ path: String, kind: GeneratedFile.Kind, text: String, manifest: Manifest?) -> Bool {
        switch kind {
        case .workflow: YAMLHeader.isOwned(text)
        case .json: manifest?.entry(for: path) != nil
        case .manifest: manifest != nil
        }
    }

    private func reason(for kind: GeneratedFile.Kind) -> String {
        switch kind {
        case .workflow: "exists without wfgen's header, so wfgen did not generate it; rename or remove it"
        case .json: "exists but \(Manifest.path) does not list it, so wfgen did not generate it; rename or remove it"
        case .manifest: "exists but is not a wfgen manifest"
        }
    }

    /// Applies `changes`: stale files first, then the manifest, then everything else.
    func apply(_ changes: [Change]) throws {
        for case .delete(let path, _) in changes { try tree.delete(path) }
        let writes: [GeneratedFile] = changes.compactMap {
            switch $0 {
            case .create(let file), .update(let file, _, _): file
            case .delete: nil
            }
        }
        for file in writes where file.kind == .manifest { try tree.writeAtomically(file.path, file.contents) }
        for file in writes where file.kind != .manifest { try tree.writeAtomically(file.path, file.contents) }
    }
}

/// How `wfgen import` hands a hand-written file over to generation: the manifest records the fingerprint of the
/// file's bytes as they were imported, so the next `swift run wfgen` may replace exactly those bytes (and nothing
/// else: a file changed after the import is a conflict again).
public enum Adoption {
    /// A file taken over, with the Swift source that now defines it.
    public struct Record: Sendable {
        public let path: String
        public let source: String

        public init(path: String, source: String) {
            self.path = path
            self.source = source
        }
    }

    /// Records `records` in the manifest under `outputRoot`, creating the manifest when there is none. Writes
    /// nothing and throws when the manifest or an adopted file cannot be read.
    public static func record(_ records: [Record], outputRoot: String) throws(AdoptionError) {
        let tree = OutputTree(root: outputRoot)
        var entries: [String: Manifest.Entry] = [:]
        do {
            if let text = try tree.read(Manifest.path) {
                guard let manifest = Manifest.parse(text) else {
                    throw AdoptionError(path: Manifest.path, reason: "exists but is not a wfgen manifest")
                }
                for entry in manifest.entries { entries[entry.path] = entry }
            }
            for record in records {
                guard let text = try tree.read(record.path) else {
                    throw AdoptionError(path: record.path, reason: "does not exist")
                }
                entries[record.path] = Manifest.Entry(path: record.path, source: record.source, fingerprint: Fingerprint.of(text))
            }
            let manifest = Manifest(entries: entries.values.sorted { $0.path < $1.path })
            try tree.write([(Manifest.path, manifest.rendered())])
        } catch let refusal as OutputTree.Refusal {
            throw AdoptionError(path: refusal.path, reason: refusal.reason)
        } catch let error as AdoptionError {
            throw error
        } catch {
            throw AdoptionError(path: Manifest.path, reason: "\(error)")
        }
    }
}

/// Why a file could not be taken over.
public struct AdoptionError: Error, Sendable {
    public let path: String
    public let reason: String
}

/// Reading and writing files of a repository with the generator's guarantees — plain paths inside the root, no
/// symlinked component, regular files of bounded size, staged all-or-nothing writes — for commands beside
/// generation (`wfgen import`).
public struct RepositoryFiles: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// Why a path cannot be read or written.
    public struct Refusal: Error, Sendable {
        public let path: String
        public let reason: String
    }

    /// The text at `path` (relative to the root), nil when nothing is there.
    public func read(_ path: String) throws(Refusal) -> String? {
        do {
            return try OutputTree(root: root).read(path)
        } catch {
            throw Refusal(path: error.path, reason: error.reason)
        }
    }

    /// Writes every file or none (each staged beside its target, then all renamed into place).
    public func write(_ files: [(path: String, contents: String)]) throws(Refusal) {
        do {
            try OutputTree(root: root).write(files)
        } catch {
            throw Refusal(path: error.path, reason: error.reason)
        }
    }
}

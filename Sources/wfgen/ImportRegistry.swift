/// `workflows-src/Imported.swift`: the definitions `wfgen import` took over, which the entry point adds to its own
/// (`… + Imported.definitions`). `wfgen import` rewrites it from the files under `workflows-src/Imported/`, each of
/// which names what it defines on its first line; it never rewrites an `Imported.swift` without its marker.
enum ImportRegistry {
    static let path = "workflows-src/Imported.swift"
    /// The folder holding one Swift file per imported workflow or task definition.
    static let folder = "workflows-src/Imported"
    /// The first line of the registry; how `wfgen import` recognises a registry it wrote.
    static let marker = "// Written by wfgen import and wfgen init; `wfgen import` rewrites it."

    /// What one imported file defines, read from its first line.
    struct Entry: Equatable, Comparable {
        enum Kind: String { case workflow, taskDefinition = "task-definition" }
        let kind: Kind
        /// The Swift function returning the definition.
        let symbol: String

        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.symbol < rhs.symbol }

        /// The first line of an imported file: `// wfgen import: workflow deployWorkflow from .github/workflows/deploy.yml`.
        func headerLine(source: String) -> String { "// wfgen import: \(kind.rawValue) \(symbol) from \(source)" }

        /// Reads a header line written by `headerLine`; nil for any other line.
        init?(headerLine line: Substring) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4, words[0] == "//", words[1] == "wfgen", words[2] == "import:",
                  let kind = Kind(rawValue: String(words[3])), words.count >= 5,
                  words[4].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            self.kind = kind
            self.symbol = String(words[4])
        }

        init(kind: Kind, symbol: String) {
            self.kind = kind
            self.symbol = symbol
        }
    }

    /// The registry before anything was imported.
    static var empty: String { render([]) }

    /// The registry listing `entries`.
    static func render(_ entries: [Entry]) -> String {
        let sorted = entries.sorted()
        let workflows = sorted.filter { $0.kind == .workflow }.map { "\($0.symbol)()" }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { "            \($0),\n" }.joined() + "        ]"
        }
        return """
            \(marker)
            import WFGenKit

            /// What `wfgen import` took over from hand-written files; each function lives in workflows-src/Imported/.
            enum Imported {
                static var definitions: Definitions {
                    Definitions(workflows: \(list(workflows)))
                }
            }

            """
    }
}

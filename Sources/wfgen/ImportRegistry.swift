import Foundation
import Generate

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
    }

    /// An imported file found on disk: where it is, what it defines, and the file it was imported from.
    struct ImportedFile {
        let file: String
        let entry: Entry
        let source: String
    }

    /// Reads a header line written by `Entry.headerLine`; nil for any other line.
    static func parseHeader(_ line: Substring) -> (entry: Entry, source: String)? {
        let prefix = "// wfgen import: "
        guard line.hasPrefix(prefix) else { return nil }
        let words = line.dropFirst(prefix.count).split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard words.count == 4, let kind = Entry.Kind(rawValue: String(words[0])), words[2] == "from",
              !words[1].isEmpty, words[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
              words[1].first?.isNumber == false, !words[3].isEmpty else { return nil }
        return (Entry(kind: kind, symbol: String(words[1])), String(words[3]))
    }

    /// The imported files under `folder`, sorted by file name; files without a header are not wfgen's and skipped.
    static func importedFiles(in root: URL, files: RepositoryFiles) -> [ImportedFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().compactMap { name in
            let file = folder + "/" + name
            guard let text = try? files.read(file), let firstLine = text.split(separator: "\n", maxSplits: 1).first,
                  let header = parseHeader(firstLine) else { return nil }
            return ImportedFile(file: file, entry: header.entry, source: header.source)
        }
    }

    /// An imported Swift file: the header line first, and the WFGenKit import (which brings Workflow, ECS and YAML) in
    /// place of the module imports the importer names.
    static func swiftFile(_ source: String, entry: Entry, source path: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var imported = false
        lines = lines.compactMap { line in
            guard line == "import Workflow" || line == "import ECS" || line == "import YAML" else { return line }
            defer { imported = true }
            return imported ? nil : "import WFGenKit"
        }
        return ([entry.headerLine(source: path)] + lines).joined(separator: "\n")
    }

    /// The registry before anything was imported.
    static var empty: String { render([]) }

    /// The registry listing `entries`.
    static func render(_ entries: [Entry]) -> String {
        let sorted = entries.sorted()
        let workflows = sorted.filter { $0.kind == .workflow }.map { "\($0.symbol)()" }
        let taskDefinitions = sorted.filter { $0.kind == .taskDefinition }.map { "\($0.symbol)()" }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { "                \($0),\n" }.joined() + "            ]"
        }
        return """
            \(marker)
            import WFGenKit

            /// What `wfgen import` took over from hand-written files; each function lives in workflows-src/Imported/.
            enum Imported {
                static var definitions: Definitions {
                    Definitions(
                        workflows: \(list(workflows)),
                        taskDefinitionFiles: \(list(taskDefinitions)))
                }
            }

            """
    }
}

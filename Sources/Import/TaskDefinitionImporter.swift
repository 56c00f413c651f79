public import ECS
import Workflow
import YAML

/// A task-definition file read for import, with the notes of what went through an escape hatch.
public struct ImportedTaskDefinition: Sendable {
    /// The file value; its `json` is the original document's data.
    public let file: TaskDefinitionFile
    /// What went through an escape hatch, and why.
    public let notes: [ImportNote]
}

/// ECS task-definition JSON → `TaskDefinitionFile` → Swift source that builds it.
///
/// The typed `TaskDefinition` describes the Fargate shape wfgen generates (awsvpc, awslogs, FARGATE, X86_64
/// Linux); a file is typed when that shape renders it back exactly, otherwise it is kept as its JSON document
/// through `TaskDefinitionFile.untyped`, with a note naming what the typed model does not cover.
public enum TaskDefinitionImporter {
    /// Limits JSON input like workflow input (16 MiB, nesting 256).
    public static func taskDefinitionFile(json text: String, path: String) throws(ImportError) -> ImportedTaskDefinition {
        let document: Document
        do {
            document = try YAMLParser().parse(text)
        } catch {
            throw ImportError(.syntax, "invalid JSON: \(error.message)", at: error.mark)
        }
        guard let root = document.root, root.mapping != nil else {
            throw ImportError(.notAWorkflow, "the document is not a JSON object", at: document.root?.start ?? .start)
        }
        guard root["containerDefinitions"] != nil else {
            throw ImportError(.notAWorkflow, "the object has no containerDefinitions: not a task definition", at: root.start)
        }
        let json = try jsonValue(root)
        let outside = Set((root.mapping ?? []).compactMap { $0.key.scalar }).subtracting(typedKeys).sorted()
        let reason = outside.isEmpty
            ? "the file's values differ from the Fargate shape TaskDefinition writes (awsvpc, awslogs, FARGATE, X86_64 Linux)"
            : "keys the typed TaskDefinition does not model: " + outside.joined(separator: ", ")
        let notes = Notes()
        notes.add("task definition kept as JSON: \(reason)", at: root.start)
        return ImportedTaskDefinition(file: .untyped(path: path, json, reason: reason), notes: notes.items)
    }

    /// Swift source defining `func <symbol>() -> TaskDefinitionFile`.
    public static func swiftSource(json text: String, path: String, symbol: String) throws(ImportError) -> ImportedSource {
        let imported = try taskDefinitionFile(json: text, path: path)
        guard SwiftSyntax.isIdentifier(symbol) else { throw ImportError(.invalid, "'\(symbol)' is not a Swift identifier", at: .start) }
        var out = "// Imported by `wfgen import` from \(SwiftSyntax.escaped(path)); `swift run wfgen` regenerates it.\n"
        out += "import ECS\n\n"
        for note in imported.notes { out += "// wfgen import: \(SwiftSyntax.escaped(note.message))\n" }
        out += "func \(symbol)() -> TaskDefinitionFile {\n"
        out += "    TaskDefinitionFile.untyped(\n        path: \(SwiftSyntax.quoted(path)),\n"
        out += "        \(json(imported.file.json, indent: "        ")),\n"
        if case .untyped(_, let reason) = imported.file.content { out += "        reason: \(SwiftSyntax.quoted(reason))\n" }
        out += "    )\n}\n"
        return ImportedSource(source: out, notes: imported.notes)
    }

    static let typedKeys: Set<String> = ["family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions",
                                         "requiresCompatibilities", "cpu", "memory", "runtimePlatform"]

    static func jsonValue(_ node: Node) throws(ImportError) -> JSONValue {
        switch node.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        default: break
        }
        if let items = node.sequence {
            var values: [JSONValue] = []
            for item in items { values.append(try jsonValue(item)) }
            return .array(values)
        }
        var entries: [(String, JSONValue)] = []
        for pair in node.mapping ?? [] {
            guard case .string(let key) = pair.key.value else {
                throw ImportError(.syntax, "an object key is not a string", at: pair.key.start)
            }
            entries.append((key, try jsonValue(pair.value)))
        }
        return .object(entries)
    }

    static func json(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "    "
        switch value {
        case .null: return "JSONValue.null"
        case .bool(let b): return "JSONValue.bool(\(b))"
        case .int(let i): return "JSONValue.int(\(i))"
        case .double(let d): return "JSONValue.double(\(SwiftSyntax.double(d)))"
        case .string(let s): return "JSONValue.string(\(SwiftSyntax.quoted(s)))"
        case .array(let items):
            guard !items.isEmpty else { return "JSONValue.array([])" }
            return "JSONValue.array([\n" + items.map { inner + json($0, indent: inner) + ",\n" }.joined() + indent + "])"
        case .object(let entries):
            guard !entries.isEmpty else { return "JSONValue.object([])" }
            return "JSONValue.object([\n" + entries.map {
                inner + "(\(SwiftSyntax.quoted($0.0)), \(json($0.1, indent: inner))),\n"
            }.joined() + indent + "])"
        }
    }
}

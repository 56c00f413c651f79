import Foundation
import Import
import Testing
import Workflow
import YAML

/// Helpers: the data of a YAML text with mapping order ignored, and golden files.
enum Support {
    /// `text`'s data, with every mapping's entries sorted by key so that key order does not count.
    static func data(_ text: String) throws -> YAMLValue {
        canonical(try YAMLParser().parse(text).root?.value ?? .null)
    }

    static func canonical(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .sequence(let items): return .sequence(items.map(canonical))
        case .mapping(let entries):
            return .mapping(entries.map { YAMLValue.Entry(key: $0.key, value: canonical($0.value)) }
                .sorted { $0.key.description < $1.key.description })
        case .commented(let inner, _): return canonical(inner)
        default: return value
        }
    }

    /// The YAML wfgen renders for the workflow imported from `yaml`.
    static func roundTrip(_ yaml: String, path: String = ".github/workflows/test.yml") throws -> String {
        let imported = try WorkflowImporter.workflow(yaml: yaml, path: path)
        return try YAMLEmitter().emit(WorkflowRenderer.render(imported.workflow))
    }

    /// Golden/*.swift are compiled into this target too (see CompiledGoldenTests).
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares with Golden/<name>; WFGEN_RECORD=1 rewrites it instead.
    static func checkGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WFGEN_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); review, then re-record with WFGEN_RECORD=1",
                sourceLocation: sourceLocation)
    }
}

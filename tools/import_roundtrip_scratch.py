"""The scratch Swift package of tools/import-roundtrip.py: its manifest and the import-all program."""

PACKAGE = """// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wfgen-import-roundtrip",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: {checkout})],
    targets: [
        .executableTarget(name: "import-all", dependencies: [
            .product(name: "Import", package: {identity}), .product(name: "Workflow", package: {identity}),
            .product(name: "ECS", package: {identity}), .product(name: "YAML", package: {identity})]),
        .executableTarget(name: "render-all", dependencies: [
            .product(name: "Workflow", package: {identity}), .product(name: "ECS", package: {identity}),
            .product(name: "Generate", package: {identity}), .product(name: "YAML", package: {identity})]),
    ],
    swiftLanguageModes: [.v6]
)
"""

IMPORT_ALL = r'''
import Foundation
import Import
import Workflow
import ECS
import YAML

// Arguments: a list file of `kind<TAB>symbol<TAB>path`, the render-all sources directory, the in-process
// output directory. Prints one JSON line per file.
let arguments = CommandLine.arguments
let list = try String(contentsOfFile: arguments[1], encoding: .utf8)
let sources = arguments[2], inProcess = arguments[3]
for line in list.split(separator: "\n") {
    let fields = line.split(separator: "\t").map(String.init)
    let (kind, symbol, path, repositoryPath) = (fields[0], fields[1], fields[2], fields[3])
    var record: [String: Any] = ["symbol": symbol, "path": path]
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let imported: ImportedSource
        if kind == "workflow" {
            imported = try WorkflowImporter.swiftSource(yaml: text, path: repositoryPath, symbol: symbol)
            let value = try WorkflowImporter.workflow(yaml: text, path: repositoryPath)
            let rendered = try YAMLEmitter().emit(WorkflowRenderer.render(value.workflow))
            try rendered.write(toFile: inProcess + "/" + symbol, atomically: false, encoding: .utf8)
        } else {
            imported = try TaskDefinitionImporter.swiftSource(json: text, path: repositoryPath, symbol: symbol)
            let value = try TaskDefinitionImporter.taskDefinitionFile(json: text, path: repositoryPath)
            try value.file.json.text.write(toFile: inProcess + "/" + symbol, atomically: false, encoding: .utf8)
        }
        try imported.source.write(toFile: sources + "/" + symbol + ".swift", atomically: false, encoding: .utf8)
        record["status"] = "imported"
        record["notes"] = imported.notes.map(\.description)
    } catch {
        record["status"] = "error"
        record["error"] = "\(error)"
    }
    let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
'''

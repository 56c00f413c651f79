import ECS
import Import
import Testing
import YAML

@Suite struct TaskDefinitionImportTests {
    static let json = """
    {
      "family": "api",
      "networkMode": "bridge",
      "containerDefinitions": [
        {"name": "api", "image": "nginx:1.27", "memoryReservation": 128, "cpu": 0.5, "links": null,
         "environment": [{"name": "A", "value": "b"}], "essential": true}
      ],
      "tags": []
    }
    """

    static var imported: JSONValue? {
        try? TaskDefinitionImporter.taskDefinitionFile(json: json, path: ".aws/task.json").file.json
    }

    @Test func theDocumentComesBackAsTheSameData() throws {
        let imported = try TaskDefinitionImporter.taskDefinitionFile(json: Self.json, path: ".aws/task.json")
        let original = try YAMLParser().parse(Self.json).root?.value
        let rendered = try YAMLParser().parse(imported.file.json.text).root?.value
        #expect(original == rendered)
        #expect(imported.notes.count == 1)
        #expect(imported.notes[0].message.contains("tags"))
        #expect(imported.file.diagnostics.map(\.severity) == [.warning])
    }

    @Test func swiftSourceBuildsAnUntypedFileWithItsNote() throws {
        let imported = try TaskDefinitionImporter.swiftSource(json: Self.json, path: ".aws/task.json", symbol: "apiTask")
        try Support.checkGolden(imported.source, "api-task.swift")
    }

    @Test func invalidJSONIsASyntaxErrorWithAPosition() {
        #expect {
            _ = try TaskDefinitionImporter.taskDefinitionFile(json: "{\n  \"family\": [1,\n}", path: "t.json")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.reason == .syntax && error.line == 3
        }
    }

    @Test func aJSONObjectWithoutContainersIsNotATaskDefinition() {
        #expect(throws: ImportError.self) {
            _ = try TaskDefinitionImporter.taskDefinitionFile(json: "{\"family\": \"x\"}", path: "t.json")
        }
    }

    @Test func aPathOutsideTheRepositoryIsAnError() {
        let file = TaskDefinitionFile.untyped(path: "../x.json", JSONValue.object([]), reason: "test")
        #expect(file.diagnostics.contains { $0.severity == .error })
    }
}

import Foundation
import Testing

/// Compares text with a golden file under Tests/WorkflowTests/Golden/; WFGEN_RECORD=1 rewrites it instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WFGEN_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); review, then re-record with WFGEN_RECORD=1",
                sourceLocation: sourceLocation)
    }
}

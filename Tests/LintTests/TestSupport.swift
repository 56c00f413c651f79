import Foundation
import Lint
import Testing

/// Paths and helpers shared by the lint tests. No global mutable state: everything is computed or per-test.
enum TestSupport {
    /// The package root, found from this file's path (tests never depend on the working directory).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/LintTests`.
    static let testsFolder = packageRoot.appendingPathComponent("Tests/LintTests")

    /// True when golden files should be re-recorded (`WFGEN_RECORD=1`); the diff must then be reviewed.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["WFGEN_RECORD"] == "1" }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → text) below `folder`.
    static func write(_ files: [String: String], to folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Compares `actual` with the golden file at `path` (re-recording it when asked).
    static func assertGolden(_ actual: String, _ path: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: path)
            return
        }
        let expected = (try? String(contentsOf: path, encoding: .utf8)) ?? "<missing golden file \(path.lastPathComponent); run with WFGEN_RECORD=1>"
        #expect(actual == expected, "output differs from \(path.lastPathComponent)", sourceLocation: sourceLocation)
    }

    /// Runs the lint runner in-process.
    static func runLint(_ invocation: LintInvocation) -> (code: LintExitCode, output: String, errors: String) {
        var output = ""
        var errors = ""
        let code = LintRunner.run(invocation, output: &output, errors: &errors)
        return (code, output, errors)
    }
}

/// Text with `↓` markers: the text without them and the (line, column) each marker points at.
struct MarkedText {
    let text: String
    let marks: [(line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var marks: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in marked {
            if character == RuleExample.marker {
                marks.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.marks = marks
    }
}

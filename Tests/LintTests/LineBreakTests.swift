import Foundation
import Lint
import Testing

/// Positions in files whose lines break with CR, or that hold NEL, LS or PS (which libyaml treats as breaks, and
/// editors, GitHub and SARIF viewers do not): every position names the line a reader sees, node findings and
/// script findings alike, and the excerpt and inline suppressions use the same lines.
@Suite("Unusual line breaks")
struct LineBreakTests {
    /// An AWS workflow whose name holds `separator` inside its quotes and whose lines end with `lineBreak`.
    private func workflow(separator: String, lineBreak: String = "\n", suppress: Bool = false) -> String {
        var lines = ["name: \"Deploy\(separator)  app\"", "on: push", "jobs:", "  a:", "    runs-on: ubuntu-latest", "    steps:",
                     "      - uses: aws-actions/configure-aws-credentials@v1", "        with:",
                     "          aws-access-key-id: ${{ secrets.KEY_ID }}", "          aws-region: us-east-1",
                     "      - run: |", "          set -e"]
        if suppress { lines.append("          # wfgen: ignore[aws-cli-wrong-service] checked by hand") }
        lines.append("          aws ecs get-login-password")
        return lines.joined(separator: lineBreak) + lineBreak
    }

    private func lint(_ text: String, format: OutputFormat) throws -> String {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write([".github/workflows/d.yml": text], to: folder)
        return TestSupport.runLint(LintInvocation(format: format, workingDirectory: folder.path)).output
    }

    /// `(rule, line, column)` of each finding.
    private func positions(_ text: String) throws -> [String: (line: Int, column: Int)] {
        let output = try lint(text, format: .json)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        var result: [String: (Int, Int)] = [:]
        for finding in findings {
            if let rule = finding["rule"] as? String, let line = finding["line"] as? Int, let column = finding["column"] as? Int {
                result[rule] = (line, column)
            }
        }
        return result
    }

    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", " "])
    func separatorsInsideALineMoveNothing(separator: String) throws {
        let found = try positions(workflow(separator: separator))
        // A node finding (the action's version) and a script finding (a word inside the `run:` block).
        #expect(found["outdated-aws-action"]?.line == 7 && found["outdated-aws-action"]?.column == 15)
        #expect(found["aws-cli-wrong-service"]?.line == 13 && found["aws-cli-wrong-service"]?.column == 19)
    }

    @Test(arguments: ["\u{2028}", "\u{85}"])
    func excerptIsTheLineThePositionNames(separator: String) throws {
        let lines = try lint(workflow(separator: separator), format: .text).components(separatedBy: "\n")
        let outdated = try #require(lines.firstIndex { $0.hasSuffix("[outdated-aws-action]") })
        #expect(lines[outdated].hasPrefix(".github/workflows/d.yml:7:15: "))
        #expect(lines[outdated + 1] == "   |       - uses: aws-actions/configure-aws-credentials@v1")
        let wrong = try #require(lines.firstIndex { $0.hasSuffix("[aws-cli-wrong-service]") })
        #expect(lines[wrong + 1] == "   |           aws ecs get-login-password")
        #expect(lines[wrong + 2] == "   |                   ^~~~~~~~~~~~~~~~~~")
    }

    @Test(arguments: ["\r", "\r\n"])
    func otherLineEndingsGiveTheSamePositions(lineBreak: String) throws {
        let found = try positions(workflow(separator: " ", lineBreak: lineBreak))
        #expect(found["outdated-aws-action"]?.line == 7 && found["outdated-aws-action"]?.column == 15)
        #expect(found["aws-cli-wrong-service"]?.line == 13 && found["aws-cli-wrong-service"]?.column == 19)
    }

    @Test(arguments: ["\n", "\r", "\r\n"])
    func inlineSuppressionUsesTheSameLines(lineBreak: String) throws {
        #expect(try positions(workflow(separator: "\u{2028}", lineBreak: lineBreak))["aws-cli-wrong-service"] != nil)
        let suppressed = try positions(workflow(separator: "\u{2028}", lineBreak: lineBreak, suppress: true))
        #expect(suppressed["aws-cli-wrong-service"] == nil)
        #expect(suppressed["outdated-aws-action"] != nil)
    }
}

@testable import Lint
import Testing

/// Rules that search every scalar first ask the file's bytes whether any scalar can hold what they look for; text
/// that only a YAML escape or an escaped line break spells must still be found.
@Suite("Per-file prefilters")
struct SourcePrefilterTests {
    static func messages(_ ruleID: String, _ workflow: String) throws -> [String] {
        let rule = try #require(RuleRegistry.rule(ruleID))
        let result = Linter(rules: [rule]).lint([LintTarget(path: ".github/workflows/w.yml", kind: .workflow)],
                                                in: InMemoryRepository([".github/workflows/w.yml": workflow]))
        return result.diagnostics.map(\.message)
    }

    static func workflow(_ step: String) -> String {
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - \(step)\n"
    }

    @Test("escapes and escaped line breaks that spell the searched text send the file to the exact reading")
    func hiddenText() throws {
        #expect(try Self.messages("invalid-workflow", Self.workflow(#"run: "echo ${{ v\x61r.HOST }}""#)).count == 1)
        #expect(try Self.messages("invalid-workflow", Self.workflow("run: \"echo ${{ va\\\n          r.HOST }}\"")).count == 1)
        #expect(try Self.messages("invalid-workflow", Self.workflow(#"run: "echo $\x7B{ var.HOST }}""#)).count == 1)
        #expect(try Self.messages("ecs-registry-host", Self.workflow(#"run: "docker push 123456789012.dkr.\x65cs.us-east-1.amazonaws.com/app""#)).count == 1)
        #expect(try Self.messages("hardcoded-credential", Self.workflow(#"run: "echo \x41KIAZ7QX3MPLV4RTW2NB""#)).count == 1)
    }

    @Test("quotes doubled in single-quoted scalars and names inside string literals")
    func quotes() throws {
        #expect(try Self.messages("invalid-workflow", Self.workflow("run: 'echo ${{ format(''{0}'', var.HOST) }}'")).count == 1)
        #expect(try Self.messages("invalid-workflow", Self.workflow("run: echo ${{ format('var.{0}', github.sha) }}")).isEmpty)
        #expect(try Self.messages("invalid-workflow", Self.workflow("run: echo \"${{ 'it''s' }}\" ${{ var.HOST }}")).count == 1)
    }

    @Test("only escapes that can hide text count; shell line continuations do not")
    func mayHideText() {
        func hides(_ text: String) -> Bool { SourceBytes.with(SourceText(path: "w.yml", bytes: Array(text.utf8)), SourceBytes.mayHideText) }
        #expect(!hides("run: |\n  docker build \\\n    --tag app .\n"))
        #expect(!hides(#"run: "printf '%s\n' done""#))
        #expect(hides("run: \"a\\\n  b\""))
        #expect(hides(#"x: "\x41""#))
        #expect(hides(#"x: "\u0041""#))
        #expect(hides(#"x: "\U00000041""#))
    }
}

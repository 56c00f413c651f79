import Lint
import Testing
import YAML

/// Positions inside `run:` scripts must be exact (line and column in the file), for every scalar style.
@Suite("Exact positions inside scalars")
struct ScriptPositionTests {
    /// Parses `marked` (one `↓` before the expected position), finds `needle` in the `run` scalar and
    /// returns where ScalarText maps it, next to where the marker says it is.
    private func position(of needle: String, in marked: String) throws -> (actual: String, expected: String, exact: Bool) {
        let parsed = MarkedText(marked)
        let source = SourceText(path: "w.yml", bytes: Array(parsed.text.utf8))
        let document = try YAMLParser().parse(parsed.text)
        let run = try #require(document.root?["run"])
        let mapped = ScalarText(node: run, source: source)
        let range = try #require(Self.utf8Range(of: needle, in: mapped.text), "'\(needle)' not in \(mapped.text.debugDescription)")
        let location = mapped.location(in: source, from: range.lowerBound, to: range.upperBound)
        let mark = try #require(parsed.marks.first)
        return ("\(location.line):\(location.column)", "\(mark.line):\(mark.column)", mapped.isExact)
    }

    static func utf8Range(of needle: String, in text: String) -> Range<Int>? {
        let hay = Array(text.utf8), pin = Array(needle.utf8)
        guard pin.count <= hay.count else { return nil }
        for start in 0...(hay.count - pin.count) where Array(hay[start..<(start + pin.count)]) == pin { return start..<(start + pin.count) }
        return nil
    }

    @Test("literal block scalar")
    func literal() throws {
        let result = try position(of: "update-service", in: """
            run: |
              echo start
              aws ecs ↓update-service --cluster c
            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("literal block with blank lines, deeper indentation and keep chomping")
    func literalWithBlankLines() throws {
        let result = try position(of: "--force", in: """
            run: |+
                if true; then

                  aws ecs update-service ↓--force-new-deployment
                fi

            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("line continuations inside a literal block")
    func continuation() throws {
        let result = try position(of: "web", in: """
            run: |
              aws ecs update-service \\
                --cluster prod \\
                --service ↓web
            """)
        #expect(result.actual == result.expected)
    }

    @Test("folded block scalar")
    func folded() throws {
        let result = try position(of: "push", in: """
            run: >
              docker build -t app .
              && docker ↓push app
            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("plain multi-line scalar (folded)")
    func plainMultiLine() throws {
        let result = try position(of: "services-stable", in: """
            run: aws ecs wait
              ↓services-stable --cluster c
            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("single-quoted scalar with an escaped quote")
    func singleQuoted() throws {
        let result = try position(of: "get-login-password", in: """
            run: 'echo ''hi''; aws ecs ↓get-login-password'
            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("double-quoted scalar with escapes and an escaped line break")
    func doubleQuoted() throws {
        let result = try position(of: "ecr", in: """
            run: "echo \\"a\\tb\\" \\
              && aws ↓ecr describe-images"
            """)
        #expect(result.actual == result.expected)
        #expect(result.exact)
    }

    @Test("non-ASCII text before the word counts characters, not bytes")
    func unicodeColumns() throws {
        let result = try position(of: "update-service", in: """
            run: |
              echo "🚀 déploiement" && aws ecs ↓update-service
            """)
        #expect(result.actual == result.expected)
    }

    @Test("CRLF line endings")
    func crlf() throws {
        let marked = "run: |\r\n  echo a\r\n  aws ecs ↓update-service\r\n"
        let result = try position(of: "update-service", in: marked)
        #expect(result.actual == result.expected)
    }

    @Test("a finding inside a script is reported at the word, end to end")
    func endToEnd() {
        let marked = """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - name: Login
                    run: |
                      set -euo pipefail
                      # log in to the registry
                      aws ecs \\
                        ↓get-login-password --region us-east-1 \\
                        | docker login --username AWS --password-stdin $REGISTRY
            """
        let parsed = MarkedText(marked)
        let result = Linter(rules: [AWSCLIWrongServiceRule()]).lint([LintTarget(path: "w.yml", kind: .workflow)],
                                                                     in: InMemoryRepository(["w.yml": parsed.text]))
        #expect(result.diagnostics.count == 1)
        let location = result.diagnostics.first?.location
        #expect(location?.line == parsed.marks[0].line)
        #expect(location?.column == parsed.marks[0].column)
        #expect(location?.endColumn == parsed.marks[0].column + "get-login-password".count)
    }
}

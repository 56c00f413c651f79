import Foundation
import Lint
import Testing

/// A secret never appears in full in any printed line of any format (issue 10, item 2), and text output cannot be
/// used to drive the terminal or forge workflow commands.
@Suite("Secrets masked in every printed line; control characters escaped")
struct SecretOutputTests {
    static let password = "Sup3rS3cretPassw0rd"
    static let dbPassword = "hq7Zp2Lm9Xw4Rt"
    static let renderSecret = "djangoinsecurekey1234567890abcdef"
    static let pat = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    static let keyLine = "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcNz2vHqDsWQnAbCdEfGh"

    /// A workflow whose secrets sit on lines that other findings quote too.
    static let workflow = """
        on: push
        concurrency: deploy
        env: {DB_PASSWORD: \(dbPassword), REGION: us-east-1}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: docker login -u AWS -p \(password) 123456789012.dkr.ecs.us-east-1.amazonaws.com
              - run: echo \(pat) | aws ecs get-login-password
              - id: render
                uses: aws-actions/amazon-ecs-render-task-definition@v1
                with:
                  task-definition: td.json
                  container-name: web
                  image: web:1
                  environment-variables: SECRET_KEY=\(renderSecret)
              - run: |
                  cat > key.pem <<EOF
                  -----BEGIN RSA PRIVATE KEY-----
                  \(keyLine)
                  EOF
                  aws ecs get-login-password
              - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
                with:
                  task-definition: td.json
                  service: s
                  cluster: c

        """

    static let secrets = [password, dbPassword, renderSecret, pat, keyLine]

    private func repository() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try TestSupport.write([".github/workflows/deploy.yml": Self.workflow,
                               "td.json": #"{"family":"f","containerDefinitions":[{"name":"web","image":"x"}]}"#], to: folder)
        return folder
    }

    private func expectMasked(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for secret in Self.secrets {
            // Any 12 characters of a secret in a row is too much (masking keeps 4).
            let windows = stride(from: 0, through: max(0, secret.count - 12), by: 4).map { String(secret.dropFirst($0).prefix(12)) }
            for window in windows where text.contains(window) {
                Issue.record("\(what) shows '\(window)' of a secret", sourceLocation: sourceLocation)
                break
            }
        }
    }

    @Test("every format, --diff and --fix output mask every secret of the file on every line")
    func everyFormat() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in OutputFormat.allCases {
            let run = TestSupport.runLint(LintInvocation(format: format, workingDirectory: folder.path))
            #expect(run.code == .findings)
            expectMasked(run.output, "\(format)")
            expectMasked(run.errors, "\(format) errors")
        }
        let diff = TestSupport.runLint(LintInvocation(workingDirectory: folder.path, fixMode: .diff))
        #expect(diff.output.contains("+++ b/.github/workflows/deploy.yml"))
        expectMasked(diff.output, "--diff")
        let fix = TestSupport.runLint(LintInvocation(workingDirectory: folder.path, fixMode: .fix))
        expectMasked(fix.output, "--fix")
        expectMasked(fix.errors, "--fix errors")
    }

    @Test("the caret stays under the finding after masking shortens the line")
    func caretAfterMasking() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = TestSupport.runLint(LintInvocation(workingDirectory: folder.path)).output
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The ECS host on the login line: its caret must start under the host in the masked line.
        let header = try #require(lines.firstIndex { $0.contains("[ecs-registry-host]") })
        let source = lines[header + 1], caret = lines[header + 2]
        #expect(source.contains("Sup3****") && !source.contains(Self.password), "the other finding's secret is masked here too")
        let hostColumn = try #require(source.range(of: "123456789012.dkr.ecs")).lowerBound
        let caretColumn = try #require(caret.firstIndex(of: "^"))
        #expect(source.distance(from: source.startIndex, to: hostColumn) == caret.distance(from: caret.startIndex, to: caretColumn))
        #expect(caret.filter { $0 == "^" || $0 == "~" }.count == "123456789012.dkr.ecs.us-east-1.amazonaws.com".count)
    }

    @Test("control characters from the file are escaped in text output: a job key cannot forge ::error or colour the terminal")
    func controlCharacters() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflow = "on: push\njobs:\n  \"x\\e[31m\\n::error file=evil::forged\\u0085z\":\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - run: aws ecs update-service --cluster c --service s\n"
        try TestSupport.write([".github/workflows/w.yml": workflow], to: folder)
        let run = TestSupport.runLint(LintInvocation(workingDirectory: folder.path))
        #expect(run.output.contains("job 'x\\x1B[31m\\x0A::error file=evil::forged\\x85z'"))
        #expect(!run.output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || ($0.value >= 0x7F && $0.value <= 0x9F) })
        #expect(!run.output.split(separator: "\n").contains { $0.hasPrefix("::") })
    }

    @Test("SecretMask masks each secret wherever it appears and maps columns onto the masked text")
    func maskOffsets() {
        let mask = SecretMask(secrets: ["abcdefghij", "  multi\nline-secret  "])
        let masked = mask.masked("x=abcdefghij y=abcdefghij line-secret")
        #expect(masked.text == "x=abcd**** y=abcd**** line****")
        #expect(masked.offsets[2] == 2)   // start of the first secret
        #expect(masked.offsets[13] == 11) // 'y' after the first masked span
        #expect(masked.offsets.last == masked.text.unicodeScalars.count)
        #expect(SecretMask().mask("token ghp_" + String(repeating: "a", count: 36)) == "token ghp_****")
    }
}

import Foundation
import Lint
import Testing

/// Each reporter has one golden file, rendered from the `err/shell-scripts` and `err/cross-file-task-definition` fixtures.
@Suite("Reporters")
struct ReporterTests {
    static let fixtures = ["shell-scripts", "cross-file-task-definition"]

    private func run(_ fixture: String, _ format: OutputFormat) -> (code: LintExitCode, output: String, errors: String) {
        let folder = TestSupport.testsFolder.appendingPathComponent("Fixtures/err/\(fixture)")
        return TestSupport.runLint(LintInvocation(paths: ["."], format: format, workingDirectory: folder.path))
    }

    @Test("golden output per format", arguments: [OutputFormat.json, .sarif, .github])
    func golden(_ format: OutputFormat) throws {
        for fixture in Self.fixtures {
            let result = run(fixture, format)
            #expect(result.code == .findings)
            let path = TestSupport.testsFolder.appendingPathComponent("Golden/\(fixture).\(format.rawValue)")
            try TestSupport.assertGolden(result.output, path)
        }
    }

    @Test("output is byte-stable across runs (files are linted in parallel)")
    func deterministic() {
        for format in OutputFormat.allCases {
            let first = run("cross-file-task-definition", format).output
            for _ in 0..<3 { #expect(run("cross-file-task-definition", format).output == first) }
        }
    }

    @Test("no format ever prints a secret in full")
    func secretsAreMasked() {
        let secrets = ["Zq8vLm2PxR4t", "c2VjcmV0LWtleS1mb3ItdGVzdHM"]
        for format in OutputFormat.allCases {
            let output = run("cross-file-task-definition", format).output
            for secret in secrets {
                #expect(!output.contains(secret), "\(format) prints \(secret)")
                #expect(output.contains(String(secret.prefix(4)) + "****"), "\(format) does not show the masked prefix")
            }
        }
    }

    @Test("GitHub escaping follows @actions/core")
    func githubEscaping() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        let diagnostic = Diagnostic(ruleID: "invalid-yaml", severity: .note, message: "50% of\nlines",
                                    location: SourceLocation(path: "dir,1/a:b.yml", line: 3, column: 4))
        let output = GitHubReporter().render([diagnostic], sources: SourceLines())
        #expect(output == "::notice file=dir%2C1/a%3Ab.yml,line=3,col=4,endLine=3,endColumn=5,title=invalid-yaml::50%25 of%0Alines [invalid-yaml]\n")
    }

    @Test("SARIF has rules with descriptions and help, regions and stable fingerprints")
    func sarifShape() throws {
        let output = run("shell-scripts", .sarif).output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let runs = try #require(json["runs"] as? [[String: Any]])
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        for rule in rules {
            #expect(rule["shortDescription"] != nil && rule["fullDescription"] != nil && rule["help"] != nil)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        var fingerprints = Set<String>()
        for result in results {
            let region = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
            #expect(region["startLine"] != nil && region["startColumn"] != nil && region["endLine"] != nil && region["endColumn"] != nil)
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["wfgenLineHash/v1"])
            #expect(fingerprints.insert(fingerprint).inserted, "fingerprints must be unique per result")
        }
    }

    @Test("SARIF fingerprints survive lines moving")
    func fingerprintsAreStable() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = "jobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/amazon-ecr-login@v1\n"
        try TestSupport.write(["a.yml": "on: push\n" + body], to: folder)
        let first = TestSupport.runLint(LintInvocation(paths: ["a.yml"], format: .sarif, workingDirectory: folder.path)).output
        try TestSupport.write(["a.yml": "# a comment\non: push\n\n" + body], to: folder)
        let second = TestSupport.runLint(LintInvocation(paths: ["a.yml"], format: .sarif, workingDirectory: folder.path)).output
        func prints(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.contains("wfgenLineHash/v1") }.map(String.init)
        }
        #expect(!prints(first).isEmpty)
        #expect(prints(first) == prints(second))
        #expect(first != second)
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema (check-jsonschema)")
    func sarifValidatesAgainstSchema() throws {
        let environment = ProcessInfo.processInfo.environment
        let schema = TestSupport.testsFolder.appendingPathComponent("Schemas/sarif-schema-2.1.0.json")
        let binFolder = environment["WFGEN_PEERS_BIN"].map { URL(fileURLWithPath: $0) }
        let checker = binFolder?.appendingPathComponent("check-jsonschema")
        guard let checker, FileManager.default.isExecutableFile(atPath: checker.path) else {
            if environment["WFGEN_REQUIRE_PEERS"] == "1" { Issue.record("check-jsonschema is missing from WFGEN_PEERS_BIN") }
            return
        }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["--schemafile", schema.path]
        for fixture in Self.fixtures {
            let file = folder.appendingPathComponent("\(fixture).sarif")
            try Data(run(fixture, .sarif).output.utf8).write(to: file)
            arguments.append(file.path)
        }
        let process = Process()
        process.executableURL = checker
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check-jsonschema: \(output)")
    }
}

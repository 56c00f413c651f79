import Foundation
import Testing

/// The `wfgen` executable in the build directory of this test bundle, if built.
let wfgenBinary: String? = {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("wfgen").path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// The built `wfgen` binary, run as a user runs it: exit statuses and streams.
///
/// `swift test` builds every product, so the binary sits next to the test bundle; when it does not
/// (a filtered build), these tests are skipped.
@Suite(.enabled(if: wfgenBinary != nil, "the wfgen binary is not built"))
struct CommandLineTests {
    static var binary: String? { wfgenBinary }

    static func wfgen(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary))
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func generateIsTheDefaultAndCheckFollowsIt() throws {
        let directory = try TemporaryDirectory()
        let check = try Self.wfgen(["check", "--root", directory.path])
        #expect(check.status == 1)
        #expect(check.output.contains(".github/workflows/ci.yml: missing"))
        #expect(try directory.snapshot().isEmpty, "check writes nothing")

        let generate = try Self.wfgen(["--root", directory.path])
        #expect(generate.status == 0, "\(generate.errors)")
        #expect(generate.output.contains("created .github/workflows/deploy-fastapi-streamlit.yml"))
        #expect(try Self.wfgen(["check", "--root", directory.path]).status == 0)
    }

    @Test func usageErrorsExitWith2() throws {
        let unknown = try Self.wfgen(["--no-such-option"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("Unknown option '--no-such-option'"))
        let missing = try Self.wfgen(["check", "--root", "/nonexistent/wfgen-root"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("is not a directory"))
    }

    @Test func foreignFileExitsWith2() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".github/workflows/ci.yml", "name: mine\n")
        let run = try Self.wfgen(["generate", "--root", directory.path])
        #expect(run.status == 2)
        #expect(run.errors.contains(".github/workflows/ci.yml: error: exists without wfgen's header"))
        #expect(try directory.read(".github/workflows/ci.yml") == "name: mine\n")
    }
}

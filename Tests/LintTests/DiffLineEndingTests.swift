import Foundation
import Lint
import Testing

/// `--diff` on CRLF and CR-only files (issue 10, item 7): hunks cut at the lines `patch` sees, and the patch
/// applies with the real `patch` binary to give exactly what `--fix` writes.
@Suite("--diff line endings")
struct DiffLineEndingTests {
    /// Sixty lines, one fixable finding in the middle: a line-accurate diff has one small hunk.
    static func workflow(_ lineBreak: String) -> String {
        var lines = ["on: push", "jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    steps:"]
        for i in 0..<30 { lines.append("      - run: echo step \(i)") }
        lines.append("      - run: aws ecs get-login-password --region us-east-1")
        for i in 30..<55 { lines.append("      - run: echo step \(i)") }
        return lines.joined(separator: lineBreak) + lineBreak
    }

    static let patchBinary = ["/usr/bin/patch", "/bin/patch", "/opt/homebrew/bin/patch"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("CRLF: one hunk of 7 lines around the change, applied by patch to give the --fix result", arguments: ["\r\n", "\n"])
    func crlf(lineBreak: String) throws {
        let folder = try FixTests.repository(with: Data(Self.workflow(lineBreak).utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let diff = TestSupport.runLint(FixTests.invocation(folder, .diff)).output
        // (Split on Characters, a CRLF line's "\r\n" is one Character.)
        let lines = diff.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        #expect(lines.filter { $0.hasPrefix("@@") } == ["@@ -33,7 +33,7 @@"], "\(diff)")
        #expect(lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count == 1)
        try expectPatchApplies(diff, folder: folder)
    }

    @Test("CR-only: the diff is what diff -u prints (the file is one line for patch), and patch applies it")
    func crOnly() throws {
        let folder = try FixTests.repository(with: Data(Self.workflow("\r").utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let diff = TestSupport.runLint(FixTests.invocation(folder, .diff)).output
        #expect(diff.contains("@@ -1 +1 @@"))
        try expectPatchApplies(diff, folder: folder)
    }

    /// Applies `diff` with `patch -p1` to a copy of the workflow and compares with what `--fix` writes.
    private func expectPatchApplies(_ diff: String, folder: URL) throws {
        guard let patch = Self.patchBinary else { return }  // no patch binary on this machine
        let workflow = folder.appendingPathComponent(FixTests.workflowPath)
        let copy = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent(".github/workflows"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: workflow, to: copy.appendingPathComponent(FixTests.workflowPath))
        let patchFile = copy.appendingPathComponent("fix.patch")
        try Data(diff.utf8).write(to: patchFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: patch)
        process.arguments = ["-p1", "--batch", "--silent", "-i", patchFile.path]
        process.currentDirectoryURL = copy
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "patch rejected:\n\(diff)")
        _ = TestSupport.runLint(FixTests.invocation(folder, .fix))
        #expect(try Data(contentsOf: copy.appendingPathComponent(FixTests.workflowPath)) == Data(contentsOf: workflow))
    }
}

import Foundation
import Lint
import Testing

/// Whole repositories as data: `Fixtures/ok/*` must be silent, `Fixtures/err/*` must give `expected.txt`.
/// A new case is a folder and no code (as actionlint's testdata).
@Suite("Fixture repositories")
struct FixtureTests {
    static let okCases = cases("ok")
    static let errCases = cases("err")

    static func cases(_ kind: String) -> [String] {
        let folder = TestSupport.testsFolder.appendingPathComponent("Fixtures/\(kind)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("ok fixtures give no finding and exit 0", arguments: okCases)
    func ok(_ name: String) {
        let folder = TestSupport.testsFolder.appendingPathComponent("Fixtures/ok/\(name)")
        let run = TestSupport.runLint(LintInvocation(paths: ["."], workingDirectory: folder.path))
        #expect(run.output == "", "unexpected findings in ok/\(name):\n\(run.output)")
        #expect(run.code == .clean)
    }

    @Test("err fixtures give exactly expected.txt and exit 1", arguments: errCases)
    func err(_ name: String) throws {
        let folder = TestSupport.testsFolder.appendingPathComponent("Fixtures/err/\(name)")
        let run = TestSupport.runLint(LintInvocation(paths: ["."], workingDirectory: folder.path))
        try TestSupport.assertGolden(run.output, folder.appendingPathComponent("expected.txt"))
        #expect(run.code == .findings)
    }

    @Test("the fixture sets are not empty")
    func haveCases() {
        #expect(Self.okCases.count >= 3)
        #expect(Self.errCases.count >= 4)
    }
}

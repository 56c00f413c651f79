@testable import Lint
import Testing

/// The order and overlap rules of applying several fixes to one text.
@Suite("Fix applier")
struct FixApplierTests {
    static func diagnostic(_ rule: String, line: Int) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: .error, message: "m", location: SourceLocation(path: "w.yml", line: line, column: 1))
    }

    @Test("non-overlapping edits all apply, whatever their offsets")
    func disjoint() {
        let text = Array("aws ecs x\naws ecr y\n".utf8)
        let fixes = [
            (diagnostic: Self.diagnostic("a", line: 1), fix: Fix("one", edits: [TextEdit(start: 4, end: 7, replacement: "ecr")])),
            (diagnostic: Self.diagnostic("a", line: 2), fix: Fix("two", edits: [TextEdit(start: 14, end: 17, replacement: "ecs")])),
        ]
        let result = FixApplier.apply(fixes, to: text)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "aws ecr x\naws ecs y\n")
        #expect(result.applied.map(\.fix.summary) == ["one", "two"])
    }

    @Test("a fix overlapping an accepted one is skipped whole; identical edits are shared")
    func overlapAndShared() {
        let text = Array("0123456789".utf8)
        let shared = TextEdit(start: 0, end: 0, replacement: "id ")
        let fixes = [
            (diagnostic: Self.diagnostic("a", line: 1), fix: Fix("first", edits: [shared, TextEdit(start: 2, end: 4, replacement: "X")])),
            (diagnostic: Self.diagnostic("b", line: 1), fix: Fix("overlaps", edits: [TextEdit(start: 3, end: 5, replacement: "Y"), TextEdit(start: 8, end: 9, replacement: "Z")])),
            (diagnostic: Self.diagnostic("c", line: 1), fix: Fix("same insertion", edits: [shared])),
            (diagnostic: Self.diagnostic("d", line: 1), fix: Fix("insertion at the same place", edits: [TextEdit(start: 0, end: 0, replacement: "other ")])),
        ]
        let result = FixApplier.apply(fixes, to: text)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "id 01X456789")
        #expect(result.applied.map(\.fix.summary) == ["first", "same insertion"])
    }

    @Test("edits outside the text are never applied")
    func outOfRange() {
        let text = Array("abc".utf8)
        let fixes = [(diagnostic: Self.diagnostic("a", line: 1), fix: Fix("bad", edits: [TextEdit(start: 2, end: 9, replacement: "x")]))]
        let result = FixApplier.apply(fixes, to: text)
        #expect(result.bytes == text)
        #expect(result.applied.isEmpty)
    }
}

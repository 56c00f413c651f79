import Foundation
import TextDiff
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\n", new: "a\n", oldName: "a", newName: "b") == "")
    }

    @Test func changeInTheMiddleHasContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "a/f", newName: "b/f") == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...30).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n28\n", with: "\n28b\n")
        let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3, "\(diff)")
    }

    @Test func missingFinalNewlineIsShown() {
        let diff = UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldName: "a", newName: "b")
        #expect(diff.contains("-b\n\\ No newline at end of file\n+b\n"))
    }
}

// Fuzz target: `wfgen lint --fix` in memory: compute the fixes, apply them, lint again.
//
// Checks, for any input: each pass's edits lie inside the file, on UTF-8 character boundaries and never between
// the CR and LF of a line break; every byte outside the edits is unchanged; the fixed text parses; the planner
// (FixPlanner, what --fix runs) gives exactly the text of these passes; and fixing the fixed text changes
// nothing (idempotence), unless the planner stopped at its pass limit with fixes still pending.
@testable import Lint
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFix(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let original = inputBytes(data, size)
    let target = LintTarget(path: FuzzRepository.workflowPath, kind: .workflow)
    let linter = Linter()
    let first = linter.lint([target], in: FuzzRepository(workflow: original))
    guard first.diagnostics.contains(where: { $0.fix?.fix != nil }) else { return 0 }

    // The passes, one by one, as FixPlanner makes them, checking each pass's edits.
    var current = original
    var diagnostics = first.diagnostics
    var changedInLastPass = false
    for _ in 0..<FixPlanner.maximumPasses {
        let entries = diagnostics.filter { $0.fix?.fix != nil && $0.location.path == FuzzRepository.workflowPath }
            .sorted(by: Diagnostic.outputOrder).compactMap { diagnostic in diagnostic.fix?.fix.map { (diagnostic: diagnostic, fix: $0) } }
        changedInLastPass = false
        guard !entries.isEmpty else { break }
        let outcome = FixApplier.apply(entries, to: current)
        guard outcome.bytes != current, (try? YAMLParser().parse(outcome.bytes)) != nil else { break }
        checkEdits(Set(outcome.applied.flatMap(\.fix.edits)), before: current, after: outcome.bytes)
        current = outcome.bytes
        changedInLastPass = true
        diagnostics = linter.lint([target], in: FuzzRepository(workflow: current)).diagnostics
    }

    let planned = FixPlanner(linter: linter).plan(first, targets: [target], repository: FuzzRepository(workflow: original))
    let plannedText = planned.first?.fixed ?? original
    require(plannedText == current, "FixPlanner's text differs from its passes replayed:\n\(text(plannedText))\n---\n\(text(current))")
    guard plannedText != original else { return 0 }
    require((try? YAMLParser().parse(plannedText)) != nil, "fixed text does not parse:\n\(text(plannedText))")

    if !changedInLastPass || diagnostics.allSatisfy({ $0.fix?.fix == nil }) {
        let again = linter.lint([target], in: FuzzRepository(workflow: plannedText))
        let second = FixPlanner(linter: linter).plan(again, targets: [target], repository: FuzzRepository(workflow: plannedText))
        require(second.isEmpty, "a second --fix changed the fixed text:\n\(text(plannedText))\n--- into ---\n\(text(second.first?.fixed ?? []))")
    }
    return 0
}

/// The edits of one pass: in range, not splitting a character or a CRLF, and nothing else changed.
private func checkEdits(_ edits: Set<TextEdit>, before: [UInt8], after: [UInt8]) {
    var kept = 0
    var inserted = 0
    for edit in edits {
        require(0 <= edit.start && edit.start <= edit.end && edit.end <= before.count, "edit \(edit) outside 0...\(before.count)")
        for offset in [edit.start, edit.end] where offset < before.count {
            require(before[offset] & 0xC0 != 0x80, "edit \(edit) splits a UTF-8 character at \(offset)")
            require(!(offset > 0 && before[offset - 1] == 0x0D && before[offset] == 0x0A), "edit \(edit) splits a CRLF at \(offset)")
        }
        kept += edit.end - edit.start
        inserted += edit.replacement.utf8.count
    }
    require(after.count == before.count - kept + inserted, "fixed size \(after.count) is not \(before.count) - \(kept) + \(inserted)")
    // Walk the unchanged stretches between edits: each must be byte-identical at its shifted place.
    var shift = 0
    var position = 0
    for edit in edits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
        require(Array(before[position..<edit.start]) == Array(after[(position + shift)..<(edit.start + shift)]),
                "bytes \(position)..<\(edit.start) outside the edits changed")
        shift += edit.replacement.utf8.count - (edit.end - edit.start)
        position = edit.end
    }
    require(Array(before[position...]) == Array(after[(position + shift)...]), "bytes after offset \(position) changed")
}

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

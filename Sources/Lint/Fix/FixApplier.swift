/// Applies fixes to a file's bytes in a deterministic order.
enum FixApplier {
    /// Applies `fixes` in the given order (diagnostic output order). A fix whose edits overlap an edit already
    /// accepted is skipped whole (a later pass may apply it to the new text); an edit identical to an accepted
    /// one is shared, so two findings that need the same change (the same missing `id:`) are both fixed by it.
    static func apply(_ fixes: [(diagnostic: Diagnostic, fix: Fix)], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [(diagnostic: Diagnostic, fix: Fix)]) {
        var accepted: [TextEdit] = []
        var applied: [(diagnostic: Diagnostic, fix: Fix)] = []
        for entry in fixes {
            let edits = entry.fix.edits
            guard !edits.isEmpty, edits.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && $0.end <= bytes.count }) else { continue }
            let fresh = edits.filter { !accepted.contains($0) }
            if fresh.contains(where: { edit in accepted.contains { $0.overlaps(edit) } }) { continue }
            if !fresh.isEmpty, zip(fresh, fresh.dropFirst()).contains(where: { $0.overlaps($1) }) { continue }
            accepted += fresh
            applied.append(entry)
        }
        var result = bytes
        // From the end backwards, so earlier offsets stay valid.
        for edit in accepted.sorted(by: { ($0.start, $0.end) > ($1.start, $1.end) }) {
            result.replaceSubrange(edit.start..<edit.end, with: Array(edit.replacement.utf8))
        }
        return (result, applied)
    }
}

import YAML

/// One fix that `wfgen lint --fix` applied.
public struct AppliedFix: Sendable, Hashable {
    /// The rule whose finding it fixes.
    public let ruleID: String
    /// The finding's line, in the text the fix was applied to.
    public let line: Int
    /// What the fix changed.
    public let summary: String
}

/// A workflow file with fixes applied in memory.
public struct FixedFile: Sendable {
    /// The repository-relative path.
    public let path: String
    /// The bytes before any fix.
    public let original: [UInt8]
    /// The bytes after every fix.
    public let fixed: [UInt8]
    /// The fixes, in the order they were applied.
    public let applied: [AppliedFix]
    /// Literal secrets that findings in the file touch; masked in any output of the file's text.
    public let sensitiveTexts: [String]
}

/// Computes the fixed text of every file with fixable findings, without writing anything.
///
/// Fixes are applied pass by pass: each pass applies every non-overlapping fix of the current text, then the
/// changed files are linted again, so a fix skipped for overlapping another is retried on the new text. The
/// passes stop when nothing changes (so a second `--fix` finds nothing to do). A file is only ever fixed from
/// a successful parse, and a fixed text that no longer parses is discarded whole.
public struct FixPlanner: Sendable {
    /// The engine used to lint each pass.
    public let linter: Linter
    /// The most passes per run (each pass fixes everything that does not overlap).
    public static let maximumPasses = 4

    /// Creates a planner around a configured engine.
    public init(linter: Linter) {
        self.linter = linter
    }

    /// The fixed files, by path order, starting from an existing lint `result` of `targets`.
    public func plan(_ result: LintResult, targets: [LintTarget], repository: RepositoryFiles) -> [FixedFile] {
        let workflows = Dictionary(targets.filter { $0.kind == .workflow }.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var current: [String: [UInt8]] = [:]
        var originals: [String: [UInt8]] = [:]
        var applied: [String: [AppliedFix]] = [:]
        var secrets: [String: Set<String>] = [:]
        var diagnostics = result.diagnostics
        for _ in 0..<FixPlanner.maximumPasses {
            for diagnostic in diagnostics { secrets[diagnostic.location.path, default: []].formUnion(diagnostic.sensitiveTexts) }
            let fixable = Dictionary(grouping: diagnostics.filter { $0.fix?.fix != nil && workflows[$0.location.path] != nil },
                                     by: { $0.location.path })
            var changed: [LintTarget] = []
            for path in fixable.keys.sorted() {
                guard let target = workflows[path], let bytes = current[path] ?? repository.read(path) else { continue }
                let entries = (fixable[path] ?? []).sorted(by: Diagnostic.outputOrder).compactMap { diagnostic in
                    diagnostic.fix?.fix.map { (diagnostic: diagnostic, fix: $0) }
                }
                // Fix positions count from after a byte order mark (as the linter reads the file); it is kept.
                let body = ByteOrderMark.stripped(bytes)
                let outcome = FixApplier.apply(entries, to: body)
                guard outcome.bytes != body, (try? YAMLParser().parse(outcome.bytes)) != nil else { continue }
                if originals[path] == nil { originals[path] = bytes }
                current[path] = (ByteOrderMark.starts(bytes) ? ByteOrderMark.bytes : []) + outcome.bytes
                applied[path, default: []] += outcome.applied.map {
                    AppliedFix(ruleID: $0.diagnostic.ruleID, line: $0.diagnostic.location.line, summary: $0.fix.summary)
                }
                changed.append(target)
            }
            guard !changed.isEmpty else { break }
            let overlay = OverlayRepository(base: repository, files: current)
            diagnostics = linter.lint(changed, in: overlay).diagnostics
        }
        return current.keys.sorted().compactMap { path in
            guard let original = originals[path], let fixed = current[path] else { return nil }
            return FixedFile(path: path, original: original, fixed: fixed, applied: applied[path] ?? [],
                             sensitiveTexts: (secrets[path] ?? []).sorted())
        }
    }
}

/// A repository whose files at some paths are replaced by in-memory text (the fixed, not yet written, files).
struct OverlayRepository: RepositoryFiles {
    let base: RepositoryFiles
    let files: [String: [UInt8]]

    func read(_ path: String) -> [UInt8]? { files[RepositoryPath.normalize(path)] ?? base.read(path) }
}

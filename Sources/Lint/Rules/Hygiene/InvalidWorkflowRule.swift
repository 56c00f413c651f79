import YAML

/// YAML that is not a valid GitHub Actions workflow.
public struct InvalidWorkflowRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "invalid-workflow",
        family: .hygiene,
        severity: .error,
        summary: "The file is not a valid workflow: no `on` or `jobs`, an unknown event, an unknown `needs` target, an unknown expression context (`var.X` for `vars.X`), a job with neither `runs-on` nor `uses`, or a step with both or neither of `uses` and `run` (in a composite action: also a `run` step without `shell`).",
        rationale: """
            GitHub refuses such a file ("Invalid workflow file") or, for a misspelled event, never triggers it; the \
            deploy silently stops happening.
            """,
        useInstead: "Fix the reported key or expression; valid contexts are github, env, vars, secrets, inputs, job, jobs, steps, runner, strategy, matrix and needs.",
        triggeringExamples: [
            RuleExample("""
                on: ↓pushh
                jobs:
                  deploy:
                    needs: ↓biuld
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ ↓var.HOST }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on:
                  push:
                    branches: [main]
                  workflow_dispatch:
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ${{ vars.HOST }} ${{ format('{0}', github.sha) }} ${{ matrix.os || 'linux' }}
                  deploy:
                    needs: build
                    uses: ./.github/workflows/deploy.yml
                """),
        ]
    )

    static let events: Set<String> = ["branch_protection_rule", "check_run", "check_suite", "create", "delete", "deployment",
        "deployment_status", "discussion", "discussion_comment", "fork", "gollum", "issue_comment", "issues", "label",
        "merge_group", "milestone", "page_build", "project", "project_card", "project_column", "public", "pull_request",
        "pull_request_review", "pull_request_review_comment", "pull_request_target", "push", "registry_package", "release",
        "repository_dispatch", "schedule", "status", "watch", "workflow_call", "workflow_dispatch", "workflow_run", "image_version"]

    static let contexts: Set<String> = ["github", "env", "vars", "secrets", "inputs", "job", "jobs", "steps", "runner",
                                        "strategy", "matrix", "needs"]

    public func check(workflow context: WorkflowContext) -> [Finding] {
        if context.isCompositeAction { return compositeActionFindings(context) }
        let root = context.workflow.root
        let start = SourceLocation(path: context.source.path, line: root.start.line, column: root.start.column)
        guard let pairs = root.mapping else {
            return [Finding("a workflow must be a mapping with 'on' and 'jobs'", at: start)]
        }
        var findings: [Finding] = []
        if pairs.isEmpty { return [Finding("the file is empty: a workflow needs 'on' and 'jobs'", at: start)] }
        if context.workflow.onPair == nil { findings.append(Finding("the workflow has no 'on' (triggers)", at: start)) }
        if context.workflow.jobsPair == nil { findings.append(Finding("the workflow has no 'jobs'", at: start)) }
        for event in context.workflow.events where !InvalidWorkflowRule.events.contains(event.name) {
            findings.append(Finding("'\(event.name)' is not a workflow event", at: context.location(of: event.key)))
        }
        // Jobs are read in place by index: a JobView copy retains every one of its fields.
        let jobs = context.workflow.jobs
        let jobIDs: Set<String> = jobs.contains { !$0.needs.isEmpty } ? Set(jobs.map(\.id)) : []
        for index in jobs.indices {
            for need in jobs[index].needs where !jobIDs.contains(need.name) {
                findings.append(Finding("job '\(jobs[index].id)' needs '\(need.name)', which is not a job of this workflow", at: context.location(of: need.value)))
            }
            if case .mapping(let pairs) = jobs[index].node.kind, !InvalidWorkflowRule.hasKey(pairs, "runs-on"), case .none = jobs[index].uses {
                findings.append(Finding("job '\(jobs[index].id)' has neither 'runs-on' nor 'uses'", at: context.location(of: jobs[index].key)))
            }
            stepShapeFindings(jobs[index].steps, context, inCompositeAction: false, into: &findings)
        }
        findings += unknownContexts(context)
        return findings
    }

    /// A composite action's steps: each needs exactly one of `uses` and `run`, and a `run` needs `shell`.
    private func compositeActionFindings(_ context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        let jobs = context.workflow.jobs
        for index in jobs.indices { stepShapeFindings(jobs[index].steps, context, inCompositeAction: true, into: &findings) }
        return findings + unknownContexts(context)
    }

    /// True when a mapping's pairs hold the scalar key `key` (`node[key] != nil`, without copying a pair out).
    private static func hasKey(_ pairs: [Node.Pair], _ key: String) -> Bool {
        for index in pairs.indices {
            if case .scalar(let name, _) = pairs[index].key.kind, name == key { return true }
        }
        return false
    }

    /// Steps with both or neither of `uses` and `run`; in a composite action, also `run` without `shell`.
    private func stepShapeFindings(_ steps: [StepView], _ context: WorkflowContext, inCompositeAction: Bool,
                                   into findings: inout [Finding]) {
        // Steps are read in place by index: a StepView copy retains every one of its fields.
        for index in steps.indices {
            guard case .mapping = steps[index].node.kind else { continue }
            // Matched in place: `!= nil` copied each node out first.
            var hasUses = false, hasRun = false
            if case .some = steps[index].usesNode { hasUses = true }
            if case .some = steps[index].run { hasRun = true }
            if hasUses == hasRun {
                findings.append(Finding(hasUses ? "a step cannot have both 'uses' and 'run'" : "a step needs 'uses' or 'run'",
                                        at: context.headLocation(of: steps[index].node)))
            } else if inCompositeAction, hasRun, steps[index].node["shell"] == nil {
                findings.append(Finding("a 'run' step in a composite action must set 'shell' (GitHub rejects the action otherwise)",
                                        at: context.headLocation(of: steps[index].node)))
            }
        }
    }

    /// Expressions reading a context that does not exist (`var.X`, `secret.X`).
    private func unknownContexts(_ context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Most files read only known contexts: one pass over the file's bytes then stands for every scalar.
        guard SourceBytes.with(context.source, InvalidWorkflowRule.mayReadUnknownContext) else { return [] }
        // Indexing the struct entries reads each text in place; destructuring tuples copied every node.
        let scalars = context.scalarEntries
        for index in scalars.indices {
            guard case .scalar(let text, _) = scalars[index].node.kind else { continue }
            do {
                // One byte pass refuses nearly every scalar; the few left are read again below to build the messages.
                guard InvalidWorkflowRule.readsUnknownContext(text) else { continue }
                let node = scalars[index].node
                for (range, inner) in Expressions.occurrences(in: text) {
                    for (name, offset) in InvalidWorkflowRule.contextNames(in: inner) where !InvalidWorkflowRule.contexts.contains(name) {
                        let mapped = ScalarText(node: node, source: context.source)
                        // Offset of the inner text within the `${{ ... }}` occurrence.
                        let occurrence = String(decoding: Array(text.utf8)[range], as: UTF8.self)
                        let innerStart = range.lowerBound + (occurrence.utf8Range(of: inner)?.lowerBound ?? 3)
                        let from = innerStart + offset
                        var message = "unknown context '\(name)' in expression '\(inner)'"
                        if let suggestion = InvalidWorkflowRule.contexts.first(where: { $0.hasPrefix(name) || name.hasPrefix($0) }) {
                            message += " (did you mean '\(suggestion)'?)"
                        }
                        findings.append(Finding(message, at: mapped.location(in: context.source, from: from, to: from + name.utf8.count)))
                    }
                }
            }
        }
        return findings
    }

    /// True when an expression of `text` reads an unknown context: the same expressions as
    /// `Expressions.occurrences`, read in place (leading and trailing blanks of an expression cannot start, end or
    /// join a name, so they need no trimming).
    static func readsUnknownContext(_ text: String) -> Bool {
        ScalarBytes.with(text) { bytes in
            let n = bytes.count
            var i = 0
            while let p = ScalarBytes.index(of: 0x24, in: bytes, from: i, through: n - 3) {
                guard bytes[p + 1] == 0x7B, bytes[p + 2] == 0x7B else { i = p + 1; continue }
                var j = p + 3
                while j + 1 < n && !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
                guard j + 1 < n else { return false }
                var found = false
                forEachUnknownName(in: bytes, from: p + 3, to: j) { _, _ in found = true }
                if found { return true }
                i = j + 2
            }
            return false
        }
    }

    /// Identifiers that start a property access (`name.` or `name[`) in an expression and are not known contexts,
    /// with their UTF-8 offsets.
    static func contextNames(in expression: String) -> [(String, Int)] {
        ScalarBytes.with(expression) { bytes in
            var result: [(String, Int)] = []
            // Only unknown names become Strings: nearly every access is to a known context.
            forEachUnknownName(in: bytes, from: 0, to: bytes.count) { start, end in
                result.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), start))
            }
            return result
        }
    }

    /// False when no expression of any scalar of the file (`bytes`) can read an unknown context.
    ///
    /// Each expression of a value is in the bytes too (see `SourceBytes`), between the same `${{` and `}}`, with
    /// blanks folded and quotes doubled in single-quoted scalars; an escape inside one sends the file to the exact
    /// reading. Reading the bytes with quotes as plain characters finds every name the value's reading finds (and
    /// the names inside string literals), also when a `${{` in a comment or another scalar starts the search early.
    static func mayReadUnknownContext(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if SourceBytes.mayHideText(bytes) { return true }
        let n = bytes.count
        var i = 0
        while let p = ScalarBytes.index(of: 0x24, in: bytes, from: i, through: n - 3) {
            guard bytes[p + 1] == 0x7B, bytes[p + 2] == 0x7B else { i = p + 1; continue }
            // The first `}}` after `${{`.
            var end: Int?
            var j = p + 3
            while let q = ScalarBytes.index(of: 0x7D, in: bytes, from: j, through: n - 2) {
                if bytes[q + 1] == 0x7D { end = q; break }
                j = q + 1
            }
            guard let end else { return false }
            if ScalarBytes.index(of: 0x5C, in: bytes, from: p + 3, through: end - 1) != nil { return true }
            if readsUnknownName(in: bytes, from: p + 3, to: end, before: 0x2E)
                || readsUnknownName(in: bytes, from: p + 3, to: end, before: 0x5B) {
                return true
            }
            i = end + 2
        }
        return false
    }

    /// True when `bytes[from..<to]` may hold an unknown name before a `.` or `[` (`access`) that starts a property
    /// access, as `forEachUnknownName` would read it with quotes as plain characters. Each `access` byte is read
    /// backwards: a name the forward reading reports starts right after a byte that is not a name byte or after
    /// `-` bytes it skips one by one, and never with a digit (that starts a number literal).
    private static func readsUnknownName(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, before access: UInt8) -> Bool {
        func isIdentStart(_ b: UInt8) -> Bool { b == 0x5F || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        func isIdent(_ b: UInt8) -> Bool { isIdentStart(b) || b == 0x2D || (b >= 0x30 && b <= 0x39) }
        var k = from
        while let a = ScalarBytes.index(of: access, in: bytes, from: k, through: to - 1) {
            k = a + 1
            var start = a
            while start > from, isIdent(bytes[start - 1]) { start -= 1 }
            while start < a, bytes[start] == 0x2D { start += 1 }
            guard start < a, isIdentStart(bytes[start]) else { continue }
            // A run after a `.` is a property. (Runs inside number literals are reported too: a false alarm only
            // sends the file to the exact reading.)
            let previous = start > from ? bytes[start - 1] : 0x20
            if previous != 0x2E, !isKnownContext(bytes, start, a) { return true }
        }
        return false
    }

    /// Calls `body` with the bounds of each identifier of `bytes[from..<to]` that starts a property access and is not
    /// a known context.
    private static func forEachUnknownName(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                                           _ body: (Int, Int) -> Void) {
        var i = from
        func isIdentStart(_ b: UInt8) -> Bool { b == 0x5F || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        func isIdent(_ b: UInt8) -> Bool { isIdentStart(b) || b == 0x2D || (b >= 0x30 && b <= 0x39) }
        while i < to {
            let b = bytes[i]
            if b == 0x27 { // string literal
                i += 1
                while i < to {
                    if bytes[i] == 0x27 { if i + 1 < to && bytes[i + 1] == 0x27 { i += 2; continue }; break }
                    i += 1
                }
                i += 1
                continue
            }
            if isIdentStart(b) {
                let start = i
                while i < to, isIdent(bytes[i]) { i += 1 }
                let previous = start > from ? bytes[start - 1] : 0x20
                let next = i < to ? bytes[i] : 0x20
                if previous != 0x2E, next == 0x2E || next == 0x5B, !isKnownContext(bytes, start, i) {
                    body(start, i)
                }
                continue
            }
            if b >= 0x30 && b <= 0x39 { // number literal such as 1.5
                while i < to, isIdent(bytes[i]) || bytes[i] == 0x2E { i += 1 }
                continue
            }
            i += 1
        }
    }

    /// True when `bytes[start..<end]` spells a known context.
    private static func isKnownContext(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func spells(_ name: StaticString) -> Bool { ScalarBytes.equals(bytes, start, end, name) }
        switch end - start {
        case 3: return spells("env") || spells("job")
        case 4: return spells("vars") || spells("jobs")
        case 5: return spells("steps") || spells("needs")
        case 6: return spells("github") || spells("inputs") || spells("runner") || spells("matrix")
        case 7: return spells("secrets")
        case 8: return spells("strategy")
        default: return false
        }
    }
}

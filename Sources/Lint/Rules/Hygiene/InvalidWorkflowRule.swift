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
        let jobIDs = Set(context.workflow.jobs.map(\.id))
        for job in context.workflow.jobs {
            for need in job.needs where !jobIDs.contains(need.name) {
                findings.append(Finding("job '\(job.id)' needs '\(need.name)', which is not a job of this workflow", at: context.location(of: need.value)))
            }
            if job.node.mapping != nil, job.node["runs-on"] == nil, job.uses == nil {
                findings.append(Finding("job '\(job.id)' has neither 'runs-on' nor 'uses'", at: context.location(of: job.key)))
            }
            findings += stepShapeFindings(job, context, inCompositeAction: false)
        }
        findings += unknownContexts(context)
        return findings
    }

    /// A composite action's steps: each needs exactly one of `uses` and `run`, and a `run` needs `shell`.
    private func compositeActionFindings(_ context: WorkflowContext) -> [Finding] {
        context.workflow.jobs.flatMap { stepShapeFindings($0, context, inCompositeAction: true) } + unknownContexts(context)
    }

    /// Steps with both or neither of `uses` and `run`; in a composite action, also `run` without `shell`.
    private func stepShapeFindings(_ job: JobView, _ context: WorkflowContext, inCompositeAction: Bool) -> [Finding] {
        var findings: [Finding] = []
        for step in job.steps where step.node.mapping != nil {
            let hasUses = step.usesNode != nil
            let hasRun = step.run != nil
            if hasUses == hasRun {
                findings.append(Finding(hasUses ? "a step cannot have both 'uses' and 'run'" : "a step needs 'uses' or 'run'",
                                        at: context.headLocation(of: step.node)))
            } else if inCompositeAction, hasRun, step.node["shell"] == nil {
                findings.append(Finding("a 'run' step in a composite action must set 'shell' (GitHub rejects the action otherwise)",
                                        at: context.headLocation(of: step.node)))
            }
        }
        return findings
    }

    /// Expressions reading a context that does not exist (`var.X`, `secret.X`).
    private func unknownContexts(_ context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Indexing the struct entries reads each text in place; destructuring tuples copied every node.
        let scalars = context.scalarEntries
        for index in scalars.indices {
            guard let text = scalars[index].node.scalar else { continue }
            do {
                guard text.fastContains("${{") else { continue }
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

    private static let knownContextBytes: [[UInt8]] = contexts.sorted().map { Array($0.utf8) }

    /// Identifiers that start a property access (`name.` or `name[`) in an expression and are not known contexts,
    /// with their UTF-8 offsets.
    static func contextNames(in expression: String) -> [(String, Int)] {
        let bytes = Array(expression.utf8)
        var result: [(String, Int)] = []
        var i = 0
        func isIdentStart(_ b: UInt8) -> Bool { b == 0x5F || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        func isIdent(_ b: UInt8) -> Bool { isIdentStart(b) || b == 0x2D || (b >= 0x30 && b <= 0x39) }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x27 { // string literal
                i += 1
                while i < bytes.count {
                    if bytes[i] == 0x27 { if i + 1 < bytes.count && bytes[i + 1] == 0x27 { i += 2; continue }; break }
                    i += 1
                }
                i += 1
                continue
            }
            if isIdentStart(b) {
                let start = i
                while i < bytes.count, isIdent(bytes[i]) { i += 1 }
                let previous = start > 0 ? bytes[start - 1] : 0x20
                let next = i < bytes.count ? bytes[i] : 0x20
                // Only unknown names become Strings: nearly every access is to a known context.
                if previous != 0x2E, next == 0x2E || next == 0x5B,
                   !knownContextBytes.contains(where: { bytes[start..<i].elementsEqual($0) }) {
                    result.append((String(decoding: bytes[start..<i], as: UTF8.self), start))
                }
                continue
            }
            if b >= 0x30 && b <= 0x39 { // number literal such as 1.5
                while i < bytes.count, isIdent(bytes[i]) || bytes[i] == 0x2E { i += 1 }
                continue
            }
            i += 1
        }
        return result
    }
}

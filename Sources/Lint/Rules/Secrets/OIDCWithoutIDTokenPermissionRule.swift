import YAML

/// OIDC role assumption without the `id-token: write` permission.
public struct OIDCWithoutIDTokenPermissionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "oidc-without-id-token-permission",
        family: .secrets,
        severity: .error,
        summary: "`role-to-assume` is used without access keys (OIDC) while the job's effective permissions do not grant `id-token: write`.",
        rationale: """
            Without `id-token: write` the runner cannot request an OIDC token, and configure-aws-credentials fails \
            with "Credentials could not be loaded" (after only an info-level hint). With no `permissions` anywhere, \
            `id-token` is not granted. Reusable workflows (`on: workflow_call`) get permissions from their caller \
            and are not checked.
            """,
        useInstead: """
            Add `permissions: {id-token: write, contents: read}` to the job (or the workflow); job-level permissions \
            replace the defaults, so list `contents: read` too.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                permissions:
                  contents: read
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          ↓role-to-assume: arn:aws:iam::123456789012:role/deploy
                          aws-region: us-east-1
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    permissions:
                      id-token: write
                      contents: read
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          role-to-assume: arn:aws:iam::123456789012:role/deploy
                          aws-region: us-east-1
                """),
        ],
        autoFix: """
            Adds `id-token: write` to the job's `permissions:` mapping (or sets its `id-token` to `write`). A job that \
            inherits the workflow's `permissions:` gets its own block with a copy of the workflow's entries plus \
            `id-token: write`, so no other job gains anything and this job loses nothing. Not fixed: a workflow \
            with no `permissions` at all (a new block would drop the repository's default token permissions, which \
            the file does not show), `read-all`, flow-style mappings, or a file with YAML aliases.
            """
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        guard !context.workflow.isReusable else { return [] }
        var findings: [Finding] = []
        // Jobs are read by index (a JobFacts copy retains every field of its view), and only a job that configures
        // credentials has its permissions looked up.
        let jobs = context.jobs
        for jobIndex in jobs.indices {
            let steps = jobs[jobIndex].steps
            guard steps.contains(where: { $0.view.action?.repository == AWSActionCatalog.configureCredentials }) else { continue }
            let job = jobs[jobIndex]
            let grants = OIDCWithoutIDTokenPermissionRule.grantsIDToken(context.permissions(for: job.view))
            guard !grants else { continue }
            for step in steps where step.view.action?.repository == AWSActionCatalog.configureCredentials {
                guard let role = step.view.input("role-to-assume"), !(role.text ?? "").isEmpty else { continue }
                let others = ["aws-access-key-id", "web-identity-token-file", "role-chaining", "use-existing-credentials"]
                if others.contains(where: { step.view.input($0) != nil }) { continue }
                findings.append(Finding("role-to-assume uses OIDC, but job '\(job.view.id)' is not granted 'id-token: write', so no token can be requested",
                                        at: context.location(of: role.key), fix: OIDCWithoutIDTokenPermissionRule.fix(job.view, context: context)))
            }
        }
        return findings
    }

    /// Grants `id-token: write` to the job alone, never changing what else any job may do.
    ///
    /// A job `permissions:` mapping gets the entry (or its `id-token` value becomes `write`). A job that inherits
    /// the workflow's mapping gets its own `permissions:` holding a copy of the workflow's entries plus
    /// `id-token: write`, so the job keeps exactly what it had and other jobs get nothing new. A job with no
    /// `permissions` anywhere runs with the repository's default token permissions, which the file does not
    /// show: adding a block would drop them, so that case (and `read-all`) is left to the user.
    static func fix(_ job: JobView, context: WorkflowContext) -> FixOutcome {
        let edits = SourceEdits(context: context)
        do {
            if let own = job.permissions {
                guard own.mapping != nil else {
                    let shown = (own.scalar ?? "").isEmpty ? "an empty 'permissions:'" : "'permissions: \(own.scalar ?? "")'"
                    return .notFixable("job '\(job.id)' has \(shown); list its permissions by hand")
                }
                if let current = own["id-token"] {
                    let edit = try edits.replacing(current, with: "write", what: "'id-token'")
                    return .fix(Fix("set 'id-token: write' in job '\(job.id)'", edits: [edit]))
                }
                let edit = try edits.appending(["id-token: write"], to: own, what: "job '\(job.id)' 'permissions:'")
                return .fix(Fix("add 'id-token: write' to job '\(job.id)' permissions", edits: [edit]))
            }
            if let inherited = context.workflow.permissions, inherited.mapping == nil {
                return .notFixable("the workflow has 'permissions: \(inherited.scalar ?? "")'; give job '\(job.id)' its own 'permissions:' by hand")
            }
            guard let inherited = context.workflow.permissions, let pairs = inherited.mapping,
                  let workflowKey = context.workflow.root.pair("permissions")?.key else {
                return .notFixable("no 'permissions' block: adding one would drop the repository's default token permissions; add 'permissions:' with 'id-token: write' and what the job needs")
            }
            var entries: [String] = []
            for pair in pairs {
                guard let key = pair.key.scalar, let value = pair.value.scalar, Self.isPlainWord(key), Self.isPlainWord(value),
                      pair.key.scalarStyle == .plain, pair.value.scalarStyle == .plain else {
                    return .notFixable("the workflow's 'permissions' entries are not plain 'scope: level' pairs")
                }
                if key != "id-token" { entries.append("\(key): \(value)") }
            }
            entries.append("id-token: write")
            let step = pairs.first.map { max(1, $0.key.start.column - workflowKey.start.column) } ?? 2
            let nested = String(repeating: " ", count: step)
            let edit = try edits.prepending(["permissions:"] + entries.map { nested + $0 }, to: job.node, what: "job '\(job.id)'")
            return .fix(Fix("give job '\(job.id)' the workflow's permissions plus 'id-token: write'", edits: [edit]))
        } catch {
            return .notFixable(error.reason)
        }
    }

    private static func isPlainWord(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") }
    }

    /// True when a permissions node grants `id-token: write`.
    static func grantsIDToken(_ node: Node?) -> Bool {
        guard let node else { return false }
        if let text = node.scalar { return text == "write-all" }
        return node["id-token"]?.scalar == "write"
    }
}

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
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        guard !context.workflow.isReusable else { return [] }
        var findings: [Finding] = []
        for job in context.jobs {
            let grants = OIDCWithoutIDTokenPermissionRule.grantsIDToken(context.permissions(for: job.view))
            guard !grants else { continue }
            for step in job.steps where step.view.action?.repository == AWSActionCatalog.configureCredentials {
                guard let role = step.view.input("role-to-assume"), !(role.text ?? "").isEmpty else { continue }
                let others = ["aws-access-key-id", "web-identity-token-file", "role-chaining", "use-existing-credentials"]
                if others.contains(where: { step.view.input($0) != nil }) { continue }
                findings.append(Finding("role-to-assume uses OIDC, but job '\(job.view.id)' is not granted 'id-token: write', so no token can be requested", at: context.location(of: role.key)))
            }
        }
        return findings
    }

    /// True when a permissions node grants `id-token: write`.
    static func grantsIDToken(_ node: Node?) -> Bool {
        guard let node else { return false }
        if let text = node.scalar { return text == "write-all" }
        return node["id-token"]?.scalar == "write"
    }
}

/// Static AWS access keys instead of an OIDC role.
public struct LongLivedAWSKeysRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "long-lived-aws-keys",
        family: .secrets,
        severity: .warning,
        summary: "Static AWS access keys (`aws-access-key-id`/`aws-secret-access-key` inputs or `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` env from secrets or vars) are used instead of an OIDC role.",
        rationale: """
            Access keys never expire unless someone rotates them, work from anywhere, and leak through logs, forks \
            and compromised actions. GitHub's OIDC provider gives each run short-lived credentials scoped to the \
            repository, branch or environment, so there is nothing to steal or rotate.
            """,
        useInstead: """
            Create an IAM role trusting `token.actions.githubusercontent.com`, grant `permissions: id-token: write`, \
            and use `aws-actions/configure-aws-credentials` with `role-to-assume` only.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          ↓aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
                          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                          aws-region: us-east-1
                      - run: aws ecs list-clusters
                        env:
                          ↓AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                permissions:
                  id-token: write
                  contents: read
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          role-to-assume: arn:aws:iam::123456789012:role/deploy
                          aws-region: us-east-1
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        func isKeyID(_ name: String) -> Bool {
            let lowered = name.lowercased()
            return lowered == "aws_access_key_id" || lowered == "aws-access-key-id"
        }
        func isSecretKey(_ name: String) -> Bool {
            let lowered = name.lowercased()
            return lowered == "aws_secret_access_key" || lowered == "aws-secret-access-key"
        }
        func fromStore(_ text: String?) -> Bool {
            guard let text else { return false }
            return text.fastContains("secrets.") || text.fastContains("vars.") || text.fastContains("inputs.")
        }
        // Step inputs: configure-aws-credentials and any action taking an access key.
        for step in context.allSteps {
            guard step.view.action != nil else { continue }
            let keys = step.view.with.filter { isKeyID($0.name) || isSecretKey($0.name) }
            if let first = keys.first(where: { isKeyID($0.name) }) ?? keys.first, fromStore(first.text) {
                findings.append(Finding("static AWS access keys are passed to \(step.view.action.map { $0.repository.isEmpty ? ($0.path ?? "a local action") : $0.repository } ?? "this step"); use an OIDC role (role-to-assume with id-token: write) instead", at: context.location(of: first.key)))
            }
        }
        // env at every level.
        var envBlocks: [[KeyedNode]] = [context.workflow.env]
        for job in context.jobs {
            envBlocks.append(job.view.env)
            for step in job.steps { envBlocks.append(step.view.env) }
        }
        for block in envBlocks {
            let keys = block.filter { $0.name == "AWS_ACCESS_KEY_ID" || $0.name == "AWS_SECRET_ACCESS_KEY" }
            if let first = keys.first(where: { $0.name == "AWS_ACCESS_KEY_ID" }) ?? keys.first, fromStore(first.text) {
                findings.append(Finding("static AWS access keys are set in env; use an OIDC role (configure-aws-credentials with role-to-assume) instead", at: context.location(of: first.key)))
            }
        }
        // `aws configure set aws_access_key_id ...` in scripts.
        for (_, script, command) in context.allCommands where command.command.starts(with: ["aws", "configure", "set"]) {
            if command.command.words.count > 4, isKeyID(command.command.words[3].value), fromStore(command.command.words[4].value) || command.command.words[4].value.fastContains("$") {
                findings.append(Finding("static AWS access keys are configured for the CLI; use an OIDC role instead", at: context.location(of: command.command.words[3], in: script)))
            }
        }
        return findings
    }
}

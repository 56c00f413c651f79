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
        // Every input name of every step is asked: compared on bytes, without a lowercased copy.
        func isKeyID(_ name: String) -> Bool {
            ScalarBytes.lowercasedEquals(name, "aws_access_key_id") || ScalarBytes.lowercasedEquals(name, "aws-access-key-id")
        }
        func isSecretKey(_ name: String) -> Bool {
            ScalarBytes.lowercasedEquals(name, "aws_secret_access_key") || ScalarBytes.lowercasedEquals(name, "aws-secret-access-key")
        }
        func fromStore(_ text: String?) -> Bool {
            guard let text else { return false }
            return text.fastContains("secrets.") || text.fastContains("vars.") || text.fastContains("inputs.")
        }
        // The first entry named like a key id, else the first named like a secret key.
        // Entries are read by index: only the one returned is copied.
        func firstKey(_ entries: [KeyedNode], isKeyID: (String) -> Bool, isSecretKey: (String) -> Bool) -> KeyedNode? {
            var secretKey: Int?
            for index in entries.indices {
                if isKeyID(entries[index].name) { return entries[index] }
                if secretKey == nil, isSecretKey(entries[index].name) { secretKey = index }
            }
            return secretKey.map { entries[$0] }
        }
        // Step inputs: configure-aws-credentials and any action taking an access key.
        for step in context.allSteps {
            guard !step.view.with.isEmpty, case .some = step.view.action else { continue }
            if let first = firstKey(step.view.with, isKeyID: isKeyID, isSecretKey: isSecretKey), fromStore(first.text) {
                findings.append(Finding("static AWS access keys are passed to \(step.view.action.map { $0.repository.isEmpty ? ($0.path ?? "a local action") : $0.repository } ?? "this step"); use an OIDC role (role-to-assume with id-token: write) instead", at: context.location(of: first.key)))
            }
        }
        // env at every level.
        func checkEnv(_ block: [KeyedNode]) {
            if let first = firstKey(block, isKeyID: { $0 == "AWS_ACCESS_KEY_ID" }, isSecretKey: { $0 == "AWS_SECRET_ACCESS_KEY" }),
               fromStore(first.text) {
                findings.append(Finding("static AWS access keys are set in env; use an OIDC role (configure-aws-credentials with role-to-assume) instead", at: context.location(of: first.key)))
            }
        }
        checkEnv(context.workflow.env)
        let jobs = context.jobs
        for index in jobs.indices {
            checkEnv(jobs[index].view.env)
            for step in jobs[index].steps { checkEnv(step.view.env) }
        }
        // `aws configure set aws_access_key_id ...` in scripts.
        // Commands are read by index: destructuring each tuple retained its three references.
        let commands = context.allCommands
        for index in commands.indices {
            let words = commands[index].command.command.words
            guard words.count > 4, words[0].value.isWord("aws"), words[1].value.isWord("configure"), words[2].value.isWord("set") else { continue }
            if isKeyID(words[3].value), fromStore(words[4].value) || words[4].value.fastContains("$") {
                findings.append(Finding("static AWS access keys are configured for the CLI; use an OIDC role instead", at: context.location(of: words[3], in: commands[index].script)))
            }
        }
        return findings
    }
}

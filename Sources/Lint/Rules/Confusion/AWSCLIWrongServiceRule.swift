/// `aws ecs` used for ECR operations and the reverse, or subcommands that exist in neither.
public struct AWSCLIWrongServiceRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "aws-cli-wrong-service",
        family: .confusion,
        severity: .error,
        summary: "`aws ecs <op>` where `<op>` is an ECR operation (or the reverse), or a subcommand neither service has.",
        rationale: """
            ECR (the registry) and ECS (the container service) are separate CLI services with disjoint commands: \
            only `tag-resource`, `untag-resource`, `list-tags-for-resource` and `put-account-setting` exist in both. \
            `aws ecs get-login-password` or `aws ecr update-service` fail with "argument operation: Invalid choice", \
            usually after the image was built, so the deploy silently never happens.
            """,
        useInstead: """
            `aws ecr get-login-password | docker login --username AWS --password-stdin <registry>` for the registry; \
            `aws ecs update-service`, `aws ecs register-task-definition` and `aws ecs wait services-stable` for the service.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecs ↓get-login-password --region us-east-1 | docker login --username AWS --password-stdin $REGISTRY
                          aws ecr ↓update-service --cluster prod --service web --force-new-deployment
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: aws ecs wait ↓service-stable --cluster prod --services web
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $REGISTRY
                          aws ecs update-service --cluster prod --service web --task-definition web:42
                          aws --region us-east-1 ecs wait services-stable --cluster prod --services web
                          aws ecr tag-resource --resource-arn $ARN --tags Key=team,Value=web
                """),
        ],
        autoFix: """
            Replaces the service word when the operation exists only in the other service (`aws ecs \
            get-login-password` → `aws ecr get-login-password`, `aws ecr update-service` → `aws ecs update-service`). \
            Not fixed: subcommands neither service has, waiters, a quoted or computed service word.
            """
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for invocation in context.deployment.awsCommands {
            let service = invocation.service.value
            guard let own = AWSCommandCatalog.operations(of: service), let operation = invocation.operation else { continue }
            let op = operation.value
            guard !op.isEmpty, !ImageReference.isUnresolved(op), !op.hasPrefix("-") else { continue }
            guard let script = context.step(at: invocation.position)?.script else { continue }
            let other = service == "ecs" ? "ecr" : "ecs"
            let otherOps = AWSCommandCatalog.operations(of: other) ?? []
            if !own.contains(op) {
                if otherOps.contains(op) {
                    let message = "'\(op)' is an \(other.uppercased()) operation, not an \(service.uppercased()) one: use 'aws \(other) \(op)'"
                    findings.append(Finding(message, at: context.location(of: operation, in: script),
                                            fix: AWSCLIWrongServiceRule.fix(invocation.service, to: other, in: script, context: context)))
                } else {
                    let message = "'aws \(service) \(op)' does not exist: \(op) is not a subcommand of aws \(service)"
                    findings.append(Finding(message, at: context.location(of: operation, in: script)))
                }
            } else if op == "wait", let waiter = invocation.waiter, !ImageReference.isUnresolved(waiter.value) {
                let name = waiter.value
                if !AWSCommandCatalog.waiters(of: service).contains(name) {
                    let message = AWSCommandCatalog.waiters(of: other).contains(name)
                        ? "'\(name)' is an \(other.uppercased()) waiter: use 'aws \(other) wait \(name)'"
                        : "'aws \(service) wait \(name)' does not exist (waiters: \(AWSCommandCatalog.waiters(of: service).sorted().joined(separator: ", ")))"
                    findings.append(Finding(message, at: context.location(of: waiter, in: script)))
                }
            }
        }
        return findings
    }

    /// Replaces the service word (`ecs` ↔ `ecr`) in the script when it is written literally at a known position.
    static func fix(_ word: ShellWord, to service: String, in script: Script, context: WorkflowContext) -> FixOutcome {
        guard word.raw == word.value, script.text.isExact, word.end > word.start else {
            return .notFixable("the service name is quoted, computed or in a script whose positions are not exact")
        }
        let start = script.text.sourceOffset(ofTextOffset: word.start)
        let end = script.text.sourceOffset(ofTextOffset: word.end - 1) + 1
        let bytes = context.source.bytes
        guard start < end, end <= bytes.count, Array(bytes[start..<end]) == Array(word.raw.utf8) else {
            return .notFixable("the service name is not written literally in the file")
        }
        do {
            try SourceEdits(context: context).checkNoAliases()
        } catch {
            return .notFixable(error.reason)
        }
        return .fix(Fix("replace 'aws \(word.value)' with 'aws \(service)'", edits: [TextEdit(start: start, end: end, replacement: service)]))
    }
}

/// Task definitions registered without any service (or task) using the new revision.
public struct TaskDefinitionWithoutServiceRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "task-definition-without-service",
        family: .serviceUpdate,
        severity: .warning,
        summary: "A task definition is registered but no service or task uses the new revision.",
        rationale: """
            `amazon-ecs-deploy-task-definition` without `service` (and without `run-task: true`) only registers a \
            revision: "If no service is given, the action will not deploy the task". Likewise \
            `aws ecs register-task-definition` followed by `update-service` without `--task-definition` (or by \
            nothing) leaves the service on the old revision. The job is green and nothing changed.
            """,
        useInstead: """
            Give the deploy action `service:` and `cluster:`, or pass the new revision to \
            `aws ecs update-service --task-definition <family>:<revision>` (or the ARN the register call printed).
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Deploy
                        uses: ↓aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: task-definition.json
                          cluster: prod
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecs ↓register-task-definition --cli-input-json file://task-definition.json
                          aws ecs update-service --cluster prod --service web --force-new-deployment
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: task-definition.json
                          service: web
                          cluster: prod
                          wait-for-service-stability: true
                      - run: |
                          ARN=$(aws ecs register-task-definition --cli-input-json file://worker.json --query taskDefinition.taskDefinitionArn --output text)
                          aws ecs update-service --cluster prod --service worker --task-definition "$ARN"
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for position in context.deployment.deployActions {
            guard let step = context.step(at: position) else { continue }
            let runTask = step.view.input("run-task").map { step.resolve($0.text ?? "").lowercased() == "true" } ?? false
            if step.view.input("service") == nil && !runTask {
                findings.append(Finding("amazon-ecs-deploy-task-definition has no 'service' (and no 'run-task: true'), so it only registers a revision and no service is updated", at: context.usesLocation(of: step)))
            }
        }
        let users = context.deployment.awsCommands.filter { invocation in
            guard invocation.service.value == "ecs" else { return false }
            let op = invocation.operation?.value ?? ""
            if ["update-service", "run-task", "create-service", "start-task", "create-task-set"].contains(op) {
                return invocation.command.command.has(flag: "--task-definition")
            }
            return op == "deploy"
        }.map(\.position)
        let deploys = context.deployment.serviceDeployments.filter {
            if case .tool = $0.kind { return true }
            return $0.kind == .deployAction
        }.map(\.position)
        let uses = PositionIndex(users + deploys)
        for invocation in context.deployment.awsCommands where invocation.service.value == "ecs" && invocation.operation?.value == "register-task-definition" {
            let used = uses.anyRuns(after: invocation.position, in: context.deployment.jobOrder)
            if !used, let script = context.step(at: invocation.position)?.script, let operation = invocation.operation {
                findings.append(Finding("the revision registered here is never used: no later update-service/run-task passes --task-definition and no deploy step follows", at: context.location(of: operation, in: script)))
            }
        }
        return findings
    }
}

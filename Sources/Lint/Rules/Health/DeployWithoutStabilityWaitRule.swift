/// Deploys that do not wait for the service to become stable.
public struct DeployWithoutStabilityWaitRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "deploy-without-stability-wait",
        family: .health,
        severity: .warning,
        summary: "A deploy does not wait for the service to become stable: the deploy action without `wait-for-service-stability: true`, or `aws ecs update-service` with no later `aws ecs wait services-stable`.",
        rationale: """
            `UpdateService` returns as soon as the deployment is accepted. Without waiting, the job is green while the \
            new tasks crash-loop, fail health checks or cannot pull the image, and the circuit breaker rolls back \
            unseen; the next workflow run piles another deployment on top.
            """,
        useInstead: """
            `wait-for-service-stability: true` on `amazon-ecs-deploy-task-definition` (v2.6.2+ also fails on a \
            circuit-breaker rollback), or `aws ecs wait services-stable --cluster C --services S` after `update-service`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - ↓uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: task-definition.json
                          service: web
                          cluster: prod
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ↓aws ecs update-service --cluster prod --service web --task-definition web:42
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
                          aws ecs update-service --cluster prod --service worker --task-definition worker:7
                          aws ecs wait services-stable --cluster prod --services worker
                """),
        ],
        autoFix: """
            Adds `wait-for-service-stability: true` as the last entry of the deploy action's `with:` (or sets an \
            existing `false` to `true`). Not fixed: `aws ecs update-service` in scripts (which wait command fits is \
            a choice), an expression value, a flow-style `with: {...}`, or a file with YAML aliases.
            """
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        let facts = context.deployment
        for deployment in facts.serviceDeployments where !deployment.waits {
            switch deployment.kind {
            case .deployAction:
                findings.append(Finding("the deploy action updates the service without 'wait-for-service-stability: true', so the job succeeds before the new tasks are healthy",
                                        at: deployment.location, fix: DeployWithoutStabilityWaitRule.fix(deployment.position, context: context)))
            case .updateService, .createService:
                if DeployWithoutStabilityWaitRule.waitsLater(deployment.position, context: context) { continue }
                findings.append(Finding("'aws ecs update-service' is not followed by 'aws ecs wait services-stable', so the job succeeds before the new tasks are healthy", at: deployment.location))
            case .tool(let name):
                findings.append(Finding("'\(name)' runs with waiting disabled, so the job succeeds before the new tasks are healthy", at: deployment.location))
            case .codeDeploy:
                continue
            }
        }
        return findings
    }

    /// Sets `wait-for-service-stability: true` on the deploy action: the existing input's value, or a new last `with:` entry.
    static func fix(_ position: StepPosition, context: WorkflowContext) -> FixOutcome {
        guard let step = context.step(at: position), let with = step.view.withNode else {
            return .notFixable("the deploy step has no 'with:' mapping")
        }
        let edits = SourceEdits(context: context)
        do {
            if let input = step.view.input("wait-for-service-stability") {
                guard let text = input.text, !text.fastContains("${{") else {
                    return .notFixable("'wait-for-service-stability' is an expression; set it by hand")
                }
                let edit = try edits.replacing(input.value, with: "true", what: "'wait-for-service-stability'")
                return .fix(Fix("set 'wait-for-service-stability: true'", edits: [edit]))
            }
            let edit = try edits.appending(["wait-for-service-stability: true"], to: with, what: "the deploy step's 'with:'")
            return .fix(Fix("add 'wait-for-service-stability: true'", edits: [edit]))
        } catch {
            return .notFixable(error.reason)
        }
    }

    /// True when a `wait services-stable` (or a describe-services polling of the rollout) runs after `position`.
    static func waitsLater(_ position: StepPosition, context: WorkflowContext) -> Bool {
        let facts = context.deployment
        return facts.stabilityWaitRuns(after: position) || facts.rolloutPollRuns(after: position)
    }
}

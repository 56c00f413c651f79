/// Deploys that nothing checks afterwards.
public struct NoPostDeployCheckRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "no-post-deploy-check",
        family: .health,
        severity: .note,
        summary: "A workflow deploys a service and never checks it afterwards: no stability wait, no request to a health URL, no `describe-services` check of the rollout.",
        rationale: """
            A deploy that nobody checks is only known to have been requested. A stability wait, a smoke test of the \
            health endpoint or a look at `rolloutState` turns a silent rollback or a crash loop into a red run.
            """,
        useInstead: """
            Wait for stability, then probe the service: `curl --fail --retry 10 --retry-all-errors https://app.example.com/health`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ↓aws ecs update-service --cluster prod --service web --force-new-deployment
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
                          aws ecs update-service --cluster prod --service web --force-new-deployment
                          curl --fail --retry 10 https://app.example.com/health
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        let facts = context.deployment
        let deployments = facts.serviceDeployments.filter { $0.kind != .codeDeploy }
        guard let first = deployments.first, !deployments.contains(where: \.waits) else { return [] }
        let checked = deployments.contains { deployment in
            DeployWithoutStabilityWaitRule.waitsLater(deployment.position, context: context)
                || facts.postDeployCheckRuns(after: deployment.position)
        }
        guard !checked else { return [] }
        return [Finding("nothing checks the service after this deploy (no stability wait, no health URL request, no describe-services of the rollout)", at: first.location)]
    }
}

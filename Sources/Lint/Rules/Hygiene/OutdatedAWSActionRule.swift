/// Old major versions of the aws-actions.
public struct OutdatedAWSActionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "outdated-aws-action",
        family: .hygiene,
        severity: .warning,
        summary: "An outdated major of an aws-action is used: `configure-aws-credentials` v1–v3, `amazon-ecr-login` v1, `amazon-ecs-deploy-task-definition` v1.",
        rationale: """
            The old majors run on retired Node runtimes, miss fixes (ecr-login v1 does not mask the registry \
            password by default) and, for deploy-task-definition v1, fail on newer task-definition keys \
            (`runtimePlatform`, `enableFaultInjection`, `restartPolicy`) and report a circuit-breaker rollback as success.
            """,
        useInstead: """
            `configure-aws-credentials@v6`, `amazon-ecr-login@v2`, `amazon-ecs-render-task-definition@v1`, \
            `amazon-ecs-deploy-task-definition@v2` — pinned to the tag's commit SHA.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ↓aws-actions/configure-aws-credentials@v1
                        with:
                          aws-region: us-east-1
                      - uses: ↓aws-actions/amazon-ecr-login@v1
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/configure-aws-credentials@v6
                        with:
                          aws-region: us-east-1
                      - uses: aws-actions/amazon-ecr-login@v2
                      - uses: aws-actions/amazon-ecs-render-task-definition@v1
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        // A loop, not compactMap: destroying each step's nil Finding cost more than the test.
        var findings: [Finding] = []
        for step in context.allSteps {
            // The owner refuses nearly every step before the version is read.
            guard let action = step.view.action, action.hasOwner("aws-actions"),
                  let outdated = AWSActionCatalog.outdatedMajors[action.repository], let major = action.majorVersion,
                  outdated.contains(major),
                  let newest = AWSActionCatalog.newestMajor[action.repository] else { continue }
            findings.append(Finding("\(action.repository)@\(action.ref ?? "") is an outdated major version; use v\(newest)", at: context.usesLocation(of: step)))
        }
        return findings
    }
}

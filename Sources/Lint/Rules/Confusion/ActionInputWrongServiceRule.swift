/// Inputs an aws-actions action does not have at the used major version, and aws-actions that do not exist.
public struct ActionInputWrongServiceRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "action-input-wrong-service",
        family: .confusion,
        severity: .error,
        summary: "An aws-actions step is given an input it does not have at that major version (e.g. ECR inputs on an ECS action), or names an aws-actions action that does not exist.",
        rationale: """
            GitHub only warns about unexpected inputs and runs the step anyway, so `repository:` on \
            `amazon-ecs-deploy-task-definition` or `service:` on `amazon-ecr-login` is silently ignored: the step \
            does something else than intended. Inputs also differ per major version (`run-task` exists only from \
            deploy-task-definition v2). An invented action such as `aws-actions/amazon-ecs-update-service` fails the job.
            """,
        useInstead: """
            Give registry inputs (`registries`, `registry-type`) to `amazon-ecr-login`, service inputs (`service`, \
            `cluster`, `task-definition`, `wait-for-service-stability`) to `amazon-ecs-deploy-task-definition`, and \
            check the action's `action.yml` for the major version you use.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                        with:
                          ↓cluster: prod
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          service: web
                          ↓run-task: true
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ↓aws-actions/amazon-ecs-update-service@v1
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                        with:
                          mask-password: true
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: task-definition.json
                          service: web
                          run-task: true
                          wait-for-service-stability: true
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for step in context.allSteps {
            guard let action = step.view.action, action.hasOwner("aws-actions") else { continue }
            guard let versions = AWSActionCatalog.inputs[action.repository], action.path == nil else {
                let repo = action.repository
                if action.path == nil, repo.hasPrefix("aws-actions/amazon-ecs-") || repo.hasPrefix("aws-actions/amazon-ecr-") {
                    let known = AWSActionCatalog.inputs.keys.sorted().joined(separator: ", ")
                    findings.append(Finding("'\(repo)' is not an aws-actions action (the ECR/ECS ones are \(known))",
                                            at: context.usesLocation(of: step)))
                }
                continue
            }
            let major = action.majorVersion
            let accepted: Set<String>
            let versionText: String
            if let major, let exact = versions[major] {
                accepted = exact
                versionText = "v\(major)"
            } else {
                accepted = AWSActionCatalog.allInputs(of: action.repository)
                versionText = "any version"
            }
            let shortName = action.repositoryName
            let isECS = action.repository.fastContains("amazon-ecs-")
            for input in step.view.with where !accepted.contains(input.name) {
                var message = "\(shortName) (\(versionText)) has no input '\(input.name)'"
                if isECS && AWSActionCatalog.ecrOnlyInputs.contains(input.name) {
                    message += ": '\(input.name)' is a registry (ECR) input, and this is an ECS action"
                } else if !isECS && action.repository == AWSActionCatalog.ecrLogin && AWSActionCatalog.ecsOnlyInputs.contains(input.name) {
                    message += ": '\(input.name)' is a service (ECS) input, and amazon-ecr-login only logs in to the registry"
                } else if AWSActionCatalog.allInputs(of: action.repository).contains(input.name) {
                    message += " (it exists only in other major versions)"
                }
                findings.append(Finding(message + "; GitHub ignores it", at: context.location(of: input.key)))
            }
        }
        return findings
    }
}

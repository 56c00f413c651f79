/// ECS deploy workflows with no concurrency control.
public struct DeployWithoutConcurrencyRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "deploy-without-concurrency",
        family: .hygiene,
        severity: .warning,
        summary: "A workflow that deploys to ECS has no `concurrency` at workflow level or on the deploying job.",
        rationale: """
            Two pushes in quick succession start two deploys that race: the older build can finish last and win, \
            and two deployments of the same service at once make the stability wait fail or time out.
            """,
        useInstead: """
            `concurrency: {group: deploy-${{ github.ref }}, cancel-in-progress: false}` at workflow level or on the \
            deploy job (don't cancel a deploy halfway).
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  ↓deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecs update-service --cluster prod --service web --task-definition web:42
                          aws ecs wait services-stable --cluster prod --services web
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                concurrency:
                  group: deploy-${{ github.ref }}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecs update-service --cluster prod --service web --task-definition web:42
                          aws ecs wait services-stable --cluster prod --services web
                """),
            RuleExample("""
                name: ECS infrastructure plan
                on: pull_request
                jobs:
                  plan:
                    runs-on: ubuntu-latest
                    steps:
                      - run: terraform plan -var ecs_image_tag=${{ github.sha }}
                      - if: ${{ github.event_name == 'push' && false }}
                        run: terraform apply -auto-approve
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        // An action cannot declare concurrency; the calling workflow's job is where it belongs.
        guard !context.isCompositeAction, context.workflow.concurrency == nil else { return [] }
        var deployJobs: [Int] = []
        let facts = context.deployment
        for deployment in facts.serviceDeployments { deployJobs.append(deployment.position.job) }
        deployJobs += facts.deployActions.filter { position in
            guard let step = context.step(at: position) else { return false }
            return step.view.input("service") != nil || step.view.input("run-task")?.text?.lowercased() == "true"
        }.map(\.job)
        deployJobs += facts.awsCommands.filter { $0.service.value == "ecs" && ["register-task-definition", "run-task", "update-service", "create-service", "delete-service", "wait"].contains($0.operation?.value ?? "") }.map(\.position.job)
        // Infrastructure tools and make targets that deploy in a workflow about ECS.
        if facts.mentionsECS {
            for (step, _, command) in context.allCommands where !step.view.isDisabled && !context.jobs[step.jobIndex].view.isDisabled
                && DeployWithoutConcurrencyRule.isInfrastructureDeploy(command.resolved) {
                deployJobs.append(step.jobIndex)
            }
        }
        for job in Set(deployJobs).sorted() where context.jobs[job].view.concurrency == nil {
            return [Finding("job '\(context.jobs[job].view.id)' deploys to ECS without 'concurrency', so overlapping runs race each other", at: context.location(of: context.jobs[job].view.key))]
        }
        return []
    }

    /// `terraform apply`, `cdk deploy`, `make deploy-ecs`-style commands.
    static func isInfrastructureDeploy(_ words: [String]) -> Bool {
        guard let name = words.first else { return false }
        switch name {
        case "terraform", "terragrunt", "tofu": return words.fastContains("apply")
        case "cdk", "sam", "serverless", "sls": return words.fastContains("deploy")
        case "pulumi": return words.fastContains("up")
        case "make":
            return words.dropFirst().contains { $0.fastContains("deploy") || DeploymentFacts.containsECSWord($0) }
        default:
            return false
        }
    }
}

/// An ECS deploy workflow that pushes an image but never updates a service.
public struct ImageNeverDeployedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "image-never-deployed",
        family: .serviceUpdate,
        severity: .warning,
        summary: "A workflow meant to deploy to ECS pushes an image to ECR but no step updates an ECS service.",
        rationale: """
            The workflow's name, environment or steps say it deploys to ECS, yet nothing calls `update-service`, a \
            deploy action with `service`, or a deploy tool; the new image sits in ECR and the service keeps running \
            the old one while the run is green.
            """,
        useInstead: """
            Render the new image into the task definition and deploy it with \
            `aws-actions/amazon-ecs-deploy-task-definition` (`service`, `cluster`, `wait-for-service-stability: true`), \
            or hand off explicitly to the workflow that deploys.
            """,
        triggeringExamples: [
            RuleExample("""
                name: Build and deploy to Amazon ECS
                on: push
                env:
                  ECS_SERVICE: web
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push ↓${{ steps.login-ecr.outputs.registry }}/web:${{ github.sha }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                name: Push to ECR
                on: push
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push ${{ steps.login-ecr.outputs.registry }}/web:${{ github.sha }}
                """),
            RuleExample("""
                name: Deploy to Amazon ECS
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - run: |
                          docker push ${{ steps.login-ecr.outputs.registry }}/web:${{ github.sha }}
                          aws ecs update-service --cluster prod --service web --force-new-deployment
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        let facts = context.deployment
        // A build-and-push action is one piece of its callers' pipelines; the deploy may be another step there.
        guard !context.isCompositeAction, facts.mentionsECS, !facts.handsOffDeployment else { return [] }
        let ecrPushes = facts.pushes.filter { push in
            let kind = ImageReference(push.image).registryKind
            return kind == .ecrPrivate || kind == .ecrPublic || (kind == .unknown && !facts.ecrLogins.isEmpty)
                || (ImageReference(push.image).host == nil && !facts.ecrLogins.isEmpty && ImageReference.isUnresolved(push.image))
        }
        guard let first = ecrPushes.first else { return [] }
        let updatesService = facts.serviceDeployments.contains { $0.hasService }
            || facts.awsCommands.contains { $0.service.value == "ecs" && ["run-task", "start-task", "update-service", "create-service", "deploy"].contains($0.operation?.value ?? "") }
            || facts.deployActions.contains { position in
                context.step(at: position)?.view.input("run-task")?.text?.lowercased() == "true"
            }
            || ImageNeverDeployedRule.runsOtherDeployTool(context)
        guard !updatesService else { return [] }
        return [Finding("this workflow deploys to ECS by its name and settings and pushes '\(ImageReference.displayed(first.image))', but no step updates an ECS service, so the service keeps the old image", at: first.location)]
    }

    /// Infrastructure tools that roll out new images themselves (terraform apply, cdk deploy, pulumi up...).
    static func runsOtherDeployTool(_ context: WorkflowContext) -> Bool {
        for (_, _, command) in context.allCommands {
            let words = command.resolved
            guard let name = words.first else { continue }
            if name == "terraform" || name == "terragrunt" || name == "tofu", words.fastContains("apply") { return true }
            if name == "cdk" || name == "npx" || name == "sam" || name == "serverless" || name == "sls",
               words.fastContains("deploy") { return true }
            if name == "pulumi", words.fastContains("up") { return true }
        }
        return context.allSteps.contains { step in
            guard let action = step.view.action else { return false }
            let name = action.name
            return name.fastContains("terraform") || name.fastContains("pulumi") || name.fastContains("cdk") || name.fastContains("copilot")
        }
    }
}

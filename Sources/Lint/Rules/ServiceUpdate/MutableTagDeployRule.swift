/// Deploying a mutable tag (`latest`, a branch or environment name).
public struct MutableTagDeployRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "mutable-tag-deploy",
        family: .serviceUpdate,
        severity: .warning,
        summary: "The deployed image is a mutable tag (`latest`, a branch or an environment name), e.g. only `:latest` is pushed and the service is redeployed with `--force-new-deployment`.",
        rationale: """
            ECS resolves a tag to a digest when a deployment starts; a re-pushed `:latest` is not picked up by \
            running tasks, a rollback to "the previous revision" runs whatever `latest` is today, and two runs racing \
            on the same tag deploy each other's build. The task definition no longer tells which build runs.
            """,
        useInstead: """
            Tag every build immutably (`${{ github.sha }}`, a release version), render that tag into the task \
            definition and deploy the rendered file. Push `latest` in addition if you want it, but never deploy it.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                env:
                  IMAGE_TAG: latest
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - id: build-image
                        run: |
                          docker push ${{ steps.login-ecr.outputs.registry }}/web:$IMAGE_TAG
                          echo "image=${{ steps.login-ecr.outputs.registry }}/web:$IMAGE_TAG" >> $GITHUB_OUTPUT
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ↓${{ steps.build-image.outputs.image }}
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: |
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest
                          ↓aws ecs update-service --cluster prod --service web --force-new-deployment
                          aws ecs wait services-stable --cluster prod --services web
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - run: |
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // Images rendered into the task definition, or handed to a deploy action.
        for step in context.allSteps {
            guard let action = step.view.action else { continue }
            var inputs: [KeyedNode] = []
            if action.repository == AWSActionCatalog.renderTaskDefinition, let image = step.view.input("image") {
                inputs = [image]
            } else if case .tool? = context.deployment.deploymentKind(job: step.jobIndex, step: step.view.index) {
                inputs = step.view.with.filter { $0.name.lowercased().fastContains("image") }
            }
            for input in inputs {
                guard let raw = input.text else { continue }
                let resolved = step.resolve(raw)
                if let tag = MutableTagDeployRule.mutableTag(resolved) {
                    findings.append(Finding("the deployed image '\(ImageReference.displayed(resolved))' uses the mutable tag '\(tag)'; deploy an immutable tag such as the commit SHA", at: context.location(of: input.value)))
                }
            }
        }
        // Redeploys of whatever a mutable tag points to.
        let pushes = context.deployment.pushes
        let onlyMutable = !pushes.isEmpty && pushes.allSatisfy { push in
            let resolved = push.image
            return MutableTagDeployRule.mutableTag(resolved) != nil
        }
        guard onlyMutable else { return findings }
        // The pushed images named once, at most three (a message per deployment listing thousands grew the output
        // quadratically); task definitions parsed once per path.
        var distinctImages: [String] = []
        var seenImages: Set<String> = []
        for push in pushes where seenImages.insert(push.image).inserted { distinctImages.append(push.image) }
        let imageList = distinctImages.prefix(3).map(ImageReference.displayed).joined(separator: ", ")
            + (distinctImages.count > 3 ? " and \(distinctImages.count - 3) more" : "")
        var parsedTaskDefinitions: [String: TaskDefinitionContext?] = [:]
        for deployment in context.deployment.serviceDeployments {
            switch deployment.kind {
            case .updateService:
                guard let invocation = context.deployment.awsCommand(at: deployment.position),
                      invocation.command.command.has(flag: "--force-new-deployment") || !invocation.command.command.has(flag: "--task-definition") else { continue }
                findings.append(Finding("the service is redeployed while only mutable tags (\(imageList)) are pushed, so the task definition never names the build that runs", at: deployment.location))
            case .deployAction:
                guard let step = context.step(at: deployment.position), let input = step.view.input("task-definition"),
                      let path = input.text.map(step.resolve), !ImageReference.isUnresolved(path), !path.hasPrefix("<rendered:"),
                      let taskDefinition = parsedTaskDefinitions[path] ?? {
                          let parsed: TaskDefinitionContext?
                          if let bytes = context.repository.read(path),
                             case .success(let context?) = TaskDefinitionContext.parse(SourceText(path: path, bytes: bytes)) {
                              parsed = context
                          } else {
                              parsed = nil
                          }
                          parsedTaskDefinitions[path] = parsed
                          return parsed
                      }() else { continue }
                let images = taskDefinition.containers.compactMap { $0["image"]?.scalar }
                if let image = images.first(where: { MutableTagDeployRule.mutableTag($0) != nil }) {
                    findings.append(Finding("'\(path)' deploys '\(image)', a mutable tag, and only mutable tags are pushed", at: context.location(of: input.value)))
                }
            default:
                continue
            }
        }
        return findings
    }

    /// The mutable tag of a resolved image reference, if it has one.
    static func mutableTag(_ resolved: String) -> String? {
        let text = resolved.trimmingWhitespace()
        guard !text.isEmpty, text.fastContains("/") || text.fastContains(":") else { return nil }
        let reference = ImageReference(text)
        if reference.digest != nil { return nil }
        if let tag = reference.tag {
            if tag.fastContains("github.ref_name") || tag.fastContains("github.head_ref") { return "<branch name>" }
            return MutableTags.names.contains(tag.lowercased()) ? tag : nil
        }
        // No tag at all means :latest, but only when the reference is fully known.
        return ImageReference.isUnresolved(text) ? nil : "latest"
    }
}

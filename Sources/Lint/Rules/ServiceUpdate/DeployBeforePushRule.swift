/// A deploy that is not ordered after the push of the image it deploys.
public struct DeployBeforePushRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "deploy-before-push",
        family: .serviceUpdate,
        severity: .error,
        summary: "A deploy runs in a job that is not ordered after the pushing job (no `needs`), or before the push step in the same job.",
        rationale: """
            Jobs without `needs` run in parallel: the deploy may start before the image exists, fail to pull \
            (`CannotPullContainerError`), or deploy the previous image under the same tag. A deploy step above the \
            push step always deploys the old image.
            """,
        useInstead: "Put the deploy in a job with `needs: <build job>` (or after the push step in the same job).",
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          ↓aws ecs update-service --cluster prod --service web --task-definition web
                          aws ecs wait services-stable --cluster prod --services web
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                  deploy:
                    needs: build
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          aws ecs update-service --cluster prod --service web --task-definition web
                          aws ecs wait services-stable --cluster prod --services web
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        let pushes = context.deployment.pushes
        guard !pushes.isEmpty else { return [] }
        var findings: [Finding] = []
        for deployment in context.deployment.serviceDeployments {
            let d = deployment.position
            let relevant = relevantPushes(for: d, in: context)
            if let push = relevant.first(where: { $0.position.job == d.job && $0.position > d }) {
                findings.append(Finding("this deploy runs before the image is pushed later in the same job", at: deployment.location,
                                        related: [RelatedLocation(location: push.location, label: "image pushed here")]))
                continue
            }
            let ordered = relevant.contains { $0.position.job == d.job || context.deployment.runs(d, after: $0.position) }
            if !ordered, let push = relevant.first {
                let pushJob = context.jobs[push.position.job].view.id
                findings.append(Finding("this deploy's job is not ordered after job '\(pushJob)', which pushes the image: add 'needs: \(pushJob)'", at: deployment.location,
                                        related: [RelatedLocation(location: push.location, label: "image pushed here")]))
            }
        }
        return findings
    }

    /// The pushes a deployment depends on: those of the repositories rendered into its task definition in the
    /// same job when they are known, else every push of the workflow.
    private func relevantPushes(for position: StepPosition, in context: WorkflowContext) -> [ImagePush] {
        let rendered: [ImageReference] = context.deployment.renders.compactMap { render in
            guard render.position.job == position.job, render.position < position, let step = context.step(at: render.position),
                  let raw = render.image?.text else { return nil }
            let resolved = step.resolve(raw)
            return ImageReference.hasShellVariable(resolved) || resolved.hasPrefix("${{") ? nil : ImageReference(resolved)
        }
        guard !rendered.isEmpty else { return context.deployment.pushes }
        return context.deployment.pushes.filter { push in
            let pushed = ImageReference(push.image)
            return rendered.contains { $0.host == pushed.host && $0.repository == pushed.repository }
        }
    }
}

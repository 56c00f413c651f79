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
        // Pushes grouped and indexed once per distinct set of relevant pushes: with thousands of deployments, a scan
        // of every push per deployment was quadratic.
        var groups: [[String]: (pushes: [ImagePush], byJob: [Int: [ImagePush]], index: PositionIndex)] = [:]
        let rendersByJob = Dictionary(grouping: context.deployment.renders, by: \.position.job)
        for deployment in context.deployment.serviceDeployments {
            let d = deployment.position
            // The repositories rendered before the deployment in its job; none: every push counts.
            let rendered = renderedRepositories(before: d, renders: rendersByJob[d.job] ?? [], in: context)
            let group = groups[rendered] ?? {
                let pushes = rendered.isEmpty ? context.deployment.pushes : context.deployment.pushes.filter { push in
                    let pushed = ImageReference(push.image)
                    return rendered.contains((pushed.host ?? "") + "/" + pushed.repository)
                }
                let made = (pushes, Dictionary(grouping: pushes, by: \.position.job), PositionIndex(pushes.map(\.position)))
                groups[rendered] = made
                return made
            }()
            if let push = group.byJob[d.job]?.first(where: { $0.position > d }) {
                findings.append(Finding("this deploy runs before the image is pushed later in the same job", at: deployment.location,
                                        related: [RelatedLocation(location: push.location, label: "image pushed here")]))
                continue
            }
            let ordered = group.index.anyInSameJobOrUpstream(of: d, in: context.deployment.jobOrder)
            if !ordered, let push = group.pushes.first {
                let pushJob = context.jobs[push.position.job].view.id
                findings.append(Finding("this deploy's job is not ordered after job '\(pushJob)', which pushes the image: add 'needs: \(pushJob)'", at: deployment.location,
                                        related: [RelatedLocation(location: push.location, label: "image pushed here")]))
            }
        }
        return findings
    }

    /// The repositories (`host/repository`, sorted, unique) rendered into task definitions before `position` in its
    /// job when they are known: a deployment depends on the pushes of those; empty means every push of the workflow.
    private func renderedRepositories(before position: StepPosition, renders: [RenderStepFacts], in context: WorkflowContext) -> [String] {
        let rendered: [String] = renders.compactMap { render in
            guard render.position < position, let step = context.step(at: render.position), let raw = render.image?.text else { return nil }
            let resolved = step.resolve(raw)
            guard !ImageReference.hasShellVariable(resolved), !resolved.hasPrefix("${{") else { return nil }
            let reference = ImageReference(resolved)
            return (reference.host ?? "") + "/" + reference.repository
        }
        return Array(Set(rendered)).sorted()
    }
}

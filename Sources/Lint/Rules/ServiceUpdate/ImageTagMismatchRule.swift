/// The image rendered or deployed is not the image the workflow pushed.
public struct ImageTagMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "image-tag-mismatch",
        family: .serviceUpdate,
        severity: .error,
        summary: "The image rendered into the task definition, or named by the committed task definition a deploy uses as is, is not the one the workflow pushed, or its tag comes from an output that is never set.",
        rationale: """
            The deploy succeeds but runs another image than the one just built: an older `:latest`, a tag from a \
            previous run, a tag fixed in the committed `task-definition.json` that a deploy hands over unrendered, or \
            an empty tag (`repo:`) when the expression reads an output or event field that does not exist in this run \
            (`github.event.release.tag_name` on a `workflow_dispatch`, a misspelled step id).
            """,
        useInstead: """
            Write the pushed reference once, to `$GITHUB_OUTPUT` in the build step (`image=$REGISTRY/$REPO:$TAG`), and \
            render `image: ${{ steps.build-image.outputs.image }}`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                env:
                  IMAGE: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push $IMAGE:${{ github.sha }}
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ↓${{ env.IMAGE }}:latest
                """),
            RuleExample("""
                on: workflow_dispatch
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ↓123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.event.release.tag_name }}
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: ↓task-definition.json
                          service: web
                          cluster: prod
                          wait-for-service-stability: true
                """, otherFiles: ["task-definition.json": """
                {"family": "web", "containerDefinitions": [
                  {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2", "essential": true}
                ]}
                """]),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: |
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                          aws ecs register-task-definition --cli-input-json ↓file://deploy/web.json
                          aws ecs update-service --cluster prod --service web --task-definition web
                          aws ecs wait services-stable --cluster prod --services web
                """, otherFiles: ["deploy/web.json": """
                {"family": "web", "containerDefinitions": [
                  {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest", "essential": true}
                ]}
                """]),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login
                        uses: aws-actions/amazon-ecr-login@v2
                      - id: build
                        uses: docker/build-push-action@v6
                        with:
                          push: true
                          tags: ${{ steps.login.outputs.registry }}/web:${{ github.sha }}
                      - id: render
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ${{ steps.login.outputs.registry }}/web@${{ steps.build.outputs.digest }}
                """, documented: false),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: login-ecr
                        uses: aws-actions/amazon-ecr-login@v2
                      - id: build-image
                        env:
                          REGISTRY: ${{ steps.login-ecr.outputs.registry }}
                        run: |
                          docker build -t $REGISTRY/web:${{ github.sha }} .
                          docker push $REGISTRY/web:${{ github.sha }}
                          echo "image=$REGISTRY/web:${{ github.sha }}" >> $GITHUB_OUTPUT
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: ${{ steps.build-image.outputs.image }}
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: aws-actions/amazon-ecr-login@v2
                      - run: |
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}
                          sed -i "s|<IMAGE>|123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}|" task-definition.json
                      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                        with:
                          task-definition: task-definition.json
                          service: web
                          cluster: prod
                          wait-for-service-stability: true
                """, otherFiles: ["task-definition.json": """
                {"family": "web", "containerDefinitions": [
                  {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2", "essential": true}
                ]}
                """]),
        ]
    )

    /// Outputs of actions whose output set is fixed.
    static let knownOutputs: [String: Set<String>] = [
        AWSActionCatalog.renderTaskDefinition: ["task-definition"],
        AWSActionCatalog.deployTaskDefinition: ["task-definition-arn", "codedeploy-deployment-id", "run-task-arn"],
        "docker/build-push-action": ["imageid", "digest", "metadata"],
    ]

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        let pushed = context.deployment.pushes.map { ImageReference($0.image) }
        for render in context.deployment.renders {
            guard let step = context.step(at: render.position), let input = render.image, let raw = input.text else { continue }
            if let problem = unsetSource(in: raw, step: step, context: context) {
                findings.append(Finding(problem, at: context.location(of: input.value)))
                continue
            }
            let resolved = step.resolve(raw)
            guard !ImageReference.hasShellVariable(resolved), !resolved.hasPrefix("${{") else { continue }
            let rendered = ImageReference(resolved)
            // A digest names the pushed content itself (`repo@${{ steps.build.outputs.digest }}`): no tag to compare.
            guard rendered.digest == nil else { continue }
            let sameRepository = Self.pushes(of: rendered, among: pushed)
            guard !sameRepository.isEmpty, !sameRepository.contains(where: { $0.text == rendered.text }) else { continue }
            let tags = sameRepository.map { $0.tag ?? "latest" }
            if !tags.contains(rendered.tag ?? "latest") {
                let pushedList = sameRepository.map { ImageReference.displayed($0.text) }.joined(separator: ", ")
                findings.append(Finding("the rendered image '\(ImageReference.displayed(resolved))' is not the image this workflow pushes (\(pushedList))", at: context.location(of: input.value),
                                        related: Self.pushLocations(of: sameRepository, in: context)))
            }
        }
        findings += committedTaskDefinitionFindings(pushed: pushed, context: context)
        return findings
    }

    /// The pushed images of `image`'s repository (same host, same last path component); pushes whose reference
    /// holds a shell variable are unknown here and left out.
    private static func pushes(of image: ImageReference, among pushed: [ImageReference]) -> [ImageReference] {
        pushed.filter {
            !ImageReference.hasShellVariable($0.text) && $0.host == image.host
                && ImageReference.lastComponent($0.repository) == ImageReference.lastComponent(image.repository)
        }
    }

    /// "image pushed here" for each push of one of `images`.
    private static func pushLocations(of images: [ImageReference], in context: WorkflowContext) -> [RelatedLocation] {
        context.deployment.pushes.filter { push in images.contains { $0.text == push.image } }
            .map { RelatedLocation(location: $0.location, label: "image pushed here") }
    }

    /// Committed task-definition files deployed as they are (a deploy action's `task-definition:` with no render step,
    /// or `aws ecs register-task-definition --cli-input-json file://...`) whose container image names a pushed
    /// repository with another tag: the service keeps running the file's image.
    private func committedTaskDefinitionFindings(pushed: [ImageReference], context: WorkflowContext) -> [Finding] {
        guard !pushed.isEmpty else { return [] }
        var findings: [Finding] = []
        for deployment in context.deployment.serviceDeployments {
            guard case .deployAction = deployment.kind, let step = context.step(at: deployment.position),
                  let input = step.view.input("task-definition"), let path = input.text.map(step.resolve)?.trimmingWhitespace(),
                  !path.hasPrefix("<rendered:"), !Self.isEdited(path, in: context, besides: nil) else { continue }
            findings += mismatches(in: path, pushed: pushed, at: context.location(of: input.value), context: context)
        }
        for invocation in context.deployment.awsCommands
        where invocation.service.value == "ecs" && invocation.operation?.value == "register-task-definition" {
            guard let script = context.step(at: invocation.position)?.script else { continue }
            let command = invocation.command
            for (index, value) in command.resolved.enumerated() where value.hasPrefix("file://") && index < command.command.words.count {
                let path = String(value.dropFirst(7))
                guard !path.hasPrefix("/"), !Self.isEdited(path, in: context, besides: command) else { continue }
                findings += mismatches(in: path, pushed: pushed, at: context.location(of: command.command.words[index], in: script),
                                       context: context)
            }
        }
        return findings
    }

    /// A finding for each container of the task-definition file at `path` whose image names a pushed repository
    /// with none of the pushed tags.
    private func mismatches(in path: String, pushed: [ImageReference], at location: SourceLocation, context: WorkflowContext) -> [Finding] {
        guard !ImageReference.isUnresolved(path), let bytes = context.repository.read(path),
              case .success(let taskDefinition?) = TaskDefinitionContext.parse(SourceText(path: path, bytes: bytes)) else { return [] }
        var findings: [Finding] = []
        for container in taskDefinition.containers {
            guard let imageNode = container["image"], let image = imageNode.scalar,
                  !ImageReference.hasShellVariable(image), !ImageReference.isUnresolved(image), !image.fastContains("<") else { continue }
            let deployed = ImageReference(image)
            let sameRepository = Self.pushes(of: deployed, among: pushed)
            guard !sameRepository.isEmpty, deployed.digest == nil,
                  !sameRepository.contains(where: { ($0.tag ?? "latest") == (deployed.tag ?? "latest") }) else { continue }
            let pushedList = sameRepository.map { ImageReference.displayed($0.text) }.joined(separator: ", ")
            let related = [RelatedLocation(location: taskDefinition.location(of: imageNode), label: "image named here")]
                + Self.pushLocations(of: sameRepository, in: context)
            findings.append(Finding("'\(path)' is deployed as committed and runs '\(image)', not the image this workflow pushes (\(pushedList)); put the pushed image into it before the deploy (amazon-ecs-render-task-definition, or jq)",
                                    at: location, related: related))
        }
        return findings
    }

    /// True when a step other than the deploy names the file: a command (`sed`, `jq`, `envsubst`) other than
    /// `besides`, or an action's input, may rewrite its image before the deploy reads it.
    private static func isEdited(_ path: String, in context: WorkflowContext, besides: ResolvedCommand?) -> Bool {
        let name = ImageReference.lastComponent(path)
        for (_, _, command) in context.allCommands where command !== besides {
            if command.resolved.contains(where: { $0.fastContains(name) })
                || command.command.redirects.contains(where: { $0.target?.value.fastContains(name) == true }) { return true }
        }
        return context.allSteps.contains { step in
            guard step.view.action?.repository != AWSActionCatalog.deployTaskDefinition else { return false }
            return step.view.with.contains { $0.text?.fastContains(name) == true }
        }
    }

    /// Why an expression in `raw` yields nothing in this workflow, if it does.
    private func unsetSource(in raw: String, step: StepFacts, context: WorkflowContext) -> String? {
        let events = Set(context.workflow.events.map(\.name))
        let job = context.jobs[step.jobIndex]
        for (_, inner) in Expressions.occurrences(in: raw) {
            let parts = inner.split(separator: ".").map(String.init)
            if parts.count >= 3, parts[0] == "github", parts[1] == "event", parts[2] == "release", !events.fastContains("release"), !events.isEmpty, !context.workflow.isReusable {
                return "the tag comes from '\(inner)', which is empty: this workflow is not triggered by 'release' (\(events.sorted().joined(separator: ", ")))"
            }
            if parts.count == 4, parts[0] == "steps", parts[2] == "outputs" {
                let earlier = job.steps.filter { $0.view.index < step.view.index }
                guard let producer = earlier.first(where: { $0.view.id == parts[1] }) else {
                    return "'\(inner)' reads a step '\(parts[1])' that does not exist before this step in the job, so the image tag is empty"
                }
                if let action = producer.view.action, let outputs = ImageTagMismatchRule.knownOutputs[action.repository], !outputs.contains(parts[3]) {
                    return "'\(inner)': \(action.repository) has no output '\(parts[3])', so the image is empty"
                }
                if let script = producer.script, !script.text.text.fastContains("GITHUB_OUTPUT"), !script.text.text.fastContains("set-output") {
                    return "'\(inner)': step '\(parts[1])' never writes an output (no $GITHUB_OUTPUT), so the image is empty"
                }
            }
            if parts.count == 4, parts[0] == "needs", parts[2] == "outputs" {
                guard job.view.needs.contains(where: { $0.name == parts[1] }) else {
                    return "'\(inner)' reads job '\(parts[1])', which this job does not list in 'needs', so the value is empty"
                }
                if let producer = context.workflow.job(parts[1]), producer.uses == nil, !producer.outputs.contains(where: { $0.name == parts[3] }) {
                    return "'\(inner)': job '\(parts[1])' has no output '\(parts[3])', so the value is empty"
                }
            }
        }
        return nil
    }
}

extension ImageReference {
    /// True when `text` holds a shell variable (`$X`, `${X}`) outside `${{ }}` expressions, i.e. a value unknown here.
    static func hasShellVariable(_ text: String) -> Bool {
        var rest = text
        for (range, _) in Expressions.occurrences(in: text).reversed() {
            let bytes = Array(rest.utf8)
            rest = String(decoding: bytes[..<range.lowerBound] + bytes[range.upperBound...], as: UTF8.self)
        }
        return rest.fastContains("$")
    }

    /// The last path component of a repository (`org/web` → `web`).
    static func lastComponent(_ repository: String) -> String {
        String(repository.split(separator: "/").last ?? Substring(repository))
    }
}

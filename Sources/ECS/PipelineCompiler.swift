public import Workflow

/// A task definition to write under `generated/`.
public struct RenderedTaskDefinition: Sendable, Hashable {
    /// Path relative to the package root, e.g. `generated/app/staging/backend.json`.
    public let path: String
    /// The task definition.
    public let definition: TaskDefinition
}

/// What a pipeline compiles to.
public struct CompiledPipeline: Sendable {
    /// The deploy workflow.
    public let workflow: Workflow
    /// The task definitions to write.
    public let taskDefinitions: [RenderedTaskDefinition]
    /// What each IAM role the jobs and task definitions name must be allowed; `IAMDocuments.render` turns the
    /// needs of every pipeline into policies (two pipelines may share a role).
    public let iam: [IAMNeed]
    /// Pipeline-level errors and warnings (the workflow's own are found by `WorkflowValidator`).
    public let diagnostics: [Diagnostic]
}

/// Compiles a pipeline into one workflow and a task definition per service and environment.
///
/// Jobs: `build-<service>` (parallel) pushes `<repo>:<commit sha>`; `deploy-<env>-<service>` renders
/// that image into the committed task definition, deploys with `service`, `cluster` and
/// `wait-for-service-stability`, then checks the public health URL. Each environment waits for
/// every deploy of the previous one.
public enum PipelineCompiler {
    /// Compiles `pipeline`; check `diagnostics` and validate the workflow before writing.
    public static func compile(_ pipeline: Pipeline) -> CompiledPipeline {
        var found = validate(pipeline)
        var files: [RenderedTaskDefinition] = []
        var deployed: [DeployedTaskDefinition] = []
        var buildJobs: [String: Job] = [:]
        var jobs: [Job] = []
        let tag = pipeline.imageTag.tag

        for service in pipeline.services {
            let repository = pipeline.registry.repository(service.repository, file: service.location.file,
                                                          line: service.location.line)
            let job = Job(
                "build-\(service.name)", name: "Build \(service.name) image", if: pipeline.enabledWhen,
                runsOn: pipeline.runsOn, permissions: permissions(for: pipeline.registry.credentials),
                timeoutMinutes: 30,
                steps: [
                    Step.uses(Checkout(), file: service.location.file, line: service.location.line),
                    credentialsStep(pipeline.registry.credentials, region: pipeline.registry.region, at: service.location),
                    Step.uses(AmazonECRLogin(), file: service.location.file, line: service.location.line),
                    Step.uses(SetupBuildx(), file: service.location.file, line: service.location.line),
                    Step.uses(BuildPush(context: InterpolatedString(service.build.context),
                                        file: InterpolatedString(service.build.dockerfile), push: true,
                                        tags: [InterpolatedString(repository.uri + ":") + tag]),
                              name: "Build and push \(service.name)", file: service.location.file,
                              line: service.location.line),
                ], file: service.location.file, line: service.location.line)
            buildJobs[service.name] = job
            jobs.append(job)
        }

        var previous: [Job] = []
        for environment in pipeline.environments {
            var current: [Job] = []
            for service in pipeline.services {
                let repository = pipeline.registry.repository(service.repository, file: service.location.file,
                                                              line: service.location.line)
                let definition = service.taskDefinition(environment, repository)
                let path = "generated/\(pipeline.name)/\(environment.name)/\(service.name).json"
                files.append(RenderedTaskDefinition(path: path, definition: definition))
                deployed.append(DeployedTaskDefinition(environment: environment, service: service, definition: definition))
                found += definition.diagnostics
                if !definition.containers.contains(where: { $0.name == service.containerName }) {
                    found.append(.error("service '\(service.name)' deploys container '\(service.containerName)', which task definition '\(definition.family)' does not define",
                                        at: service.location))
                }
                guard let build = buildJobs[service.name] else { continue }
                let job = deployJob(service, to: environment, in: pipeline, definitionPath: path,
                                    image: InterpolatedString(repository.uri + ":") + tag, needs: [build] + previous)
                current.append(job)
            }
            jobs += current
            previous = current
        }

        let workflow = Workflow("deploy-\(pipeline.name).yml", name: pipeline.title, on: pipeline.on,
                                permissions: Permissions.none, jobs: jobs, file: pipeline.location.file,
                                line: pipeline.location.line)
        let iam = iamNeeds(for: pipeline, deployed: deployed)
        return CompiledPipeline(workflow: workflow, taskDefinitions: files, iam: iam.needs,
                                diagnostics: found + iam.diagnostics)
    }

    static func deployJob(_ service: Service, to environment: DeploymentEnvironment, in pipeline: Pipeline,
                          definitionPath: String, image: InterpolatedString, needs: [Job]) -> Job {
        let file = service.location.file, line = service.location.line
        let render = Step.uses(
            RenderTaskDefinition(.file(InterpolatedString(definitionPath)),
                                 containerName: InterpolatedString(service.containerName), image: image),
            name: "Render \(service.name) task definition", id: "task-definition", file: file, line: line)
        var steps: [any StepConvertible] = [
            Step.uses(Checkout(), file: file, line: line),
            credentialsStep(environment.credentials, region: environment.region, at: service.location),
            render,
            Step.uses(DeployTaskDefinition(taskDefinition: InterpolatedString(render.output(.taskDefinition)),
                                           service: InterpolatedString(service.name),
                                           cluster: InterpolatedString(environment.cluster),
                                           waitForServiceStability: true),
                      name: "Deploy \(service.name) to \(environment.cluster)", file: file, line: line),
        ]
        if let url = healthURL(service, environment) {
            steps.append(Step.run("Check \(service.name) health", healthScript,
                                  env: [("HEALTH_URL", .string(InterpolatedString(url)))], file: file, line: line))
        }
        return Job(
            "deploy-\(environment.name)-\(service.name)", name: "Deploy \(service.name) to \(environment.name)",
            needs: needs, runsOn: pipeline.runsOn,
            environment: DeploymentTarget(InterpolatedString(environment.name),
                                          url: environment.publicURL.map { InterpolatedString($0) }),
            permissions: permissions(for: environment.credentials),
            // One group per environment and service: GitHub keeps one pending job per group and cancels
            // older pending ones, so a group shared by several services of one run would cancel deploys.
            concurrency: Concurrency(group: "deploy-\(pipeline.name)-\(environment.name)-\(service.name)",
                                     cancelInProgress: false),
            timeoutMinutes: 45, steps: steps, file: environment.location.file, line: environment.location.line)
    }

    static func healthURL(_ service: Service, _ environment: DeploymentEnvironment) -> String? {
        guard let path = service.publicHealthPath, var base = environment.publicURL else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// Polls the health URL: the service answered 2xx within ten tries 15 s apart, or the job fails.
    static let healthScript = """
        for attempt in 1 2 3 4 5 6 7 8 9 10; do
          if curl --fail --silent --show-error --max-time 10 --output /dev/null "$HEALTH_URL"; then
            echo "Healthy: $HEALTH_URL (attempt $attempt)"
            exit 0
          fi
          echo "Not healthy yet (attempt $attempt); retrying in 15 s"
          sleep 15
        done
        echo "::error::$HEALTH_URL did not answer with success after 10 attempts"
        exit 1

        """

    static func permissions(for credentials: AWSCredentials) -> Permissions {
        switch credentials {
        case .oidc: .scopes([.contents: .read, .idToken: .write])
        case .staticKeys: .contentsRead
        }
    }

    static func credentialsStep(_ credentials: AWSCredentials, region: AWSRegion, at location: SourceLocation) -> Step {
        let binding: ConfigureAWSCredentials
        switch credentials {
        case .oidc(let role):
            binding = ConfigureAWSCredentials(region: InterpolatedString(region.value),
                                              credentials: .oidc(role: InterpolatedString(role.arn)))
        case .staticKeys(let id, let secret):
            binding = ConfigureAWSCredentials(region: InterpolatedString(region.value),
                                              credentials: .staticKeys(accessKeyID: id, secretAccessKey: secret))
        }
        return Step.uses(binding, file: location.file, line: location.line).step
    }

    static func validate(_ pipeline: Pipeline) -> [Diagnostic] {
        var found: [Diagnostic] = pipeline.registry.account.diagnostics + pipeline.registry.region.diagnostics
        let at = pipeline.location
        if pipeline.services.isEmpty { found.append(.error("pipeline '\(pipeline.name)' has no service", at: at)) }
        if pipeline.environments.isEmpty { found.append(.error("pipeline '\(pipeline.name)' has no environment", at: at)) }
        if Identifier(pipeline.name) == nil {
            found.append(.error("pipeline name '\(pipeline.name)' must be lowercase letters, digits and -", at: at))
        }
        var names: Set<String> = []
        for service in pipeline.services {
            if Identifier(service.name) == nil {
                found.append(.error("service name '\(service.name)' must be lowercase letters, digits and -", at: service.location))
            }
            if !names.insert(service.name).inserted {
                found.append(.error("duplicate service '\(service.name)'", at: service.location))
            }
            if let path = service.publicHealthPath, !path.hasPrefix("/") {
                found.append(.error("public health path '\(path)' must start with /", at: service.location))
            }
        }
        var environmentNames: Set<String> = []
        for environment in pipeline.environments {
            found += environment.account.diagnostics + environment.region.diagnostics
            if case .oidc(let role) = environment.credentials { found += role.diagnostics }
            if Identifier(environment.name) == nil {
                found.append(.error("environment name '\(environment.name)' must be lowercase letters, digits and -",
                                    at: environment.location))
            }
            if !environmentNames.insert(environment.name).inserted {
                found.append(.error("duplicate environment '\(environment.name)'", at: environment.location))
            }
            if let url = environment.publicURL, !url.hasPrefix("https://") {
                found.append(.error("public URL '\(url)' must start with https://", at: environment.location))
            }
        }
        return found
    }

    /// Lowercase slugs only: they become job ids, file names and concurrency groups.
    struct Identifier {
        init?(_ text: String) {
            guard let first = text.unicodeScalars.first, ("a"..."z").contains(first),
                  text.unicodeScalars.allSatisfy({ $0.isLowerAlphanumeric || $0 == "-" }) else { return nil }
        }
    }
}

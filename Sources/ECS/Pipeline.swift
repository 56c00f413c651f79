public import Workflow

/// How a job obtains AWS credentials.
public enum AWSCredentials: Sendable, Hashable {
    /// GitHub OIDC assuming `role` (recommended; the job gets `id-token: write`).
    case oidc(role: IAMRole)
    /// Long-lived access keys, only as GitHub secrets; accepted with a warning.
    case staticKeys(accessKeyID: Secret, secretAccessKey: Secret)
}

/// How images are tagged; every policy gives each commit its own tag, so a tag is never re-pushed.
public enum ImageTagPolicy: Sendable, Hashable {
    /// The full commit SHA (`github.sha`), the default.
    case commitSHA
    /// A prefix and the full commit SHA, e.g. `main-<sha>`.
    case prefixedCommitSHA(String)

    /// The tag as it appears in the workflow.
    public var tag: InterpolatedString {
        switch self {
        case .commitSHA: "\(Expression.github(.sha))"
        case .prefixedCommitSHA(let prefix): "\(prefix)-\(Expression.github(.sha))"
        }
    }
}

/// Where images are pushed: one ECR registry (account and region) and the credentials to push.
public struct ImageRegistry: Sendable, Hashable {
    /// The account.
    public let account: AWSAccountID
    /// The region.
    public let region: AWSRegion
    /// How jobs get AWS credentials.
    public let credentials: AWSCredentials

    /// Declares the registry.
    public init(account: AWSAccountID, region: AWSRegion, credentials: AWSCredentials) {
        self.account = account
        self.region = region
        self.credentials = credentials
    }

    /// Repository `name` in this registry.
    public func repository(_ name: String, file: String = #filePath, line: Int = #line) -> ECRRepository {
        ECRRepository(account: account, region: region, name: name, file: file, line: line)
    }
}

/// A deployment environment (staging, production): its account, region, cluster and public URL.
public struct DeploymentEnvironment: Sendable, Hashable {
    /// The name.
    public let name: String
    /// The account.
    public let account: AWSAccountID
    /// The region.
    public let region: AWSRegion
    /// The ECS cluster the services run in.
    public let cluster: String
    /// How jobs get AWS credentials.
    public let credentials: AWSCredentials
    /// The public base URL (the load balancer's), used for the environment link and health checks.
    public let publicURL: String?
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares an environment; GitHub environment protection rules apply under the same `name`.
    public init(_ name: String, account: AWSAccountID, region: AWSRegion, cluster: String,
                credentials: AWSCredentials, publicURL: String? = nil, file: String = #filePath, line: Int = #line) {
        self.name = name
        self.account = account
        self.region = region
        self.cluster = cluster
        self.credentials = credentials
        self.publicURL = publicURL
        self.location = SourceLocation(file: file, line: line)
    }
}

/// How an image is built: a Docker build context and Dockerfile, relative to the repository root.
public struct ImageBuild: Sendable, Hashable {
    /// The Docker build context.
    public let context: String
    /// The Dockerfile path.
    public let dockerfile: String

    /// Declares a build.
    public init(context: String, dockerfile: String) {
        self.context = context
        self.dockerfile = dockerfile
    }
}

/// An ECS service: its image, its task definition in each environment, and how to see it is healthy.
/// Not `Sendable`: the task-definition closure is plain, so a repository's local helper functions can be used inside
/// it without `@Sendable`; definitions are compiled on one thread.
public struct Service {
    /// The ECS service name (the same in every environment's cluster); also names jobs and files.
    public let name: String
    /// The ECR repository name, in the pipeline's registry.
    public let repository: String
    /// How the image is built.
    public let build: ImageBuild
    /// The container that runs the built image.
    public let containerName: String
    /// A path that answers 2xx through the public URL once the new version is live, e.g. `/api/health`.
    public let publicHealthPath: String?
    /// The task definition for one environment, given the repository the image lives in.
    public let taskDefinition: (DeploymentEnvironment, ECRRepository) -> TaskDefinition
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares a service.
    public init(_ name: String, repository: String, build: ImageBuild, containerName: String,
                publicHealthPath: String? = nil,
                taskDefinition: @escaping (DeploymentEnvironment, ECRRepository) -> TaskDefinition,
                file: String = #filePath, line: Int = #line) {
        self.name = name
        self.repository = repository
        self.build = build
        self.containerName = containerName
        self.publicHealthPath = publicHealthPath
        self.taskDefinition = taskDefinition
        self.location = SourceLocation(file: file, line: line)
    }
}

/// A build → ECR → ECS pipeline: services built once, deployed through environments in order.
public struct Pipeline {
    /// A slug naming the workflow (`deploy-<name>.yml`) and `generated/<name>/`.
    public let name: String
    /// The workflow name shown in GitHub.
    public let title: String
    /// The triggers of the generated workflow.
    public let on: [Trigger]
    /// When set, every build job runs only if this holds (an opt-in switch such as a repository variable).
    public let enabledWhen: Expression?
    /// Where images are pushed.
    public let registry: ImageRegistry
    /// How the pushed images are tagged (the commit SHA by default).
    public let imageTag: ImageTagPolicy
    /// The services, built in parallel.
    public let services: [Service]
    /// Environments in deployment order: each deploys only after the previous one is healthy.
    public let environments: [DeploymentEnvironment]
    /// The runner for every job.
    public let runsOn: LiteralOrExpression<String>
    /// The repository the workflow runs in, which the OIDC trust policies name; nil generates none.
    public let github: GitHubRepository?
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Declares a pipeline.
    public init(_ name: String, title: String, on: [Trigger], enabledWhen: Expression? = nil,
                registry: ImageRegistry, imageTag: ImageTagPolicy = .commitSHA, services: [Service],
                environments: [DeploymentEnvironment], runsOn: LiteralOrExpression<String> = .ubuntu2404,
                github: GitHubRepository? = nil, file: String = #filePath, line: Int = #line) {
        self.name = name
        self.title = title
        self.on = on
        self.enabledWhen = enabledWhen
        self.registry = registry
        self.imageTag = imageTag
        self.services = services
        self.environments = environments
        self.runsOn = runsOn
        self.github = github
        self.location = SourceLocation(file: file, line: line)
    }
}

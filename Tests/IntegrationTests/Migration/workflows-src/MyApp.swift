import ECS
import Workflow

/// GitHub's "Deploy to Amazon ECS" starter workflow, as a typed pipeline: on every push to main, build the
/// image, push it to ECR tagged with the commit, render it into the task definition, deploy the service.
func myApp() -> Pipeline {
    let account = AWSAccountID("123456789012")
    let region = AWSRegion("us-east-2")

    let production = DeploymentEnvironment(
        "production", account: account, region: region, cluster: "my-cluster",
        credentials: .oidc(role: IAMRole(account: account, name: "github-deploy-my-app")),
        publicURL: "https://my-app.example.com")

    let app = Service(
        "my-service", repository: "my-ecr-repo",
        build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
        containerName: "my-container", publicHealthPath: "/health"
    ) { environment, repository in
        TaskDefinition(
            family: "my-app-\(environment.name)",
            size: FargateSize(cpu: .quarterVCPU, memoryMiB: 512),
            executionRole: IAMRole(account: environment.account, name: "ecsTaskExecutionRole"),
            containers: [
                ContainerDefinition(
                    "my-container", repository: repository,
                    portMappings: [PortMapping(8080, name: "http", appProtocol: .http)],
                    secrets: [ContainerSecret("DATABASE_URL", from: .ssmParameter(
                        account: environment.account, region: environment.region, name: "/my-app/database-url"))],
                    healthCheck: .http(port: 8080, path: "/health"),
                    logging: AWSLogs(group: "/ecs/my-app", region: environment.region, streamPrefix: "my-container")),
            ])
    }

    return Pipeline(
        "my-app", title: "Deploy to Amazon ECS", on: [.push(branches: ["main"])],
        registry: ImageRegistry(account: account, region: region,
                                credentials: .oidc(role: IAMRole(account: account, name: "github-push-my-app"))),
        services: [app], environments: [production],
        github: GitHubRepository("my-org/my-app"))
}

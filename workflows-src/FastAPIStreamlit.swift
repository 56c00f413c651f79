import WFGenKit

/// The demo application in examples/fastapi-streamlit: a FastAPI backend and a Streamlit frontend,
/// two services on one Fargate cluster behind an ALB (`/api/*` → backend, `/` → frontend),
/// deployed to staging, then to production.
///
/// It runs only when started by hand or when the example app changes, and only in a repository
/// that sets the variable DEPLOY_FASTAPI_STREAMLIT to `true`, so this repository never deploys it.
func fastAPIStreamlit() -> Pipeline {
    let registryAccount = AWSAccountID("111122223333")
    let region = AWSRegion("eu-west-1")
    let registry = ImageRegistry(
        account: registryAccount, region: region,
        credentials: .oidc(role: IAMRole(account: registryAccount, name: "github-ecr-push")))

    let staging = AWSAccountID("444455556666")
    let production = AWSAccountID("777788889999")
    let environments = [
        DeploymentEnvironment("staging", account: staging, region: region, cluster: "fastapi-streamlit-staging",
                              credentials: .oidc(role: IAMRole(account: staging, name: "github-ecs-deploy")),
                              publicURL: "https://staging.fastapi-streamlit.example.com"),
        DeploymentEnvironment("production", account: production, region: region, cluster: "fastapi-streamlit",
                              credentials: .oidc(role: IAMRole(account: production, name: "github-ecs-deploy")),
                              publicURL: "https://fastapi-streamlit.example.com"),
    ]

    let backend = Service(
        "backend", repository: "fastapi-streamlit/backend",
        build: ImageBuild(context: "examples/fastapi-streamlit/backend",
                          dockerfile: "examples/fastapi-streamlit/backend/Dockerfile"),
        containerName: "backend", publicHealthPath: "/api/health"
    ) { environment, repository in
        TaskDefinition(
            family: "fastapi-streamlit-backend-\(environment.name)",
            size: FargateSize(cpu: .halfVCPU, memoryMiB: 1024),
            executionRole: IAMRole(account: environment.account, name: "fastapi-streamlit-execution"),
            taskRole: IAMRole(account: environment.account, name: "fastapi-streamlit-backend"),
            containers: [
                ContainerDefinition(
                    "backend", repository: repository,
                    portMappings: [PortMapping(8000, name: "http", appProtocol: .http)],
                    environment: ["APP_ENV": environment.name, "LOG_LEVEL": "info"],
                    secrets: [
                        ContainerSecret("DATABASE_URL", from: .ssmParameter(
                            account: environment.account, region: environment.region,
                            name: "/fastapi-streamlit/\(environment.name)/database-url")),
                    ],
                    healthCheck: .http(port: 8000, path: "/health", interval: 15, timeout: 5, retries: 3, startPeriod: 20),
                    logging: AWSLogs(group: "/ecs/fastapi-streamlit/\(environment.name)", region: environment.region,
                                     streamPrefix: "backend")),
            ])
    }

    let frontend = Service(
        "frontend", repository: "fastapi-streamlit/frontend",
        build: ImageBuild(context: "examples/fastapi-streamlit/frontend",
                          dockerfile: "examples/fastapi-streamlit/frontend/Dockerfile"),
        containerName: "frontend", publicHealthPath: "/_stcore/health"
    ) { environment, repository in
        TaskDefinition(
            family: "fastapi-streamlit-frontend-\(environment.name)",
            size: FargateSize(cpu: .quarterVCPU, memoryMiB: 512),
            executionRole: IAMRole(account: environment.account, name: "fastapi-streamlit-execution"),
            containers: [
                ContainerDefinition(
                    "frontend", repository: repository,
                    portMappings: [PortMapping(8501, name: "http", appProtocol: .http)],
                    environment: ["BACKEND_URL": (environment.publicURL ?? "") + "/api"],
                    healthCheck: .http(port: 8501, path: "/_stcore/health", interval: 15, timeout: 5, retries: 3,
                                       startPeriod: 30),
                    logging: AWSLogs(group: "/ecs/fastapi-streamlit/\(environment.name)", region: environment.region,
                                     streamPrefix: "frontend")),
            ])
    }

    return Pipeline(
        "fastapi-streamlit", title: "Deploy fastapi-streamlit",
        on: [.workflowDispatch(), .push(branches: ["main"], paths: ["examples/fastapi-streamlit/**"])],
        enabledWhen: Expression.vars("DEPLOY_FASTAPI_STREAMLIT").isEqual(to: "true"),
        registry: registry, services: [backend, frontend], environments: environments,
        github: GitHubRepository("Example-Org/wfgen"))
}

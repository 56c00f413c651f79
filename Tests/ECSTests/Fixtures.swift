import ECS
import Foundation
import Testing
import Workflow

/// A small pipeline: one service, two environments, OIDC everywhere.
enum Fixtures {
    static let account = AWSAccountID("123456789012")
    static let region = AWSRegion("us-east-1")

    static func taskDefinition(_ environment: DeploymentEnvironment, _ repository: ECRRepository) -> TaskDefinition {
        TaskDefinition(
            family: "api-\(environment.name)", size: FargateSize(cpu: .oneVCPU, memoryMiB: 2048),
            executionRole: IAMRole(account: environment.account, name: "api-execution"),
            taskRole: IAMRole(account: environment.account, name: "api-task"),
            containers: [ContainerDefinition(
                "api", repository: repository, portMappings: [PortMapping(8080)],
                environment: ["MODE": environment.name],
                secrets: [ContainerSecret("API_KEY", from: .secretsManager(
                    arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:api/key-AbCdEf", jsonKey: "key"))],
                healthCheck: .http(port: 8080, path: "/health"),
                logging: AWSLogs(group: "/ecs/api", region: environment.region, streamPrefix: "api"))])
    }

    static let github = GitHubRepository("Acme-Corp/api")

    static func pipeline(credentials: AWSCredentials? = nil) -> Pipeline {
        let creds = credentials ?? .oidc(role: IAMRole(account: account, name: "deploy"))
        return Pipeline(
            "api", title: "Deploy api", on: [.push(branches: ["main"])],
            registry: ImageRegistry(account: account, region: region, credentials: creds),
            services: [
                Service("api", repository: "api", build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
                        containerName: "api", publicHealthPath: "/health", taskDefinition: taskDefinition),
                Service("worker", repository: "worker", build: ImageBuild(context: "worker", dockerfile: "worker/Dockerfile"),
                        containerName: "api", taskDefinition: taskDefinition),
            ],
            environments: [
                DeploymentEnvironment("staging", account: account, region: region, cluster: "staging",
                                      credentials: creds, publicURL: "https://staging.example.com"),
                DeploymentEnvironment("production", account: account, region: region, cluster: "production",
                                      credentials: creds, publicURL: "https://example.com"),
            ],
            github: github)
    }
}

/// Compares text with a golden file under Tests/ECSTests/Golden/; WFGEN_RECORD=1 rewrites it instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WFGEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); review, then re-record with WFGEN_RECORD=1",
                sourceLocation: sourceLocation)
    }
}

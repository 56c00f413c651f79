import ECS
import Foundation
@_exported import TestSupport
import Generate
import Testing
import Workflow

/// Runs `generate` or `check` in-process, as the CLI does.
struct Run {
    let status: CommandStatus
    let output: String
    let errors: String
}

func generate(_ definitions: Definitions, into directory: TemporaryDirectory) -> Run {
    var output = Captured(), errors = Captured()
    let status = GenerationCommands(definitions: definitions, packageRoot: packageRoot, outputRoot: directory.path)
        .generate(output: &output, errors: &errors)
    return Run(status: status, output: output.text, errors: errors.text)
}

func check(_ definitions: Definitions, in directory: TemporaryDirectory) -> Run {
    var output = Captured(), errors = Captured()
    let status = GenerationCommands(definitions: definitions, packageRoot: packageRoot, outputRoot: directory.path)
        .check(output: &output, errors: &errors)
    return Run(status: status, output: output.text, errors: errors.text)
}

/// Small definitions: a CI workflow and a one-service pipeline.
enum Sample {
    static let account = AWSAccountID("123456789012")
    static let region = AWSRegion("eu-central-1")

    static func ci(command: String = "make test") -> Workflow {
        Workflow("sample-ci.yml", name: "Sample CI", on: [.pullRequest()], jobs: [
            Job("test", runsOn: .ubuntu2404, permissions: .contentsRead, timeoutMinutes: 10,
                steps: [Step.uses(Checkout()), Step.run("Test", command)]),
        ])
    }

    static func pipeline(name: String = "shop", memoryMiB: Int = 1024, environmentName: String = "staging",
                         github: String = "Sample-Owner/shop") -> Pipeline {
        let role = IAMRole(account: account, name: "deploy")
        return Pipeline(
            name, title: "Deploy \(name)", on: [.workflowDispatch()],
            registry: ImageRegistry(account: account, region: region, credentials: .oidc(role: role)),
            services: [Service("web", repository: name, build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
                               containerName: "web") { environment, repository in
                TaskDefinition(family: "\(name)-web-\(environment.name)",
                               size: FargateSize(cpu: .halfVCPU, memoryMiB: memoryMiB),
                               executionRole: IAMRole(account: account, name: "execution"),
                               containers: [ContainerDefinition(
                                   "web", repository: repository, portMappings: [PortMapping(80)],
                                   healthCheck: .http(port: 80, path: "/"),
                                   logging: AWSLogs(group: "/ecs/\(name)", region: region, streamPrefix: "web"))])
            }],
            environments: [DeploymentEnvironment(environmentName, account: account, region: region, cluster: "staging",
                                                 credentials: .oidc(role: role))],
            github: GitHubRepository(github))
    }

    static var both: Definitions { Definitions(workflows: [ci()], pipelines: [pipeline()]) }
}

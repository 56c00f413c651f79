import ECS
import Testing
import Workflow

/// A repository's definitions use their own helpers inside a service's task-definition closure, as users write
/// them: a local function, not marked `@Sendable`. This file compiling is the test that this stays possible.
@Suite struct ServiceClosureTests {
    @Test func aLocalHelperFunctionWorksInsideTheTaskDefinitionClosure() {
        var families: [String] = []
        func family(_ environment: DeploymentEnvironment) -> String { "api-\(environment.name)" }
        let service = Service("api", repository: "api", build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
                              containerName: "api") { environment, repository in
            Fixtures.taskDefinition(environment, repository).renamed(family(environment))
        }
        let pipeline = Pipeline("api", title: "Deploy api", on: [.push(branches: ["main"])],
                                registry: Fixtures.pipeline().registry, services: [service],
                                environments: Fixtures.pipeline().environments)
        for rendered in PipelineCompiler.compile(pipeline).taskDefinitions { families.append(rendered.definition.family) }
        #expect(families == ["api-staging", "api-production"])
    }
}

extension TaskDefinition {
    /// The same task definition under another family.
    func renamed(_ family: String) -> TaskDefinition {
        TaskDefinition(family: family, size: size, executionRole: executionRole, taskRole: taskRole, containers: containers)
    }
}

import ECS
import Generate
import Testing
import Workflow
import YAML

@Suite struct PipelineTests {
    static func compile(_ pipeline: Pipeline = Fixtures.pipeline()) -> (CompiledPipeline, [Diagnostic]) {
        let compiled = PipelineCompiler.compile(pipeline)
        return (compiled, compiled.diagnostics + WorkflowValidator.diagnostics(for: compiled.workflow))
    }

    static func job(_ id: String, in compiled: CompiledPipeline) -> Job? {
        compiled.workflow.jobs.first { $0.id == id }
    }

    @Test func compilesCleanlyToGoldenFiles() throws {
        let (compiled, diagnostics) = Self.compile()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        try Golden.check(try YAMLEmitter().emit(WorkflowRenderer.render(compiled.workflow)), against: "deploy-api.yml")
        #expect(compiled.taskDefinitions.map(\.path) == [
            "generated/api/staging/api.json", "generated/api/staging/worker.json",
            "generated/api/production/api.json", "generated/api/production/worker.json",
        ])
    }

    @Test func buildsRunInParallelAndProductionFollowsAllOfStaging() throws {
        let (compiled, _) = Self.compile()
        #expect(Self.job("build-api", in: compiled)?.needs == [])
        #expect(Self.job("build-worker", in: compiled)?.needs == [])
        #expect(Self.job("deploy-staging-api", in: compiled)?.needs == ["build-api"])
        #expect(Self.job("deploy-production-api", in: compiled)?.needs
                == ["build-api", "deploy-staging-api", "deploy-staging-worker"])
    }

    @Test func deployJobsAreSafeByConstruction() throws {
        let (compiled, _) = Self.compile()
        for job in compiled.workflow.jobs {
            #expect(job.timeoutMinutes != nil, "\(job.id) has no timeout")
            #expect(job.permissions == .scopes([.contents: .read, .idToken: .write]), "\(job.id)")
        }
        let deploy = try #require(Self.job("deploy-production-api", in: compiled))
        #expect(deploy.environment?.name.rendered == "production")
        #expect(deploy.concurrency == Concurrency(group: "deploy-api-production-api", cancelInProgress: false))
        let text = try YAMLEmitter().emit(WorkflowRenderer.render(compiled.workflow))
        #expect(text.contains("wait-for-service-stability: true"))
        #expect(text.contains("service: api"))
        #expect(text.contains("task-definition: ${{ steps.task-definition.outputs.task-definition }}"))
        #expect(!text.contains("aws-access-key-id"))
        #expect(text.contains("HEALTH_URL: https://example.com/health"))
    }

    @Test func staticKeysAreSecretsAndWarn() throws {
        let pipeline = Fixtures.pipeline(credentials: .staticKeys(accessKeyID: Secret("AWS_ACCESS_KEY_ID"),
                                                                  secretAccessKey: Secret("AWS_SECRET_ACCESS_KEY")))
        let (compiled, diagnostics) = Self.compile(pipeline)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.contains { $0.message.contains("static AWS access keys") })
        let text = try YAMLEmitter().emit(WorkflowRenderer.render(compiled.workflow))
        #expect(text.contains("aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}"))
        #expect(!text.contains("id-token"))
    }

    @Test func containerNameMustExistInTheTaskDefinition() {
        let line = #line + 2
        let service = Service("api", repository: "api", build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
                              containerName: "web", taskDefinition: Fixtures.taskDefinition)
        let base = Fixtures.pipeline()
        let pipeline = Pipeline("api", title: "x", on: [.workflowDispatch()], registry: base.registry,
                                services: [service], environments: base.environments)
        let errors = Self.compile(pipeline).1.filter { $0.severity == .error }
        #expect(errors.count == 2)  // once per environment
        #expect(errors.allSatisfy { $0.location.line == line - 1 && $0.message.contains("container 'web'") })
    }

    @Test func duplicateServicesAndBadNamesAreErrors() {
        let base = Fixtures.pipeline()
        let line = #line + 1
        let pipeline = Pipeline("API", title: "x", on: [.workflowDispatch()], registry: base.registry,
                                services: base.services + [base.services[0]], environments: base.environments)
        let errors = Self.compile(pipeline).1.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("pipeline name 'API'") && $0.location.line == line })
        #expect(errors.contains { $0.message.contains("duplicate service 'api'") })
    }

    @Test func tagPolicyTagsThePushAndTheRenderAlike() throws {
        let base = Fixtures.pipeline()
        let pipeline = Pipeline("api", title: "x", on: [.workflowDispatch()], registry: base.registry,
                                imageTag: .prefixedCommitSHA("main"), services: base.services,
                                environments: base.environments)
        let text = try YAMLEmitter().emit(WorkflowRenderer.render(PipelineCompiler.compile(pipeline).workflow))
        let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:main-${{ github.sha }}"
        #expect(text.components(separatedBy: image).count - 1 == 3)  // one push, two renders
    }
}

import Testing
import Workflow
import YAML

@Suite struct RenderingTests {
    static func emit(_ workflow: Workflow) throws -> String {
        try YAMLEmitter().emit(WorkflowRenderer.render(workflow))
    }

    @Test func kitchenSinkIsValidAndMatchesGolden() throws {
        let workflow = KitchenSink.ci()
        #expect(WorkflowValidator.diagnostics(for: workflow) == [])
        try Golden.check(try Self.emit(workflow), against: "kitchen-sink.yml")
    }

    @Test func reusableWorkflowIsValidAndMatchesGolden() throws {
        let workflow = KitchenSink.reusable()
        #expect(WorkflowValidator.diagnostics(for: workflow) == [])
        try Golden.check(try Self.emit(workflow), against: "reusable.yml")
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try Self.emit(KitchenSink.ci()) == (try Self.emit(KitchenSink.ci())))
    }

    @Test func everyUsesIsPinnedWithItsTagAsComment() throws {
        let text = try Self.emit(KitchenSink.ci())
        for line in text.split(separator: "\n") where line.contains("uses: ") && !line.contains("$/.github/") {
            let pattern = line.split(separator: "@").last.map(String.init) ?? ""
            let parts = pattern.split(separator: " ")
            #expect(parts.count == 3 && parts[0].count == 40 && parts[1] == "#" && parts[2].hasPrefix("v"), "\(line)")
        }
    }

    @Test func stepIDsOnlyWhereGivenOrRead() throws {
        let build = Step.uses(BuildPush(push: false))
        let quiet = Step.run("Say hello", "echo hello")
        let reader = Step.run("Show digest", "echo \"$D\"", env: [("D", .expression(build.output(.digest)))])
        let job = Job("j", runsOn: .ubuntu2404, permissions: .contentsRead, steps: [quiet, build, reader])
        let text = try Self.emit(Workflow("x.yml", name: "X", on: [.workflowDispatch()], jobs: [job]))
        #expect(text.contains("id: build-push-action"))
        #expect(text.contains("${{ steps.build-push-action.outputs.digest }}"))
        #expect(!text.contains("id: say-hello"))
        #expect(!text.contains("step-0"))
    }

    @Test func dangerousTriggersRenderTheirFilters() throws {
        let job = Job("j", runsOn: .ubuntu2404, steps: [Step.run("Echo", "echo hi")])
        let workflow = Workflow("x.yml", name: "X", on: [
            .workflowRun(workflows: ["CI"], types: ["completed"], branches: ["main"]),
            .pullRequestTarget(types: ["labeled"]),
        ], jobs: [job])
        let value = WorkflowRenderer.render(workflow)
        let parsed = try YAMLParser().parse(try YAMLEmitter().emit(value))
        let on = parsed.root?["on"]
        #expect(on?["pull_request_target"]?["types"]?.sequence?.first?.scalar == "labeled")
        #expect(on?["workflow_run"]?["workflows"]?.sequence?.first?.scalar == "CI")
        // Triggers come out in a fixed order whatever order the definition used.
        let keys: [String] = (on?.mapping ?? []).map { $0.key.scalar ?? "" }
        #expect(keys == ["pull_request_target", "workflow_run"])
    }

    @Test func keysComeInConventionalOrder() throws {
        let text = try Self.emit(KitchenSink.reusable())
        let topKeys = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") && !$0.hasPrefix("-") }
            .map { String($0.split(separator: ":")[0]) }
        #expect(topKeys == ["name", "'on'", "permissions", "jobs"])
    }
}

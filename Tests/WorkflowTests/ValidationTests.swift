import Testing
import Workflow

/// Each definition error names the Swift file and line of the DSL call that built the bad value.
@Suite struct ValidationTests {
    static func errors(_ workflow: Workflow) -> [Diagnostic] {
        WorkflowValidator.diagnostics(for: workflow).filter { $0.severity == .error }
    }

    static func step(_ name: String = "Test") -> Step { Step.run(name, "make test") }

    static func workflow(_ jobs: [Job], on: [Trigger] = [.push(branches: ["main"])]) -> Workflow {
        Workflow("x.yml", name: "X", on: on, jobs: jobs)
    }

    /// Asserts exactly one error, at `line` of this file, whose message contains `text`.
    static func expectError(_ workflow: Workflow, line: Int, containing text: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = errors(workflow)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.location.file == #filePath && found.first?.location.line == line, "\(found)",
                sourceLocation: sourceLocation)
        #expect(found.first?.message.contains(text) == true, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func validWorkflowHasNoDiagnostics() {
        let build = Job("build", runsOn: .ubuntu2404, permissions: .contentsRead, steps: [Step.uses(Checkout()), Self.step()])
        #expect(WorkflowValidator.diagnostics(for: Self.workflow([build])).isEmpty)
    }

    @Test func duplicateJobIDs() {
        let first = Job("build", runsOn: .ubuntu2404, steps: [Self.step()])
        let line = #line + 1
        let second = Job("build", runsOn: .ubuntu2404, steps: [Self.step()])
        Self.expectError(Self.workflow([first, second]), line: line, containing: "duplicate job id 'build'")
    }

    @Test func duplicateStepIDs() {
        let line = #line + 2
        let job = Job("build", runsOn: .ubuntu2404, steps: [Step.run("A", "true", id: "same"),
                                                             Step.run("B", "true", id: "same")])
        Self.expectError(Self.workflow([job]), line: line, containing: "duplicate step id 'same'")
    }

    @Test func danglingNeeds() {
        let build = Job("build", runsOn: .ubuntu2404, steps: [Self.step()])
        let line = #line + 1
        let deploy = Job("deploy", needs: [build], runsOn: .ubuntu2404, steps: [Self.step()])
        Self.expectError(Self.workflow([deploy]), line: line, containing: "needs job 'build', which is not in workflow")
    }

    @Test func needsCycle() {
        let a0 = Job("a", runsOn: .ubuntu2404, steps: [Self.step()])
        let b = Job("b", needs: [a0], runsOn: .ubuntu2404, steps: [Self.step()])
        let a = Job("a", needs: [b], runsOn: .ubuntu2404, steps: [Self.step()])
        let found = Self.errors(Self.workflow([a, b]))
        #expect(found.contains { $0.message.contains("cycle") }, "\(found)")
    }

    @Test func stepOutputReadBeforeItsStep() {
        let build = Step.run("Build image", "echo \"image=x\" >> \"$GITHUB_OUTPUT\"", id: "build-image")
        let line = #line + 1
        let early = Step.run("Use image", "echo \"$IMAGE\"", env: [("IMAGE", .expression(build.output("image")))])
        let job = Job("build", runsOn: .ubuntu2404, steps: [early, build])
        Self.expectError(Self.workflow([job]), line: line, containing: "read before step 'build-image' has run")
    }

    @Test func stepOutputOfUnknownStep() {
        let other = Step.run("Elsewhere", "true", id: "elsewhere")
        let line = #line + 1
        let reader = Step.run("Use", "true", env: [("X", .expression(other.output("x")))])
        Self.expectError(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [reader])]), line: line,
                         containing: "has no step 'elsewhere'")
    }

    @Test func stepOutputReadAfterItsStepIsFine() {
        let build = Step.uses(BuildPush(push: false))
        let use = Step.run("Show digest", "echo \"$DIGEST\"", env: [("DIGEST", .expression(build.output(.digest)))])
        let job = Job("j", runsOn: .ubuntu2404, permissions: .contentsRead, steps: [build, use])
        #expect(Self.errors(Self.workflow([job])).isEmpty)
    }

    @Test func plaintextSecretInEnvironment() {
        let line = #line + 1
        let step = Step.run("Deploy", "./deploy", env: [("DB_PASSWORD", "hunter2")])
        Self.expectError(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [step])]), line: line,
                         containing: "DB_PASSWORD holds a plaintext value")
    }

    @Test func awsAccessKeyLiteralIsRejectedAndRedacted() {
        let line = #line + 1
        let step = Step.run("Deploy", "./deploy", env: [("KEY_ID", "AKIAIOSFODNN7EXAMPLE")])
        let found = Self.errors(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [step])]))
        #expect(found.count == 1)
        #expect(found.first?.location.line == line)
        #expect(found.first?.message.contains("AKIAIOSFODNN7EXAMPLE") == false)
    }

    @Test func secretValueIsAcceptedInEnvironment() {
        let step = Step.run("Deploy", "./deploy", env: [("DB_PASSWORD", .secret(Secret("DB_PASSWORD")))])
        #expect(Self.errors(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [step])])).isEmpty)
    }

    @Test func expressionInsideRunIsRejected() {
        let line = #line + 1
        let step = Step.run("Echo", "echo ${{ github.head_ref }}")
        Self.expectError(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [step])]), line: line,
                         containing: "template injection")
    }

    @Test func stepNeedsThePermissionItsActionRequires() {
        let line = #line + 1
        let upload = Step.uses(UploadSARIF(sarifFile: "results.sarif"))
        let job = Job("j", runsOn: .ubuntu2404, permissions: .contentsRead, steps: [upload])
        Self.expectError(Self.workflow([job]), line: line, containing: "security-events: write")
        let granted = Job("j", runsOn: .ubuntu2404, permissions: .scopes([.securityEvents: .write]), steps: [upload])
        #expect(Self.errors(Self.workflow([granted])).isEmpty)
    }

    @Test func invalidJobIDAndMissingPieces() {
        let line = #line + 1
        let job = Job("1build", runsOn: .ubuntu2404, steps: [Self.step()])
        Self.expectError(Self.workflow([job]), line: line, containing: "job id '1build'")
        let empty = Job("empty", runsOn: .ubuntu2404, steps: [])
        #expect(Self.errors(Self.workflow([empty])).contains { $0.message.contains("has no step") })
        #expect(Self.errors(Self.workflow([], on: [])).map(\.message).sorted()
                == ["workflow 'X' has no job", "workflow 'X' has no trigger (on:)"])
    }

    @Test func jobOutputNeedsTheJob() {
        let build = Job("build", runsOn: .ubuntu2404, outputs: [("tag", .github(.sha))], steps: [Self.step()])
        let line = #line + 1
        let use = Step.run("Use", "echo \"$TAG\"", env: [("TAG", .expression(build.output("tag")))])
        let deploy = Job("deploy", runsOn: .ubuntu2404, steps: [use])
        Self.expectError(Self.workflow([build, deploy]), line: line, containing: "does not need job 'build'")
    }

    @Test func undeclaredInputIsRejected() {
        let line = #line + 1
        let use = Step.run("Use", "echo \"$V\"", env: [("V", .expression(.inputs("version")))])
        Self.expectError(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [use])]), line: line,
                         containing: "inputs.version is not declared")
    }

    @Test func secretInBuildArgsIsRejected() {
        let line = #line + 1
        let build = Step.uses(BuildPush(push: false, buildArgs: ["TOKEN=\(Secret("NPM_TOKEN"))"]))
        Self.expectError(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [build])]), line: line,
                         containing: "buildArgs")
    }

    @Test func derivedStepIDMayNotCollideWithAGivenOne() {
        let build = Step.run("Build image", "echo \"image=x\" >> \"$GITHUB_OUTPUT\"")
        let line = #line + 1
        let other = Step.run("Other", "true", id: "build-image")
        let reader = Step.run("Use", "echo \"$I\"", env: [("I", .expression(build.output("image")))])
        let found = Self.errors(Self.workflow([Job("j", runsOn: .ubuntu2404, steps: [build, other, reader])]))
        #expect(found.contains { $0.message.contains("duplicate step id 'build-image'") && $0.location.line == line }, "\(found)")
    }
}

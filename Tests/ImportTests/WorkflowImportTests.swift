import Import
import Testing
import Workflow
import YAML

@Suite struct WorkflowImportTests {
    @Test(arguments: [("triggers", Samples.triggers), ("jobs", Samples.jobs), ("escapes", Samples.escapes)])
    func renderingTheImportGivesBackTheSameData(name: String, yaml: String) throws {
        let rendered = try Support.roundTrip(yaml)
        #expect(try Support.data(rendered) == (try Support.data(yaml)), "\(name): \(rendered)")
    }

    @Test func typedTriggersAndJobsNeedNoEscapeHatch() throws {
        #expect(try WorkflowImporter.workflow(yaml: Samples.triggers, path: "a.yml").notes.isEmpty)
        #expect(try WorkflowImporter.workflow(yaml: Samples.jobs, path: "a.yml").notes.isEmpty)
    }

    @Test func whatTheModelCannotHoldIsNotedWithItsPosition() throws {
        let imported = try WorkflowImporter.workflow(yaml: Samples.escapes, path: "x/escapes.yml")
        let messages = imported.notes.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("4:3: on.worlkflow_dispatch") })
        #expect(messages.contains { $0.contains("step of job 'odd'") && $0.contains("uses: together with run:") })
        #expect(messages.contains { $0.contains("job 'weird'") && $0.contains("unknown-key") })
        let jobs = imported.workflow.jobs
        #expect(jobs.map(\.id) == ["odd", "weird", "after"])
        #expect(jobs[2].needs == ["weird"])
        guard case .untyped = jobs[1].body else { Issue.record("weird should be untyped"); return }
    }

    @Test func generatingWarnsForEveryOptOutAndEscapeHatchButFindsNoError() throws {
        let jobs = try WorkflowImporter.workflow(yaml: Samples.jobs, path: "jobs.yml").workflow
        let diagnostics = WorkflowValidator.diagnostics(for: jobs)
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics)")
        let text = diagnostics.map(\.message).joined(separator: "\n")
        #expect(text.contains("actions/checkout@v4 is .unpinned"))
        #expect(text.contains("docker://alpine:3.20 is not pinned to an image digest"))
        #expect(text.contains("run script contains ${{ }} (allowed by .verbatim"))
        #expect(text.contains("DB_PASSWORD is marked .plaintext"))
        #expect(!text.contains("postgres"), "a plaintext value never appears in a diagnostic")
        let escapes = try WorkflowImporter.workflow(yaml: Samples.escapes, path: "escapes.yml").workflow
        let messages = WorkflowValidator.diagnostics(for: escapes).map(\.message).joined(separator: "\n")
        #expect(messages.contains("permissions .repositoryDefault"))
        #expect(messages.contains("trigger 'worlkflow_dispatch' is untyped"))
        #expect(messages.contains("step is untyped"))
        #expect(messages.contains("job 'weird' is untyped"))
    }

    @Test func expressionsKeepTheirSpacingAndBareConditionsStayBare() throws {
        let workflow = try WorkflowImporter.workflow(yaml: Samples.jobs, path: "jobs.yml").workflow
        let steps = workflow.jobs[0].steps
        #expect(steps[4].condition?.rendered == "github.event_name == 'push'")
        #expect(steps[6].condition?.rendered == "${{  always()  }}")
        guard case .string(let value) = steps[5].env[0].1 else { Issue.record("VALUE should be a string"); return }
        #expect(value.rendered == "${{steps.v.outputs.version}}")
        let source = try WorkflowImporter.swiftSource(yaml: Samples.jobs, path: "jobs.yml", symbol: "jobs").source
        #expect(source.contains("Expression.code(\"steps.v.outputs.version\").written(.tight)"))
        #expect(source.contains("Expression.code(\"always()\").written(.wrapped(leading: \"  \", trailing: \"  \"))")
                || source.contains("Expression.always().written(.wrapped(leading: \"  \", trailing: \"  \"))"))
    }

    @Test(arguments: [
        ("on: [push\njobs: {}", ImportError.Reason.syntax, 2),
        ("- a\n- b\n", .notAWorkflow, 1),
        ("on: push\n", .notAWorkflow, 1),
        ("on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{run: x}]\n",
         .invalid, 4),
        ("on: push\nservices: {}\njobs:\n  a: {runs-on: x, steps: [{run: y}]}\n", .unsupported, 2),
    ])
    func invalidInputIsATypedErrorWithAPosition(yaml: String, reason: ImportError.Reason, line: Int) {
        #expect {
            _ = try WorkflowImporter.workflow(yaml: yaml, path: "bad.yml")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.reason == reason && error.line == line && error.column >= 1
        }
    }

    @Test func swiftSourceIsTheFaithfulPrintingOfTheTypedValue() throws {
        let small = """
        name: Small
        on:
          push:
            branches: [main]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Test
                run: |
                  swift test
                  echo "done \\\\ ${{ github.sha }}"
        """
        let imported = try WorkflowImporter.swiftSource(yaml: small, path: ".github/workflows/small.yml", symbol: "small")
        #expect(imported.notes.isEmpty)
        try Support.checkGolden(imported.source, "small.swift")
        let escapes = try WorkflowImporter.swiftSource(yaml: Samples.escapes, path: ".github/workflows/escapes.yml",
                                                       symbol: "escapes")
        #expect(escapes.source.components(separatedBy: "// wfgen import: ").count - 1 == 3)
        try Support.checkGolden(escapes.source, "escapes.swift")
    }

    @Test func aSymbolThatIsNotASwiftIdentifierIsRefused() {
        #expect(throws: ImportError.self) {
            _ = try WorkflowImporter.swiftSource(yaml: Samples.escapes, path: "e.yml", symbol: "not valid")
        }
    }
}

@Suite struct ModelGrowthTests {
    @Test func emptyInputsAreKeptWithoutAnEscapeHatch() throws {
        let yaml = """
        on:
          workflow_dispatch:
            inputs: {}
          workflow_call:
            inputs: {}
            secrets:
              token:
                description: a token
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: echo a
        """
        let imported = try WorkflowImporter.workflow(yaml: yaml, path: "e.yml")
        #expect(imported.notes.isEmpty)
        let rendered = try Support.roundTrip(yaml)
        #expect(try Support.data(rendered) == (try Support.data(yaml)), "\(rendered)")
        let source = try WorkflowImporter.swiftSource(yaml: yaml, path: "e.yml", symbol: "e").source
        #expect(source.contains("Trigger.workflowDispatchWithEmptyInputs"))
        #expect(source.contains("writesEmptyInputs: true"))
    }

    @Test func checkoutBecomesTheTypedBindingWhenItsInputsFit() throws {
        let jobs = try WorkflowImporter.workflow(yaml: Samples.jobs, path: "jobs.yml").workflow
        let checkout = jobs.jobs[0].steps[0].binding as? Checkout
        #expect(checkout?.fetchDepth == .literal(0))
        #expect(checkout?.persistCredentials == .literal(false))
        let yaml = "on:\n  push:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n"
            + "      - uses: actions/checkout@v4\n        with:\n          show-progress: false\n"
        let imported = try WorkflowImporter.workflow(yaml: yaml, path: "c.yml").workflow
        #expect(imported.jobs[0].steps[0].binding is Checkout)
        #expect(imported.jobs[0].steps[1].binding == nil, "an input the binding does not have keeps the generic step")
        let messages = WorkflowValidator.diagnostics(for: imported).map(\.message)
        #expect(messages.contains { $0.contains("checkout leaves persist-credentials to the action default") })
        let source = try WorkflowImporter.swiftSource(yaml: yaml, path: "c.yml", symbol: "c").source
        #expect(source.contains("Checkout(persistCredentials: nil),\n        at: ActionReference.unpinned(\"actions/checkout@v4\")"))
    }

    @Test func aTypedBindingThatFailsTheJobsPermissionsFallsBackToTheGenericStep() throws {
        let yaml = "on:\n  push:\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n"
        let imported = try WorkflowImporter.workflow(yaml: yaml, path: "c.yml").workflow
        #expect(imported.jobs[0].steps[0].binding == nil)
        #expect(try Support.data(try Support.roundTrip(yaml)) == (try Support.data(yaml)))
    }

    @Test func theDSLsOwnFormsAreUnchanged() throws {
        // Existing definitions keep their output: `Concurrency` writes cancel-in-progress, inputs write required.
        let concurrency = WorkflowRendererProbe.concurrency(Concurrency(group: "g"))
        #expect(concurrency == "cancel-in-progress: false\ngroup: g\n" || concurrency == "group: g\ncancel-in-progress: false\n")
    }
}

/// Renders one value through a one-job workflow, for checks on the DSL's defaults.
enum WorkflowRendererProbe {
    static func concurrency(_ concurrency: Concurrency) -> String {
        let workflow = Workflow("p.yml", name: "p", on: [.push()], concurrency: concurrency,
                                jobs: [Job("a", runsOn: .ubuntu2404, steps: [Step.run("a", "true")])])
        guard case .mapping(let entries) = WorkflowRenderer.render(workflow),
              let value = entries.first(where: { $0.key == "concurrency" })?.value,
              let text = try? YAMLEmitter().emit(value) else { return "" }
        return text
    }
}

/// The Swift goldens are compiled into this test target: the printed source builds, and builds the same data.
@Suite struct CompiledGoldenTests {
    @Test func theCompiledGoldensRenderTheOriginalData() throws {
        let escapesYAML = try YAMLEmitter().emit(WorkflowRenderer.render(escapes()))
        #expect(try Support.data(escapesYAML) == (try Support.data(try Support.roundTrip(Samples.escapes))))
        let smallYAML = try YAMLEmitter().emit(WorkflowRenderer.render(small()))
        #expect(smallYAML.contains("echo \"done \\\\ ${{ github.sha }}\""))
        #expect(apiTask().json == TaskDefinitionImportTests.imported)
    }
}

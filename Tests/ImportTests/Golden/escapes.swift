// Imported by `wfgen import` from .github/workflows/escapes.yml; `swift run wfgen` regenerates it.
import Workflow
import YAML

func escapes() -> Workflow {
    Workflow(
        "escapes.yml",
        name: "Escapes",
        on: escapesTriggers(),
        permissions: .repositoryDefault,
        jobs: escapesJobs()
    )
}

private func escapesTriggers() -> [Trigger] {
    var on: [Trigger] = []
    on.append(Trigger.workflowDispatch())
    // wfgen import: on.worlkflow_dispatch: 'worlkflow_dispatch' is not an event GitHub documents
    on.append(Trigger.untyped(event: "worlkflow_dispatch", UntypedYAML(YAMLValue.null, reason: "on.worlkflow_dispatch: 'worlkflow_dispatch' is not an event GitHub documents")))
    return on
}

private func escapesJobs() -> [Job] {
    let odd = Job(
        "odd",
        runner: .label("ubuntu-latest"),
        steps: escapesStepsOdd()
    )
    // wfgen import: job 'weird': job 'weird' has key 'unknown-key', which the model does not know
    let weird = Job.untyped("weird", needs: [], YAMLValue.mapping([
        YAMLValue.Entry(key: YAMLValue.string("runs-on"), value: YAMLValue.string("ubuntu-latest")),
        YAMLValue.Entry(key: YAMLValue.string("unknown-key"), value: YAMLValue.int(1)),
        YAMLValue.Entry(key: YAMLValue.string("steps"), value: YAMLValue.sequence([
            YAMLValue.mapping([
                YAMLValue.Entry(key: YAMLValue.string("run"), value: YAMLValue.string("echo x")),
            ]),
        ])),
    ]), reason: "job 'weird': job 'weird' has key 'unknown-key', which the model does not know")
    let after = Job(
        "after",
        needs: [weird],
        runner: .label("ubuntu-latest"),
        steps: escapesStepsAfter()
    )
    return [odd, weird, after]
}

private func escapesStepsOdd() -> [Step] {
    var steps: [Step] = []
    steps.append(Step.run(
        script: "echo fine",
        form: .verbatim(allowingExpressions: false)
    ))
    // wfgen import: step of job 'odd': step has uses: together with run:, shell: or working-directory:
    steps.append(Step.untyped(YAMLValue.mapping([
        YAMLValue.Entry(key: YAMLValue.string("uses"), value: YAMLValue.string("actions/cache@v4")),
        YAMLValue.Entry(key: YAMLValue.string("run"), value: YAMLValue.string("echo both")),
    ]), reason: "step of job 'odd': step has uses: together with run:, shell: or working-directory:"))
    return steps
}

private func escapesStepsAfter() -> [Step] {
    var steps: [Step] = []
    steps.append(Step.run(
        script: "echo after",
        form: .verbatim(allowingExpressions: false)
    ))
    return steps
}

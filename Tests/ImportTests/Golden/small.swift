// Imported by `wfgen import` from .github/workflows/small.yml; `swift run wfgen` regenerates it.
import Workflow

func small() -> Workflow {
    Workflow(
        "small.yml",
        name: "Small",
        on: smallTriggers(),
        permissions: .repositoryDefault,
        jobs: smallJobs()
    )
}

private func smallTriggers() -> [Trigger] {
    var on: [Trigger] = []
    on.append(Trigger.push(branches: ["main"]))
    return on
}

private func smallJobs() -> [Job] {
    let build = Job(
        "build",
        runner: .label("ubuntu-latest"),
        steps: smallStepsBuild()
    )
    return [build]
}

private func smallStepsBuild() -> [Step] {
    var steps: [Step] = []
    steps.append(Step.uses(
        Checkout(persistCredentials: nil),
        at: ActionReference.unpinned("actions/checkout@v4")
    ).step)
    steps.append(Step.run(
        script: #"""
        swift test
        echo "done \\ ${{ github.sha }}"
        """#,
        form: .verbatim(allowingExpressions: true),
        name: "Test"
    ))
    return steps
}

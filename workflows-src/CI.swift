import Workflow

/// This project's own CI: build and test (with the peer validators), then the drift check.
func continuousIntegration() -> Workflow {
    let test = Job(
        "test", name: "Build and test", runsOn: .ubuntu2404, permissions: .contentsRead, timeoutMinutes: 40,
        steps: [
            Step.uses(Checkout()),
            Step.run("Install libyaml", "sudo apt-get update -qq\nsudo apt-get install -y -qq libyaml-dev pkg-config\n"),
            Step.run("Build and test, validating output with actionlint, zizmor, check-jsonschema and botocore",
                     "make test"),
            Step.run("Generated files match workflows-src", "swift run wfgen check"),
        ])
    return Workflow(
        "ci.yml", name: "CI",
        on: [.push(branches: ["main"]), .pullRequest()],
        concurrency: Concurrency(group: "ci-\(Expression.github(.ref))",
                                 cancelInProgress: .expression(Expression.github(.eventName).isEqual(to: "pull_request"))),
        jobs: [test])
}

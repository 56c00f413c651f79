import WFGenKit

/// This project's own CI: build and test (with the peer validators), and a pull-request check that runs
/// wfgen on this repository the way docs/integrations.md tells users to run it on theirs.
func continuousIntegration() -> Workflow {
    let installLibYAML = Step.run("Install libyaml", "sudo apt-get update -qq\nsudo apt-get install -y -qq libyaml-dev pkg-config\n")

    let test = Job(
        "test", name: "Build and test", runsOn: .ubuntu2404, permissions: .contentsRead, timeoutMinutes: 40,
        steps: [
            Step.uses(Checkout()),
            installLibYAML,
            Step.run("Build and test, validating output with actionlint, zizmor, check-jsonschema and botocore",
                     "make test"),
        ])

    // What wfgen lints here: the workflows, the task definitions they deploy (found through the workflows,
    // and listed explicitly in case one is not deployed), and the composite action users run.
    let lintPaths = ".github/workflows generated action.yml"
    let lint = Job(
        "lint", name: "Drift check and lint", runsOn: .ubuntu2404,
        // security-events: write is what upload-sarif needs to upload. actions: read is for private
        // repositories: upload-sarif (v4.36.2, src/upload-lib.ts → api-client.ts getAnalysisKey) reads
        // GET /repos/{owner}/{repo}/actions/runs/{run_id} to name the analysis, which a token without it
        // cannot do there. Both stay on this job only.
        permissions: .scopes([.actions: .read, .contents: .read, .securityEvents: .write]), timeoutMinutes: 20,
        steps: [
            Step.uses(Checkout()),
            installLibYAML,
            Step.run("Build wfgen", "swift build --product wfgen"),
            // Exit status 1 only means findings, which the next two steps report; 2 and 3 are failures here.
            Step.run("Lint to SARIF", """
                status=0
                swift run --skip-build wfgen lint --format sarif \(lintPaths) > wfgen.sarif || status=$?
                test "$status" -le 1
                """),
            Step.uses(UploadSARIF(sarifFile: "wfgen.sarif", category: "wfgen"), name: "Upload findings to code scanning"),
            Step.run("Lint with pull-request annotations", "swift run --skip-build wfgen lint --format github \(lintPaths)"),
            Step.run("Generated files match workflows-src", "swift run --skip-build wfgen check",
                     if: !Expression.cancelled()),
        ])

    return Workflow(
        "ci.yml", name: "CI",
        on: [.push(branches: ["main"]), .pullRequest()],
        concurrency: Concurrency(group: "ci-\(Expression.github(.ref))",
                                 cancelInProgress: .expression(Expression.github(.eventName).isEqual(to: "pull_request"))),
        jobs: [test, lint])
}

import Workflow

/// Fixtures exercising most of the model; rendered to golden files and validated by the peers.
enum KitchenSink {
    static func ci() -> Workflow {
        let checkout = Step.uses(Checkout(fetchDepth: 0))
        let lint = Job(
            "lint", name: "Lint", runsOn: .ubuntu2404, permissions: .contentsRead, timeoutMinutes: 10,
            defaults: RunDefaults(shell: .bash, workingDirectory: "app"),
            steps: [checkout, Step.run("Lint", "make lint")])
        let test = Job(
            "test", name: "Test", runsOn: .expression(.matrix("os")), permissions: .contentsRead, timeoutMinutes: 20,
            continueOnError: .expression(Expression.matrix("experimental").isEqual(to: .literal(true))),
            strategy: Strategy(
                matrix: Matrix([.init("os", ["ubuntu-24.04", "ubuntu-22.04"]), .init("python", ["3.12", "3.13"])],
                               include: [["os": "ubuntu-24.04", "python": "3.14", "experimental": true]],
                               exclude: [["os": "ubuntu-22.04", "python": "3.13"]]),
                failFast: false, maxParallel: 4),
            services: [("postgres", JobContainer(
                image: "postgres:17@sha256:0000000000000000000000000000000000000000000000000000000000000000",
                env: ["POSTGRES_HOST_AUTH_METHOD": "trust"], ports: ["5432:5432"],
                options: "--health-cmd pg_isready --health-interval 10s"))],
            env: [("PYTHON_VERSION", .expression(.matrix("python")))],
            steps: [checkout, Step.run("Test", "make test PYTHON=\"$PYTHON_VERSION\"", timeoutMinutes: 15)])
        let image = Step.uses(BuildPush(context: ".", push: false, load: true, tags: ["app:\(Expression.github(.sha))"]),
                              name: "Build image", id: "image")
        let build = Job(
            "build", name: "Build", needs: [lint, test], runsOn: .ubuntu2404, permissions: .contentsRead,
            timeoutMinutes: 30, outputs: [("digest", image.output(.digest))],
            steps: [checkout, Step.uses(SetupBuildx()), image])
        let scan = Job(
            "scan", name: "Scan", needs: [build], if: Expression.github(.eventName).isNotEqual(to: "pull_request"),
            runsOn: .ubuntu2404, permissions: .scopes([.contents: .read, .securityEvents: .write]), timeoutMinutes: 15,
            steps: [
                checkout,
                Step.run("Scan image", "./scan.sh \"$DIGEST\" > results.sarif",
                         env: [("DIGEST", .expression(build.output("digest")))]),
                Step.uses(UploadSARIF(sarifFile: "results.sarif", category: "image-scan"), if: .always()),
            ])
        let deploy = Job(
            "deploy", name: "Deploy", needs: [build, scan], permissions: .contentsRead,
            calling: ReusableWorkflowCall(.local("reusable.yml"),
                                          with: [("environment", "staging"), ("dry-run", .bool(.expression(.inputs("dry-run"))))],
                                          secrets: .explicit(["DEPLOY_TOKEN": Secret("STAGING_DEPLOY_TOKEN")])))
        return Workflow(
            "kitchen-sink.yml", name: "Kitchen sink", runName: "Kitchen sink on \(Expression.github(.eventName))",
            on: [
                .push(branches: ["main", "release/**"], tags: ["v*"], pathsIgnore: ["docs/**"]),
                .pullRequest(types: ["opened", "synchronize"], branches: ["main"]),
                .mergeGroup,
                .workflowDispatch(inputs: [
                    WorkflowInput("dry-run", description: "Only print what would change", .boolean(default: true)),
                    WorkflowInput("level", description: "Log level", .choice(options: ["info", "debug"], default: "info")),
                    WorkflowInput("target", description: "Where to deploy", .environment),
                    WorkflowInput("retries", description: "How often to retry", .number(default: 3)),
                    WorkflowInput("note", description: "Free text", .string(default: nil)),
                ]),
                .schedule(cron: "17 3 * * 1"),
                .release(types: ["published"]),
            ],
            env: [("PYTHONUNBUFFERED", "1")],
            concurrency: Concurrency(group: "kitchen-sink-\(Expression.github(.ref))", cancelInProgress: true),
            jobs: [lint, test, build, scan, deploy])
    }

    static func reusable() -> Workflow {
        let run = Step.run("Deploy", "./deploy.sh \"$TARGET\" \"$DRY_RUN\"", id: "deploy",
                           env: [("TARGET", .expression(.inputs("environment"))),
                                 ("DRY_RUN", .expression(.inputs("dry-run"))),
                                 ("DEPLOY_TOKEN", .secret(Secret("DEPLOY_TOKEN")))])
        let deploy = Job(
            "deploy", name: "Deploy", runsOn: .ubuntu2404,
            environment: DeploymentTarget("\(Expression.inputs("environment"))"), permissions: .contentsRead,
            concurrency: Concurrency(group: "deploy-\(Expression.inputs("environment"))"), timeoutMinutes: 30,
            outputs: [("result", run.output("result"))],
            steps: [Step.uses(Checkout()), run])
        return Workflow(
            "reusable.yml", name: "Reusable deploy",
            on: [.workflowCall(WorkflowCall(
                inputs: [WorkflowInput("environment", description: "Target environment", required: true, .string(default: nil)),
                         WorkflowInput("dry-run", description: "Only print", .boolean(default: false))],
                outputs: [.init("result", description: "What happened", value: deploy.workflowCallOutput("result"))],
                secrets: [.init("DEPLOY_TOKEN", description: "Token of the deploy API")]))],
            jobs: [deploy])
    }
}

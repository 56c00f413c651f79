import Foundation
import Testing
import YAML

/// `.pre-commit-hooks.yaml`, read as data: what each hook runs and on which files.
@Suite struct PreCommitManifestTests {
    static func hook(_ id: String) throws -> Node {
        let hooks = try #require(try parsePackageYAML(".pre-commit-hooks.yaml").sequence)
        return try #require(hooks.first { $0["id"]?.scalar == id }, "no hook \(id)")
    }

    @Test func lintHookIsBuiltByPreCommitsSwiftLanguage() throws {
        let lint = try Self.hook("wfgen-lint")
        #expect(lint["language"]?.scalar == "swift")
        #expect(lint["entry"]?.scalar == "wfgen-cli lint", "the prebuilt binary, with no definitions compiled in")
        // Every file in one process, so a task definition named by a workflow is reported once.
        #expect(lint["require_serial"]?.scalar == "true")
        #expect(lint["pass_filenames"] == nil, "the hook lints the files pre-commit passes")
    }

    /// The binary pre-commit builds for wfgen-lint has no definitions; wfgen-check must compile the user's package,
    /// and run when its definitions, its package manifest or the generated files change.
    @Test func checkHookCompilesTheRepositoryItRunsIn() throws {
        let check = try Self.hook("wfgen-check")
        #expect(check["language"]?.scalar == "system")
        #expect(check["entry"]?.scalar == "swift run wfgen check")
        #expect(check["pass_filenames"]?.scalar == "false")
        #expect(check["files"]?.scalar == "^(workflows-src/|Package\\.swift$|Package\\.resolved$|\\.github/workflows/|generated/)")
    }

    @Test(.enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run pre-commit"))
    func preCommitAcceptsTheManifest() throws {
        let run = try runProcess(try Peers.tool("pre-commit"), ["validate-manifest", ".pre-commit-hooks.yaml"], in: packageRoot)
        #expect(run.status == 0, "pre-commit validate-manifest:\n\(run.output)")
    }
}

/// The hooks run by the real pre-commit (from the .venv) in a throw-away git repository, installed from this
/// checkout the way a user's `.pre-commit-config.yaml` installs them: `repo:` + `rev:`.
///
/// Not `pre-commit try-repo`: it installs into a temporary store every time (try_repo.py, `Store(tempdir)`), so
/// each call would be a cold `swift build -c release`. tools/pre-commit-hook-repo.sh gives a rev (HEAD, or a
/// deterministic commit of the uncommitted changes) and a PRE_COMMIT_HOME under .build/, so the release build is
/// made once per source state and reused by every later run.
@Suite(.serialized, .enabled(if: Peers.requested, "set WFGEN_PEERS_BIN (make test does) to run pre-commit"))
struct PreCommitHookTests {
    struct HookRepository {
        let repo: String
        let rev: String
        let home: String
    }

    /// Made once per test process: the script replaces the shadow repository, so two tests must not race on it.
    static let hookRepository: Result<HookRepository, any Error> = Result {
        let run = try runProcess("/bin/bash", [packageRoot + "/tools/pre-commit-hook-repo.sh", packageRoot], in: packageRoot)
        let fields = run.output.split(whereSeparator: \.isNewline).last?.split(separator: " ").map(String.init) ?? []
        guard run.status == 0, fields.count == 3 else {
            throw Peers.Missing(description: "tools/pre-commit-hook-repo.sh failed:\n\(run.output)")
        }
        return HookRepository(repo: fields[0], rev: fields[1], home: fields[2])
    }

    /// A git repository in a temp directory whose config uses `hooks` from this checkout.
    static func userRepository(hooks: [String]) throws -> (TemporaryDirectory, HookRepository) {
        let hookRepository = try Self.hookRepository.get()
        let directory = try TemporaryDirectory()
        #expect(try runProcess("/usr/bin/env", ["git", "init", "--quiet"], in: directory.path).status == 0)
        try directory.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(hookRepository.repo)
                rev: \(hookRepository.rev)
                hooks:
            \(hooks.map { "      - id: \($0)" }.joined(separator: "\n"))

            """)
        return (directory, hookRepository)
    }

    /// `git add -A`, then `pre-commit run <hook> --all-files`.
    static func preCommit(_ hook: String, in directory: TemporaryDirectory, home: String,
                          path: String? = nil) throws -> ProcessResult {
        #expect(try runProcess("/usr/bin/env", ["git", "add", "-A"], in: directory.path).status == 0)
        var environment = ["PRE_COMMIT_HOME": home, "PRE_COMMIT_COLOR": "never"]
        if let path { environment["PATH"] = path }
        return try runProcess(try Peers.tool("pre-commit"), ["run", hook, "--all-files"], in: directory.path,
                              environment: environment)
    }

    @Test(.timeLimit(.minutes(30)))
    func lintHookFailsOnABrokenDeployAndPassesOnceFixed() throws {
        let (user, hookRepository) = try Self.userRepository(hooks: ["wfgen-lint"])
        try user.write(".github/workflows/deploy.yml", DeployWorkflow.broken)
        try user.write(".aws/task-definition.json", DeployWorkflow.taskDefinition)
        try user.write("deploy/worker-task-definition.json", DeployWorkflow.workerWithoutHealthCheck)
        // JSON with comments is not a task definition; the hook's `files:` must not hand it to wfgen.
        try user.write("tsconfig.json", "{\n  // TypeScript allows comments\n  \"compilerOptions\": {\"strict\": true},\n}\n")

        let broken = try Self.preCommit("wfgen-lint", in: user, home: hookRepository.home)
        #expect(broken.status == 1, "pre-commit:\n\(broken.output)")
        #expect(broken.output.contains("wfgen lint......"), "pre-commit:\n\(broken.output)")
        #expect(broken.output.contains("Failed"))
        #expect(broken.output.contains(".github/workflows/deploy.yml:27:19: error: 'get-login-password' is an ECR operation"),
                "pre-commit:\n\(broken.output)")
        #expect(broken.output.contains("[aws-cli-wrong-service]"))
        #expect(broken.output.contains(".github/workflows/deploy.yml:38:9: warning:"))
        #expect(broken.output.contains("[deploy-without-stability-wait]"))
        #expect(broken.output.contains("deploy/worker-task-definition.json:5:5: warning:"), "a task definition no workflow names is linted too")
        #expect(!broken.output.contains("tsconfig.json"))

        try user.write(".github/workflows/deploy.yml", DeployWorkflow.fixed)
        try user.write("deploy/worker-task-definition.json", DeployWorkflow.workerWithHealthCheck)
        let fixed = try Self.preCommit("wfgen-lint", in: user, home: hookRepository.home)
        #expect(fixed.status == 0, "pre-commit:\n\(fixed.output)")
        #expect(fixed.output.contains("wfgen lint......"))
        #expect(fixed.output.contains("Passed"), "pre-commit:\n\(fixed.output)")
        #expect(!fixed.output.contains("Installing environment"), "the second run reuses the release build")
    }

    /// wfgen-check runs `swift run wfgen check` in the user's repository, only when its inputs or outputs change.
    /// A stand-in `swift` on PATH records how it was called, so this needs no second build of the package.
    @Test(.timeLimit(.minutes(30)))
    func checkHookRunsSwiftRunInTheUsersRepositoryWhenDefinitionsChange() throws {
        let (user, hookRepository) = try Self.userRepository(hooks: ["wfgen-check"])
        let tools = try TemporaryDirectory()
        let log = tools.url("swift-calls.log").path
        try tools.write("bin/swift", """
            #!/bin/sh
            printf '%s|%s\\n' "$PWD" "$*" >> '\(log)'
            echo '.github/workflows/ci.yml: stale'
            exit 1

            """)
        #expect(try runProcess("/bin/chmod", ["+x", tools.url("bin/swift").path], in: tools.path).status == 0)
        let path = tools.url("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

        try user.write("README.md", "# an app\n")
        let unrelated = try Self.preCommit("wfgen-check", in: user, home: hookRepository.home, path: path)
        #expect(unrelated.status == 0, "pre-commit:\n\(unrelated.output)")
        #expect(unrelated.output.contains("Skipped"), "pre-commit:\n\(unrelated.output)")
        #expect(!FileManager.default.fileExists(atPath: log), "swift must not run when no definition changed")

        try user.write("workflows-src/CI.swift", "import Workflow\n")
        try user.write("generated/app/production/web.json", "{}\n")
        let changed = try Self.preCommit("wfgen-check", in: user, home: hookRepository.home, path: path)
        #expect(changed.status == 1, "pre-commit:\n\(changed.output)")
        #expect(changed.output.contains(".github/workflows/ci.yml: stale"))
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let userPath = URL(fileURLWithPath: user.path).resolvingSymlinksInPath().path
        #expect(calls.count == 1, "one call, with no file names: \(calls)")
        #expect(calls.first.map { URL(fileURLWithPath: String($0.split(separator: "|")[0])).resolvingSymlinksInPath().path } == userPath,
                "runs in the user's repository: \(calls)")
        #expect(calls.first?.hasSuffix("|run wfgen check") == true, "\(calls)")
    }
}

/// The shape of GitHub's "Deploy to Amazon ECS" starter workflow, with two mistakes and their fixes.
enum DeployWorkflow {
    static let broken = workflow(login: "aws ecs get-login-password", wait: "")
    static let fixed = workflow(login: "aws ecr get-login-password", wait: "\n          wait-for-service-stability: true")

    static func workflow(login: String, wait: String) -> String {
        """
        name: Deploy to Amazon ECS
        on:
          push:
            branches: [main]
        permissions:
          contents: read
          id-token: write
        concurrency:
          group: deploy-production
          cancel-in-progress: false
        env:
          AWS_REGION: us-east-1
          REGISTRY: 123456789012.dkr.ecr.us-east-1.amazonaws.com
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: production
            steps:
              - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
              - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/deploy-web
                  aws-region: ${{ env.AWS_REGION }}
              - name: Build and push the image to Amazon ECR
                id: build-image
                run: |
                  \(login) --region "$AWS_REGION" | docker login --username AWS --password-stdin "$REGISTRY"
                  docker build -t "$REGISTRY/web:$GITHUB_SHA" .
                  docker push "$REGISTRY/web:$GITHUB_SHA"
                  echo "image=$REGISTRY/web:$GITHUB_SHA" >> "$GITHUB_OUTPUT"
              - name: Render the new image into the task definition
                id: task-def
                uses: aws-actions/amazon-ecs-render-task-definition@138c24f321fdbdf7edee4a685519d253cae2cdea # v1.9.0
                with:
                  task-definition: .aws/task-definition.json
                  container-name: web
                  image: ${{ steps.build-image.outputs.image }}
              - name: Deploy the task definition to Amazon ECS
                uses: aws-actions/amazon-ecs-deploy-task-definition@c465972ecbd160473f22e683363b422a5412a3de # v2.6.3
                with:
                  task-definition: ${{ steps.task-def.outputs.task-definition }}
                  service: web
                  cluster: production\(wait)

        """
    }

    static let taskDefinition = """
        {
          "family": "web",
          "requiresCompatibilities": ["FARGATE"],
          "networkMode": "awsvpc",
          "cpu": "512",
          "memory": "1024",
          "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
          "containerDefinitions": [
            {
              "name": "web",
              "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:initial",
              "essential": true,
              "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
              "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60},
              "logConfiguration": {
                "logDriver": "awslogs",
                "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}
              }
            }
          ]
        }

        """

    static let workerWithoutHealthCheck = worker(healthCheck: "")
    static let workerWithHealthCheck = worker(
        healthCheck: ", \"healthCheck\": {\"command\": [\"CMD\", \"/bin/healthcheck\"], \"interval\": 10, \"timeout\": 3, \"retries\": 3}")

    static func worker(healthCheck: String) -> String {
        """
        {
          "family": "worker",
          "networkMode": "bridge",
          "containerDefinitions": [
            {"name": "worker", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1.4.2", "memory": 512\(healthCheck)}
          ]
        }

        """
    }
}

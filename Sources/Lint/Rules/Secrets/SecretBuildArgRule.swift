/// Secrets passed as Docker build arguments.
public struct SecretBuildArgRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "secret-build-arg",
        family: .secrets,
        severity: .error,
        summary: "A secret is passed to `docker build --build-arg` or build-push-action `build-args`, which bakes it into the image.",
        rationale: """
            Build arguments are recorded in the image's history and metadata (`docker history`, `docker inspect`), \
            so everyone who can pull the image from ECR can read the secret, long after it was rotated.
            """,
        useInstead: """
            Use build secrets: `docker build --secret id=npm,env=NPM_TOKEN` with `RUN --mount=type=secret,id=npm` in \
            the Dockerfile, or build-push-action's `secrets:` input.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    env:
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
                    steps:
                      - run: docker build --build-arg ↓NPM_TOKEN=$NPM_TOKEN -t app .
                      - uses: docker/build-push-action@v6
                        with:
                          build-args: |
                            VERSION=${{ github.sha }}
                            ↓API_KEY=${{ secrets.API_KEY }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker build --build-arg VERSION=${{ github.sha }} --secret id=npm,env=NPM_TOKEN -t app .
                        env:
                          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
                      - uses: docker/build-push-action@v6
                        with:
                          build-args: VERSION=${{ github.sha }}
                          secrets: |
                            api_key=${{ secrets.API_KEY }}
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for step in context.allSteps {
            let taint = SecretTaint(step: step, context: context)
            if let action = step.view.action, action.repository.hasSuffix("/build-push-action"),
               let input = step.view.input("build-args"), let text = input.text {
                let mapped = ScalarText(node: input.value, source: context.source)
                var offset = 0
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let item = String(line)
                    if taint.isTainted(item) {
                        let trimmedStart = item.prefix { $0 == " " }.utf8.count
                        findings.append(Finding("build argument '\(item.trimmingWhitespace().prefix { $0 != "=" })' carries \(taint.source(in: item) ?? "a secret") into the image metadata",
                                                at: mapped.location(in: context.source, from: offset + trimmedStart, to: offset + item.utf8.count)))
                    }
                    offset += item.utf8.count + 1
                }
            }
            guard let script = step.script else { continue }
            for resolved in script.commands {
                // Read in place: copying the command out retains each of its fields, for every command of every script.
                guard let name = resolved.command.name, name.isWord("docker") || name.isWord("podman") || name.isWord("buildah"),
                      resolved.command.words.contains(where: { $0.value.isWord("build") || $0.value.isWord("bud") }) else { continue }
                for word in resolved.command.optionValues(["--build-arg"]) {
                    let value = word.value
                    let tainted: Bool
                    if let eq = value.firstIndex(of: "=") {
                        tainted = taint.isTainted(String(value[value.index(after: eq)...]))
                    } else {
                        tainted = taint.taintedVariables.contains(value)
                    }
                    if tainted {
                        findings.append(Finding("'--build-arg \(value.prefix { $0 != "=" })' carries \(taint.source(in: value) ?? "a secret") into the image metadata", at: context.location(of: word, in: script)))
                    }
                }
            }
        }
        return findings
    }
}

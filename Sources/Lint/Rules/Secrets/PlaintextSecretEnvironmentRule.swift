import YAML

/// Secrets placed into a task definition as plaintext environment variables.
public struct PlaintextSecretEnvironmentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "plaintext-secret-environment",
        family: .secrets,
        severity: .error,
        summary: "A secret is put into the task definition as plaintext: a secret-named or credential-valued `environment` entry, a secret passed to render's `environment-variables`, or a secret written into the JSON with `sed`/`jq`.",
        rationale: """
            Task-definition `environment` values are stored in plaintext and readable by every principal allowed \
            `ecs:DescribeTaskDefinition`, in every revision, forever; they also show in the console. ECS can inject \
            secrets at container start from Secrets Manager or SSM instead.
            """,
        useInstead: """
            Move the value to Secrets Manager or SSM Parameter Store and reference it in the container's \
            `secrets: [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..."}]` (render's `secrets:` input).
            """,
        triggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "environment": [
                        {"name": "LOG_LEVEL", "value": "info"},
                        {"name": "DB_PASSWORD", "value": ↓"hunter2hunter2"}
                      ]
                    }
                  ]
                }
                """, path: "task-definition.json"),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: task-def
                        uses: aws-actions/amazon-ecs-render-task-definition@v1
                        with:
                          task-definition: task-definition.json
                          container-name: web
                          image: web:${{ github.sha }}
                          environment-variables: |
                            LOG_LEVEL=info
                            ↓DB_PASSWORD=${{ secrets.DB_PASSWORD }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "environment": [{"name": "LOG_LEVEL", "value": "info"}],
                      "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}]
                    }
                  ]
                }
                """, path: "task-definition.json"),
        ]
    )

    public func check(taskDefinition context: TaskDefinitionContext) -> [Finding] {
        var findings: [Finding] = []
        for container in context.containers {
            for entry in container["environment"]?.sequence ?? [] {
                guard let name = entry["name"]?.scalar, let valueNode = entry["value"], let value = valueNode.scalar,
                      !value.trimmingWhitespace().isEmpty else { continue }
                if CredentialPatterns.isSecretName(name) {
                    findings.append(Finding("environment variable '\(name)' holds a secret in plaintext ('\(Redaction.mask(value))'); use 'secrets' with 'valueFrom'",
                                            at: context.location(of: valueNode), sensitiveTexts: [value]))
                } else if let match = CredentialPatterns.urlCredential(in: value) {
                    findings.append(Finding("environment variable '\(name)' holds a URL with a plaintext password ('\(Redaction.mask(match.value))'); use 'secrets' with 'valueFrom'",
                                            at: context.location(of: valueNode), sensitiveTexts: [match.value]))
                }
            }
        }
        return findings
    }

    /// True for a JSON file that is a task definition: named like one, or registered/rendered by the workflow.
    static func isTaskDefinitionFile(_ path: String, registered: @autoclosure () -> Set<String>) -> Bool {
        guard path.hasSuffix(".json") else { return false }
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        return name.fastContains("task") || registered().contains(RepositoryPath.normalize(path))
    }

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        // The workflow's task-definition paths are needed only for a JSON file edited by sed, jq or envsubst: rare.
        var registeredPaths: Set<String>?
        func registered() -> Set<String> {
            if let registeredPaths { return registeredPaths }
            let paths = Set(TaskDefinitionReferences.paths(in: context))
            registeredPaths = paths
            return paths
        }
        for step in context.allSteps {
            let taint = SecretTaint(step: step, context: context)
            if step.view.action?.repository == AWSActionCatalog.renderTaskDefinition, let input = step.view.input("environment-variables"),
               let text = input.text {
                let mapped = ScalarText(node: input.value, source: context.source)
                var offset = 0
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let item = String(line)
                    let name = String(item.trimmingWhitespace().prefix { $0 != "=" })
                    let value = String(item.drop { $0 != "=" }.dropFirst())
                    let isLiteral = CredentialPatterns.isSecretName(name) && CredentialPatterns.isLiteralSecretValue(value)
                    if taint.isTainted(value) || isLiteral {
                        let lead = item.prefix { $0 == " " }.utf8.count
                        // A literal value is a secret itself: masked wherever the line is printed.
                        findings.append(Finding("'\(name)' is rendered into the task definition's plaintext environment; pass it with the 'secrets' input (valueFrom) instead",
                                                at: mapped.location(in: context.source, from: offset + lead, to: offset + item.utf8.count),
                                                sensitiveTexts: isLiteral ? [value.trimmingWhitespace()] : []))
                    }
                    offset += item.utf8.count + 1
                }
            }
            guard let script = step.script else { continue }
            for resolved in script.commands {
                // The name refuses most commands before the command (all its fields) is copied out.
                guard let name = resolved.command.name, name.isWord("sed") || name.isWord("jq") || name.isWord("envsubst") else { continue }
                let command = resolved.command
                let files = command.words.map(\.value) + [command.outputTarget?.value].compactMap { $0 }
                let touchesJSON = files.contains { PlaintextSecretEnvironmentRule.isTaskDefinitionFile($0, registered: registered()) }
                let secretWord = command.words.first { taint.isTainted($0.value) }
                let envsubstSecret = name == "envsubst" && !taint.taintedVariables.isEmpty
                if touchesJSON, let word = secretWord ?? (envsubstSecret ? command.words.first : nil) {
                    findings.append(Finding("'\(name)' writes \(taint.source(in: word.value) ?? "a secret") into task-definition JSON, where it is stored in plaintext", at: context.location(of: word, in: script)))
                }
            }
        }
        return findings
    }
}

import YAML

/// Literal credentials in workflows and task definitions.
public struct HardcodedCredentialRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "hardcoded-credential",
        family: .secrets,
        severity: .error,
        summary: "A literal credential is in the file: an AWS access key id or secret key, a GitHub or Slack token, a private key, or a literal password or token value.",
        rationale: """
            Anything committed to a repository is readable by everyone with access to it, forever (history, forks, \
            caches) and is scraped by bots within minutes when public. AWS's documented examples \
            (`AKIAIOSFODNN7EXAMPLE`) and obvious placeholders (`changeme`, `<password>`) are not reported.
            """,
        useInstead: """
            Revoke the credential, then read it from `${{ secrets.NAME }}` (workflows) or from Secrets Manager/SSM \
            through `secrets[].valueFrom` (task definitions); for AWS prefer an OIDC role over keys altogether.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      AWS_ACCESS_KEY_ID: ↓AKIAZ7QX3MPLV4RTW2NB
                      DB_PASSWORD: ↓s3cr3t-Pa55word!
                    steps:
                      - run: docker login -u admin --password ↓hunter2hunter2 registry.example.com
                      - run: |
                          aws configure set aws_secret_access_key ↓wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vLm2PxR4t
                          ↓API_TOKEN=9f8e7d6c5b4a3210 ./deploy.sh
                """),
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "environment": [{"name": "GITHUB_TOKEN", "value": "↓ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"}]
                    }
                  ]
                }
                """, path: "task-definition.json"),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
                      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
                      POSTGRES_PASSWORD: postgres
                    steps:
                      - run: echo "$DB_PASSWORD" | docker login -u admin --password-stdin registry.example.com
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings = HardcodedCredentialRule.scan(context.scalarEntries, source: context.source)
        // Literal keys given to `aws configure set`, and literal secrets assigned to secret-named shell variables.
        // Commands are read by index: destructuring each tuple retained its three references.
        let commands = context.allCommands
        for commandIndex in commands.indices {
            let command = commands[commandIndex].command
            let words = command.command.words
            if words.count > 4, words[0].value.isWord("aws"), words[1].value.isWord("configure"), words[2].value.isWord("set"),
               CredentialPatterns.isSecretName(words[3].value) || words[3].value.hasSuffix("aws_access_key_id"),
               CredentialPatterns.isLiteralSecretValue(words[4].value), CredentialPatterns.matches(in: words[4].value).isEmpty {
                findings.append(Finding("literal '\(words[3].value)' '\(Redaction.mask(words[4].value))' on the command line",
                                        at: context.location(of: words[4], in: commands[commandIndex].script), sensitiveTexts: [words[4].value]))
            }
            for assignment in command.command.assignments {
                guard let eq = ScalarBytes.firstIndexOfEquals(assignment.value) else { continue }
                let name = String(assignment.value[..<eq])
                // The name decides for nearly every assignment: the value is built only for secret names.
                guard CredentialPatterns.isSecretName(name) else { continue }
                let value = String(assignment.value[assignment.value.index(after: eq)...])
                guard CredentialPatterns.isLiteralSecretValue(value), CredentialPatterns.matches(in: value).isEmpty else { continue }
                findings.append(Finding("'\(name)' is set to a literal secret '\(Redaction.mask(value))' in the script",
                                        at: context.location(of: assignment, in: commands[commandIndex].script), sensitiveTexts: [value]))
            }
        }
        // Literal passwords on command lines.
        for commandIndex in commands.indices {
            let command = commands[commandIndex].command
            guard let name = command.command.name, name.isWord("docker") || name.isWord("helm") || name.isWord("podman") else { continue }
            let script = commands[commandIndex].script
            for option in ["--password", "-p"] {
                guard command.command.words.count > 1, command.command.words[1].value == "login" || command.resolved.fastContains("login"),
                      let word = command.command.optionValue(option), CredentialPatterns.isLiteralSecretValue(word.value) else { continue }
                findings.append(Finding("literal password '\(Redaction.mask(word.value))' on the command line", at: context.location(of: word, in: script), sensitiveTexts: [word.value]))
            }
        }
        return findings
    }

    public func check(taskDefinition context: TaskDefinitionContext) -> [Finding] {
        HardcodedCredentialRule.scan(root: context.root, source: context.source)
    }

    /// Token shapes in the given scalars, and literal values under secret-looking keys, with exact positions.
    static func scan(_ scalars: [ScalarEntry], source: SourceText) -> [Finding] {
        var findings: [Finding] = []
        // Most files hold no token shape at all: one pass over the file's bytes then stands for every scalar, and
        // only scalars under a secret-looking key are read.
        let tokensPossible = SourceBytes.with(source) { SourceBytes.mayHideText($0) || CredentialPatterns.mayContainToken($0) }
        // Indexing the struct entries reads each text in place; destructuring tuples copied every node.
        for index in scalars.indices {
            guard tokensPossible || scalars[index].key.map(CredentialPatterns.isSecretName) == true,
                  case .scalar(let text, _) = scalars[index].node.kind else { continue }
            var matched = false
            for match in tokensPossible ? CredentialPatterns.matches(in: text) : [] {
                let mapped = ScalarText(node: scalars[index].node, source: source)
                findings.append(Finding("hard-coded \(match.kind) '\(Redaction.mask(match.value))'",
                                        at: mapped.location(in: source, from: match.range.lowerBound, to: match.range.upperBound),
                                        sensitiveTexts: [match.value]))
                matched = true
            }
            // The key refuses nearly every scalar, and costs less to ask first.
            if !matched, let key = scalars[index].key, text.utf8.count >= 6, CredentialPatterns.isSecretName(key),
               !text.fastContains(" "), !text.fastContains("$"), CredentialPatterns.isLiteralSecretValue(text) {
                findings.append(Finding("'\(key)' is set to a literal secret '\(Redaction.mask(text))'", at: source.location(of: scalars[index].node), sensitiveTexts: [text]))
            }
        }
        return findings
    }

    /// Token shapes in every scalar of a task definition, and literal values under secret-looking keys.
    static func scan(root: Node, source: SourceText) -> [Finding] {
        var findings: [Finding] = []
        var stack: [(node: Node, key: String?)] = [(root, nil)]
        while let (node, key) = stack.popLast() {
            switch node.kind {
            case .scalar(let text, _):
                var matched = false
                for match in CredentialPatterns.matches(in: text) {
                    let mapped = ScalarText(node: node, source: source)
                    findings.append(Finding("hard-coded \(match.kind) '\(Redaction.mask(match.value))'",
                                            at: mapped.location(in: source, from: match.range.lowerBound, to: match.range.upperBound),
                                            sensitiveTexts: [match.value]))
                    matched = true
                }
                if !matched, let key, CredentialPatterns.isSecretName(key), CredentialPatterns.isLiteralSecretValue(text) {
                    findings.append(Finding("'\(key)' is set to a literal secret '\(Redaction.mask(text))'", at: source.location(of: node), sensitiveTexts: [text]))
                }
            case .sequence(let items):
                stack += items.map { ($0, nil) }
            case .mapping(let pairs):
                // Task-definition style {"name": K, "value": V} entries count as key K.
                if let name = pairs.first(where: { $0.key.scalar == "name" })?.value.scalar,
                   let value = pairs.first(where: { $0.key.scalar == "value" })?.value {
                    stack.append((value, name))
                    stack += pairs.filter { $0.key.scalar != "value" }.map { ($0.value, $0.key.scalar) }
                } else {
                    stack += pairs.map { ($0.value, $0.key.scalar) }
                }
            }
        }
        return findings
    }
}

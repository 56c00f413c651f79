/// Secrets written to the job log.
public struct SecretPrintedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "secret-printed",
        family: .secrets,
        severity: .error,
        summary: "A secret (`${{ secrets.X }}` or a variable set from one) is written to the log by `echo`/`printf`, `cat` of a file holding it, `set -x`, or an `env`/`printenv` dump.",
        rationale: """
            GitHub masks a secret's exact value in logs, but not transformed values (base64, JSON-escaped, split \
            across lines), not values derived from it, and not in the raw logs of tools that buffer output. Logs are \
            readable by everyone with read access to the repository and are kept for months.
            """,
        useInstead: """
            Do not print secrets; pass them through environment variables or `--password-stdin`, and print only \
            whether they are set (`[ -n "$TOKEN" ] && echo "token set"`).
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
                    steps:
                      - run: |
                          ↓echo "password is $DB_PASSWORD"
                          ↓printf '%s\\n' "${{ secrets.API_TOKEN }}"
                      - run: |
                          ↓set -x
                          curl -H "Authorization: Bearer $DB_PASSWORD" https://api.example.com
                """),
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      TOKEN: ${{ secrets.API_TOKEN }}
                    steps:
                      - run: |
                          {
                            ↓echo "token: $TOKEN"
                          } >&2
                          ( ↓printf '%s\\n' "$TOKEN" )
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}
                    steps:
                      - run: |
                          echo "$DB_PASSWORD" | docker login -u admin --password-stdin registry.example.com
                          echo "DB_URL=postgres://app:$DB_PASSWORD@db/app" > .env
                          echo "deploying ${{ github.sha }}"
                          set -e
                """),
            RuleExample("""
                on: push
                jobs:
                  token:
                    runs-on: ubuntu-latest
                    env:
                      TOKEN: ${{ secrets.API_TOKEN }}
                    steps:
                      - id: token
                        run: |
                          echo "::add-mask::$TOKEN"
                          printf '::add-mask::%s\\n' "${{ secrets.DB_PASSWORD }}"
                          {
                            printf 'token=%s\\n' "$TOKEN"
                            echo "password=${{ secrets.DB_PASSWORD }}"
                          } >> "$GITHUB_OUTPUT"
                          ( echo "TOKEN=$TOKEN" ) >> "$GITHUB_ENV"
                          { echo "$TOKEN"; } | docker login -u ci --password-stdin registry.example.com
                """),
            RuleExample("""
                on: push
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    env:
                      ECR_REPOSITORY: ${{ secrets.ECR_REPOSITORY }}
                    steps:
                      - run: echo "pushed to $ECR_REPOSITORY (an identifier kept in secrets, not a credential)"
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for step in context.allSteps {
            guard let script = step.script else { continue }
            let taint = SecretTaint(step: step, context: context)
            // Reading the whole script for secrets is needed only for a trace (`set -x`, `bash -x`): rare.
            var usesSecretsMemo: Bool?
            func usesSecrets() -> Bool {
                if let usesSecretsMemo { return usesSecretsMemo }
                let value = taint.isTainted(script.text.text) || !taint.taintedVariables.isEmpty && step.view.env.contains { Expressions.readsSecret($0.text ?? "") }
                usesSecretsMemo = value
                return value
            }
            var secretFiles = Set<String>()
            for resolved in script.commands {
                // The name refuses most commands before the command (all its fields) is copied out.
                guard resolved.command.substitutionDepth == 0, let name = resolved.command.name else { continue }
                switch name.utf8.count {
                case 2: guard name.isWord("sh") else { continue }
                case 3: guard name.isWord("cat") || name.isWord("set") || name.isWord("env") else { continue }
                case 4: guard name.isWord("echo") || name.isWord("bash") else { continue }
                case 6: guard name.isWord("printf") else { continue }
                case 8: guard name.isWord("printenv") else { continue }
                default: continue
                }
                let command = resolved.command
                let redirected = command.redirects.contains { r in
                    (r.op == ">" || r.op == ">>" || r.op == ">|") && !(r.target?.value.hasPrefix("/dev/std") ?? true)
                }
                switch name {
                case "echo", "printf":
                    let tainted = command.words.dropFirst().first { taint.isTainted($0.value) }
                    guard let word = tainted else { continue }
                    // `echo "::add-mask::$TOKEN"` is how a value is masked: the runner reads the command, the log
                    // shows only `***`.
                    if command.arguments.first(where: { !$0.value.hasPrefix("-") })?.value.hasPrefix("::add-mask::") == true { continue }
                    if redirected {
                        if let target = command.outputTarget?.value, !target.fastContains("GITHUB_") { secretFiles.insert(target) }
                        continue
                    }
                    guard !command.pipesOut else { continue }
                    findings.append(Finding("'\(name)' prints \(taint.source(in: word.value) ?? "a secret") to the log", at: context.location(of: command.words[0], in: script)))
                case "cat":
                    if let body = command.hereDocument, taint.isTainted(body.value) {
                        if redirected, let target = command.outputTarget?.value { secretFiles.insert(target); continue }
                        if !command.pipesOut {
                            findings.append(Finding("'cat' prints a here-document holding \(taint.source(in: body.value) ?? "a secret") to the log", at: context.location(of: command.words[0], in: script)))
                        }
                        continue
                    }
                    guard !redirected, !command.pipesOut else { continue }
                    if let file = command.arguments.first(where: { secretFiles.contains($0.value) }) {
                        findings.append(Finding("'cat \(file.value)' prints a file that holds a secret to the log", at: context.location(of: command.words[0], in: script)))
                    }
                case "set":
                    let enablesTrace = command.arguments.contains { arg in
                        (arg.value.hasPrefix("-") && !arg.value.hasPrefix("--") && arg.value.fastContains("x")) || arg.value == "xtrace"
                    }
                    if enablesTrace && usesSecrets() {
                        findings.append(Finding("'set -x' traces every command with its expanded arguments, and this script uses secrets", at: context.location(of: command.words[0], in: script)))
                    }
                case "bash", "sh":
                    if command.arguments.contains(where: { $0.value.hasPrefix("-") && !$0.value.hasPrefix("--") && $0.value.fastContains("x") }) && usesSecrets() {
                        findings.append(Finding("'\(name) -x' traces every command with its expanded arguments, and this step uses secrets", at: context.location(of: command.words[0], in: script)))
                    }
                case "env", "printenv":
                    let stepHasSecrets = (context.workflow.env + context.jobs[step.jobIndex].view.env + step.view.env).contains { Expressions.readsSecret($0.text ?? "") }
                    guard command.arguments.isEmpty, stepHasSecrets, !redirected else { continue }
                    findings.append(Finding("'\(name)' dumps every environment variable, including secrets set in 'env:', to the log", at: context.location(of: command.words[0], in: script)))
                default:
                    continue
                }
            }
        }
        return findings
    }
}

/// Container health checks with values ECS rejects or that cannot work.
public struct HealthcheckOutOfRangeRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "healthcheck-out-of-range",
        family: .health,
        severity: .error,
        summary: "A container `healthCheck` has a value outside AWS's ranges (interval 5–300, timeout 2–60, retries 1–10, startPeriod 0–300), a timeout not below the interval, or a command not starting with `CMD` or `CMD-SHELL`.",
        rationale: """
            `RegisterTaskDefinition` rejects out-of-range values, so the deploy fails at registration; a timeout \
            at or above the interval makes checks overlap, and a command without `CMD`/`CMD-SHELL` is not run as intended.
            """,
        useInstead: """
            `"healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/health || exit 1"], "interval": 30, \
            "timeout": 5, "retries": 3, "startPeriod": 60}`.
            """,
        triggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "healthCheck": {
                        "command": [↓"curl -f http://localhost/"],
                        "interval": ↓600,
                        "timeout": 5,
                        "retries": ↓0
                      }
                    }
                  ]
                }
                """, path: "task-definition.json"),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "healthCheck": {"command": ["CMD", "/bin/health"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 0}
                    }
                  ]
                }
                """, path: "task-definition.json"),
        ]
    )

    public func check(taskDefinition context: TaskDefinitionContext) -> [Finding] {
        var findings: [Finding] = []
        for container in context.containers {
            guard let health = container["healthCheck"], health.mapping != nil else { continue }
            for (field, low, high) in TaskDefinitionSchema.healthCheckRanges {
                guard let node = health[field], let text = node.scalar else { continue }
                guard let value = Int(text) else {
                    findings.append(Finding("healthCheck.\(field) must be an integer, not '\(text)'", at: context.location(of: node)))
                    continue
                }
                if value < low || value > high {
                    findings.append(Finding("healthCheck.\(field) is \(value), outside the allowed range \(low)–\(high)", at: context.location(of: node)))
                }
            }
            let interval = health["interval"]?.scalar.flatMap { Int($0) } ?? 30
            if let timeoutNode = health["timeout"], let timeout = timeoutNode.scalar.flatMap({ Int($0) }), timeout >= interval, timeout <= 60, interval >= 5 {
                findings.append(Finding("healthCheck.timeout (\(timeout)) must be shorter than the interval (\(interval))", at: context.location(of: timeoutNode)))
            }
            if let command = health["command"] {
                if let first = command.sequence?.first {
                    let word = first.scalar ?? ""
                    if word != "CMD" && word != "CMD-SHELL" && word != "NONE" {
                        findings.append(Finding("healthCheck.command must start with \"CMD\" or \"CMD-SHELL\", not '\(word)'", at: context.location(of: first)))
                    }
                } else if command.sequence == nil {
                    findings.append(Finding("healthCheck.command must be a list starting with \"CMD\" or \"CMD-SHELL\"", at: context.location(of: command)))
                }
            }
        }
        return findings
    }
}

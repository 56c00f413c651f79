/// Essential containers without a container health check.
public struct ContainerWithoutHealthcheckRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "container-without-healthcheck",
        family: .health,
        severity: .warning,
        summary: "An essential container (essential true or omitted) in a task definition has no `healthCheck`.",
        rationale: """
            ECS does not use the image's Docker `HEALTHCHECK`; without a container `healthCheck`, a task whose \
            process is up but broken counts as healthy, the deployment circuit breaker cannot trip on it, and \
            "stable" only means "running".
            """,
        useInstead: """
            Add `"healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], \
            "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}` to each essential container.
            """,
        triggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "containerDefinitions": [
                    ↓{
                      "name": "web",
                      "image": "web:1",
                      "essential": true
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
                      "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}
                    },
                    {"name": "migrate", "image": "web:1", "essential": false}
                  ]
                }
                """, path: "task-definition.json"),
        ]
    )

    public func check(taskDefinition context: TaskDefinitionContext) -> [Finding] {
        context.containers.compactMap { container in
            guard TaskDefinitionContext.isEssential(container) else { return nil }
            let health = container["healthCheck"]
            if let health, health.mapping != nil || (health.scalar != nil && health.scalar != "null" && !(health.scalar ?? "").isEmpty) { return nil }
            let name = container["name"]?.scalar.map { "'\($0)'" } ?? "(unnamed)"
            let start = container.start
            return Finding("essential container \(name) has no healthCheck, so ECS cannot tell a broken task from a healthy one",
                           at: SourceLocation(path: context.source.path, line: start.line, column: start.column))
        }
    }
}

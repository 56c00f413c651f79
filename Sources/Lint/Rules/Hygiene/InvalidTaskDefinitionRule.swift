import YAML

/// Task-definition JSON that `RegisterTaskDefinition` rejects or that cannot run as written.
public struct InvalidTaskDefinitionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "invalid-task-definition",
        family: .hygiene,
        severity: .error,
        summary: "The task definition has describe-only or unknown keys, an invalid Fargate cpu/memory pair, Fargate without `awsvpc`, incomplete awslogs options, `valueFrom` inside `environment`, or a render `container-name` that is not one of its containers.",
        rationale: """
            A file copied from `describe-task-definition` carries read-only keys (`taskDefinitionArn`, `revision`, \
            `status`...) that registration rejects or that older deploy actions choke on; unknown keys are typos \
            that silently drop settings; Fargate accepts only fixed cpu/memory pairs, only `awsvpc`, and needs \
            awslogs group, region and stream prefix. A render `container-name` that matches no container fails with \
            "Could not find container definition with matching name".
            """,
        useInstead: """
            Keep only `RegisterTaskDefinition` members (export with `--query taskDefinition` and strip the read-only \
            keys), use a valid Fargate size such as cpu 512 / memory 1024, `networkMode: awsvpc`, and name the \
            container exactly as in `containerDefinitions[].name`.
            """,
        triggeringExamples: [
            RuleExample("""
                {
                  ↓"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
                  "family": "web",
                  "requiresCompatibilities": ["FARGATE"],
                  "networkMode": ↓"bridge",
                  "cpu": "256",
                  "memory": ↓"4096",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "environment": [{"name": "DB", ↓"valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}],
                      "healthCheck": {"command": ["CMD", "true"]}
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
                          container-name: ↓api
                          image: web:${{ github.sha }}
                """, otherFiles: ["task-definition.json": """
                {"family": "web", "containerDefinitions": [{"name": "web", "image": "web:1", "healthCheck": {"command": ["CMD", "true"]}}]}
                """]),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                {
                  "family": "web",
                  "requiresCompatibilities": ["FARGATE"],
                  "networkMode": "awsvpc",
                  "cpu": "512",
                  "memory": "1024",
                  "containerDefinitions": [
                    {
                      "name": "web",
                      "image": "web:1",
                      "logConfiguration": {
                        "logDriver": "awslogs",
                        "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}
                      },
                      "healthCheck": {"command": ["CMD", "true"]}
                    }
                  ]
                }
                """, path: "task-definition.json"),
        ]
    )

    public func check(unparsable source: SourceText, error: YAMLError) -> [Finding] {
        guard source.path.lowercased().hasSuffix(".json") else { return [] }
        let location = SourceLocation(path: source.path, line: error.mark.line, column: error.mark.column)
        if error.context == TaskDefinitionContext.notTaskDefinition {
            return [Finding("this is not a task definition: \(error.message)", at: location)]
        }
        return [Finding("the task definition is not valid JSON: \(error.message)", at: location)]
    }

    public func check(taskDefinition context: TaskDefinitionContext) -> [Finding] {
        var findings: [Finding] = []
        let root = context.root
        for pair in root.mapping ?? [] {
            guard let key = pair.key.scalar else { continue }
            if TaskDefinitionSchema.describeOnly.contains(key) {
                findings.append(Finding("'\(key)' is only returned by DescribeTaskDefinition; remove it (registration rejects or ignores it)", at: context.location(of: pair.key)))
            } else if !TaskDefinitionSchema.members.contains(key) {
                findings.append(Finding("'\(key)' is not a task-definition member", at: context.location(of: pair.key)))
            }
        }
        for container in context.containers {
            for pair in container.mapping ?? [] {
                guard let key = pair.key.scalar, !TaskDefinitionSchema.containerMembers.contains(key) else { continue }
                findings.append(Finding("'\(key)' is not a container-definition member", at: context.location(of: pair.key)))
            }
            for entry in container["environment"]?.sequence ?? [] {
                if let pair = entry.pair("valueFrom") {
                    findings.append(Finding("'valueFrom' belongs in 'secrets', not 'environment': this variable is never set", at: context.location(of: pair.key)))
                }
            }
            if let log = container["logConfiguration"], log["logDriver"]?.scalar == "awslogs" {
                let options = Set((log["options"]?.mapping ?? []).compactMap { $0.key.scalar })
                var required = ["awslogs-group", "awslogs-region"]
                if context.isFargate { required.append("awslogs-stream-prefix") }
                let missing = required.filter { !options.contains($0) }
                if !missing.isEmpty {
                    findings.append(Finding("awslogs is missing \(missing.joined(separator: ", "))", at: context.location(of: log["logDriver"] ?? log)))
                }
            }
        }
        guard context.isFargate else { return findings }
        if let mode = root["networkMode"], mode.scalar != "awsvpc" {
            findings.append(Finding("Fargate requires networkMode 'awsvpc', not '\(mode.scalar ?? "")'", at: context.location(of: mode)))
        } else if root["networkMode"] == nil {
            findings.append(Finding("Fargate requires networkMode 'awsvpc' (the default is 'bridge')", at: context.location(of: root["requiresCompatibilities"] ?? root)))
        }
        if let cpuNode = root["cpu"], let memoryNode = root["memory"], let cpuText = cpuNode.scalar, let memoryText = memoryNode.scalar,
           let cpu = TaskDefinitionSchema.cpuUnits(cpuText), let memory = TaskDefinitionSchema.memoryMiB(memoryText) {
            if let allowed = TaskDefinitionSchema.fargateMemory(forCPU: cpu) {
                if !allowed.contains(memory) {
                    findings.append(Finding("Fargate does not offer cpu \(cpu) with memory \(memory) MiB (allowed: \(allowed.map(String.init).joined(separator: ", ")))", at: context.location(of: memoryNode)))
                }
            } else {
                findings.append(Finding("Fargate task cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384, not \(cpuText)", at: context.location(of: cpuNode)))
            }
        } else if root["cpu"] == nil || root["memory"] == nil {
            findings.append(Finding("Fargate requires task-level 'cpu' and 'memory'", at: context.location(of: root["requiresCompatibilities"] ?? root)))
        }
        return findings
    }

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        for render in context.deployment.renders {
            guard let step = context.step(at: render.position), let nameInput = render.containerName, let raw = nameInput.text else { continue }
            let names = raw.split(separator: ",").map { $0.trimmingWhitespace() }
            if raw.fastContains("$") && !raw.fastContains("${{") {
                findings.append(Finding("container-name '\(raw)' is taken literally: shell variables are not expanded in 'with:' (use ${{ env.NAME }})", at: context.location(of: nameInput.value)))
                continue
            }
            guard let pathInput = render.taskDefinition?.text else { continue }
            let path = step.resolve(pathInput)
            guard !ImageReference.isUnresolved(path), !path.hasPrefix("<rendered:"), let bytes = context.repository.read(path),
                  case .success(let taskDefinition?) = TaskDefinitionContext.parse(SourceText(path: path, bytes: bytes)) else { continue }
            let known = taskDefinition.containerNames
            for name in names.map(step.resolve) where !ImageReference.isUnresolved(name) && !known.contains(name) {
                let list = known.isEmpty ? "it has no named container" : "its containers are \(known.joined(separator: ", "))"
                findings.append(Finding("container-name '\(name)' is not a container in \(path) (\(list))", at: context.location(of: nameInput.value)))
            }
        }
        return findings
    }
}

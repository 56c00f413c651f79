import YAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where something happens: a step of a job, and for scripts the command inside it.
public struct StepPosition: Sendable, Hashable, Comparable {
    /// Job index.
    public let job: Int
    /// Step index in the job.
    public let step: Int
    /// Command index inside the step's script (0 for actions).
    public let command: Int

    public static func < (a: StepPosition, b: StepPosition) -> Bool {
        (a.job, a.step, a.command) < (b.job, b.step, b.command)
    }
}

/// An `aws <service> <operation>` command.
public struct AWSInvocation: Sendable {
    /// Where.
    public let position: StepPosition
    /// The command.
    public let command: ResolvedCommand
    /// The service word (`ecs`, `ecr`...).
    public let service: ShellWord
    /// The operation word, if any.
    public let operation: ShellWord?
    /// For `wait`, the waiter word.
    public let waiter: ShellWord?
}

/// An image pushed to a registry.
public struct ImagePush: Sendable {
    /// Where.
    public let position: StepPosition
    /// The image reference, resolved as far as known.
    public let image: String
    /// Where the reference is written.
    public let location: SourceLocation
}

/// A task-definition render step.
public struct RenderStepFacts: Sendable {
    /// Where.
    public let position: StepPosition
    /// `image:` input.
    public let image: KeyedNode?
    /// `task-definition:` input.
    public let taskDefinition: KeyedNode?
    /// `container-name:` input.
    public let containerName: KeyedNode?
}

/// How an ECS service gets (or is meant to get) a new deployment.
public struct ServiceDeployment: Sendable {
    /// What performs it.
    public enum Kind: Sendable, Hashable {
        /// `amazon-ecs-deploy-task-definition`.
        case deployAction
        /// `aws ecs update-service`.
        case updateService
        /// `aws ecs create-service`.
        case createService
        /// `aws ecs deploy` (CodeDeploy blue/green, waits by itself).
        case codeDeploy
        /// A deploy tool: `ecs deploy`, `ecs-deploy`, `copilot deploy`, `ecspresso deploy`...
        case tool(String)
    }

    /// Where.
    public let position: StepPosition
    /// What.
    public let kind: Kind
    /// Where to report it.
    public let location: SourceLocation
    /// True when the deployment itself waits for the service to become stable.
    public let waits: Bool
    /// True when it names a service (deploy action with `service`).
    public let hasService: Bool
}

/// Deployment-related facts of one workflow, computed once and shared by the rules.
public struct DeploymentFacts: Sendable {
    /// Every `aws ecs|ecr|ecr-public ...` command.
    public let awsCommands: [AWSInvocation]
    /// Every image push.
    public let pushes: [ImagePush]
    /// Where registry logins to ECR happen.
    public let ecrLogins: [StepPosition]
    /// Render steps.
    public let renders: [RenderStepFacts]
    /// Deploy-action steps (`amazon-ecs-deploy-task-definition`), with or without a service.
    public let deployActions: [StepPosition]
    /// Every service deployment.
    public let serviceDeployments: [ServiceDeployment]
    /// Positions that check a deployment afterwards: `aws ecs wait services-stable`, describe-services, curl of a URL.
    public let stabilityWaits: [StepPosition]
    /// Positions that probe the application after a deploy (curl/wget of an URL, describe-services, target health).
    public let postDeployChecks: [StepPosition]
    /// True when the workflow hands deployment to another workflow or a reusable workflow.
    public let handsOffDeployment: Bool
    /// True when names, env or steps of the workflow mention ECS.
    public let mentionsECS: Bool
    /// Which jobs need which, directly or transitively.
    public let jobOrder: JobOrder
    /// Indexes built on first use (see `DeploymentQueries.swift`), so rules asking per deployment stay linear.
    let indexes: LazyValue<DeploymentIndexes>

    /// True when the workflow deploys to ECS (updates, creates or runs something on ECS).
    public var deploysToECS: Bool {
        !serviceDeployments.isEmpty || !deployActions.isEmpty
            || awsCommands.contains { $0.service.value == "ecs" && ["register-task-definition", "run-task", "update-service", "create-service", "deploy"].contains($0.operation?.value ?? "") }
    }

    /// True when `later` runs after `earlier`: same job and later, or in a job that needs `earlier`'s job.
    public func runs(_ later: StepPosition, after earlier: StepPosition) -> Bool {
        if later.job == earlier.job { return later > earlier }
        return jobOrder.job(later.job, needs: earlier.job)
    }

    /// Reads the facts of `jobs`; `mentionsECS` comes from the context's one walk over every scalar.
    init(jobs: [JobFacts], source: SourceText, mentionsECS: Bool) {
        let inputs = StepInputLocator(source: source)
        var aws: [AWSInvocation] = []
        var pushes: [ImagePush] = []
        var logins: [StepPosition] = []
        var renders: [RenderStepFacts] = []
        var deployActions: [StepPosition] = []
        var deployments: [ServiceDeployment] = []
        var waits: [StepPosition] = []
        var checks: [StepPosition] = []
        var handsOff = false

        let idsByName = Dictionary(jobs.map { ($0.view.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        var needs: [[Int]] = Array(repeating: [], count: jobs.count)
        for job in jobs {
            needs[job.index] = job.view.needs.compactMap { idsByName[$0.name] }
            if job.view.uses != nil { handsOff = true }
        }

        for job in jobs where !job.view.isDisabled {
            // Steps that can never run (`if: false`) deploy nothing.
            for step in job.steps where !step.view.isDisabled {
                let stepPosition = StepPosition(job: job.index, step: step.view.index, command: 0)
                if let action = step.view.action {
                    DeploymentFacts.readAction(action, step: step, position: stepPosition, inputs: inputs, pushes: &pushes, logins: &logins,
                                               renders: &renders, deployActions: &deployActions, deployments: &deployments,
                                               handsOff: &handsOff)
                }
                guard let script = step.script else { continue }
                let locator = SourceLocator(script: script, source: source)
                for resolved in script.commands {
                    let position = StepPosition(job: job.index, step: step.view.index, command: resolved.index)
                    // The command struct stays in its class until a finding needs it (copying it retained every field).
                    guard let name = resolved.command.name else { continue }
                    let base = name.fastContains("/") ? (name.split(separator: "/").last.map(String.init) ?? name) : name
                    // Most commands (echo, cd, npm...) are none of the cases below: one hash instead of a compare per case.
                    guard DeploymentFacts.commandNames.contains(base) else { continue }
                    switch base {
                    case "aws":
                        guard let invocation = DeploymentFacts.awsInvocation(resolved, position: position) else { continue }
                        aws.append(invocation)
                        let service = invocation.service.value
                        let operation = invocation.operation?.value ?? ""
                        if service == "ecr" || service == "ecr-public", operation == "get-login-password" || operation == "get-login" {
                            logins.append(position)
                        }
                        guard service == "ecs" else {
                            if service == "elbv2" && operation == "describe-target-health" { checks.append(position) }
                            continue
                        }
                        switch operation {
                        case "update-service":
                            deployments.append(ServiceDeployment(position: position, kind: .updateService,
                                location: locator.location(resolved.command), waits: false, hasService: resolved.command.has(flag: "--service")))
                        case "create-service":
                            deployments.append(ServiceDeployment(position: position, kind: .createService,
                                location: locator.location(resolved.command), waits: false, hasService: true))
                        case "deploy":
                            deployments.append(ServiceDeployment(position: position, kind: .codeDeploy,
                                location: locator.location(resolved.command), waits: true, hasService: true))
                        case "wait":
                            if let waiter = invocation.waiter?.value, waiter == "services-stable" || waiter == "tasks-running" {
                                waits.append(position)
                            }
                        case "describe-services", "describe-service-deployments", "list-service-deployments", "describe-tasks":
                            checks.append(position)
                        default:
                            break
                        }
                    case "docker", "podman", "docker-compose":
                        DeploymentFacts.readDocker(resolved, position: position, locator: locator, pushes: &pushes, logins: &logins)
                    case "ecs", "ecs-deploy", "copilot", "ecspresso", "ecs-cli", "cdk", "ecs-tool":
                        let words = resolved.resolved
                        let isDeploy = words.fastContains("deploy") || (base == "ecs-cli" && words.fastContains("up")) || base == "ecs-deploy"
                        guard isDeploy, base != "cdk" else { continue }
                        let noWait = words.fastContains("--no-wait") || words.fastContains("--detach") || words.fastContains("--timeout=-1")
                            || (base == "ecspresso" && words.fastContains("--no-wait"))
                        deployments.append(ServiceDeployment(position: position, kind: .tool(base), location: locator.location(resolved.command),
                                                             waits: !noWait, hasService: true))
                    case "curl", "wget", "http", "httpie":
                        if resolved.resolved.contains(where: { $0.fastContains("http://") || $0.fastContains("https://") || $0.fastContains("health") }) {
                            checks.append(position)
                        }
                    case "gh":
                        if resolved.resolved.count > 2, resolved.resolved[1] == "workflow", resolved.resolved[2] == "run" { handsOff = true }
                    default:
                        break
                    }
                }
            }
        }
        self.awsCommands = aws
        self.pushes = pushes
        self.ecrLogins = logins
        self.renders = renders
        self.deployActions = deployActions
        self.serviceDeployments = deployments
        self.stabilityWaits = waits
        self.postDeployChecks = checks
        self.handsOffDeployment = handsOff
        self.jobOrder = JobOrder(needs: needs)
        self.indexes = LazyValue { [aws, waits, checks, deployments] in
            DeploymentIndexes(awsCommands: aws, stabilityWaits: waits, postDeployChecks: checks, deployments: deployments)
        }
        self.mentionsECS = mentionsECS
    }

    /// Every command name the command switch of `init` has a case for.
    private static let commandNames: Set<String> = ["aws", "docker", "podman", "docker-compose", "ecs", "ecs-deploy", "copilot",
                                                    "ecspresso", "ecs-cli", "cdk", "ecs-tool", "curl", "wget", "http", "httpie", "gh"]

    /// Reads the facts an action step contributes.
    private static func readAction(_ action: ActionReference, step: StepFacts, position: StepPosition, inputs: StepInputLocator,
                                   pushes: inout [ImagePush], logins: inout [StepPosition], renders: inout [RenderStepFacts],
                                   deployActions: inout [StepPosition], deployments: inout [ServiceDeployment],
                                   handsOff: inout Bool) {
        let view = step.view
        switch action.repository {
        case AWSActionCatalog.ecrLogin:
            logins.append(position)
        case "docker/login-action":
            let registry = view.input("registry").map { step.resolve($0.text ?? "") } ?? ""
            if ImageReference.classify(host: registry) == .ecrPrivate || ImageReference.classify(host: registry) == .ecrPublic
                || registry.fastContains("ecr") || view.input("ecr")?.text == "true" {
                logins.append(position)
            }
        case "docker/build-push-action", "depot/build-push-action":
            let push = view.input("push").map { step.resolve($0.text ?? "") } ?? "false"
            guard push != "false", push != "" else { return }
            if let tags = view.input("tags") {
                for (tag, node) in inputs.items(of: tags.value) {
                    pushes.append(ImagePush(position: position, image: step.resolve(tag), location: inputs.location(of: tag, node: node)))
                }
            }
        case AWSActionCatalog.renderTaskDefinition:
            renders.append(RenderStepFacts(position: position, image: view.input("image"),
                                           taskDefinition: view.input("task-definition"), containerName: view.input("container-name")))
        case AWSActionCatalog.deployTaskDefinition:
            deployActions.append(position)
            let service = view.input("service")
            let wait = view.input("wait-for-service-stability").map { step.resolve($0.text ?? "").lowercased() == "true" } ?? false
            if service != nil {
                deployments.append(ServiceDeployment(position: position, kind: .deployAction, location: inputs.stepHead(step),
                                                     waits: wait, hasService: true))
            }
        case "benc-uk/workflow-dispatch", "peter-evans/repository-dispatch", "convictional/trigger-workflow-and-wait",
             "aurelien-baudet/workflow-dispatch", "the-actions-org/workflow-dispatch":
            handsOff = true
        default:
            // A local or third-party action that deploys to ECS by name (`./.github/actions/deploy-ecs`), or that
            // updates a service and is given an ECS cluster (`./.github/actions/update-service` with `ecs-cluster`).
            let lowered = action.name
            // The cheap name test first: most actions deploy nothing and need no ECS-word scan of their inputs.
            if lowered.fastContains("deploy") || lowered.fastContains("update-service"),
               DeploymentFacts.containsECSWord(lowered)
                || view.with.contains(where: { DeploymentFacts.containsECSWord($0.name) && $0.name.lowercased().fastContains("cluster") }) {
                deployments.append(ServiceDeployment(position: position, kind: .tool(lowered), location: inputs.stepHead(step),
                                                     waits: true, hasService: true))
                return
            }
            // Third-party ECR push actions (e.g. kciter/aws-ecr-action) log in and push by themselves.
            let name = lowered
            if name.fastContains("ecr") && (name.fastContains("push") || name.fastContains("ecr-action")) {
                logins.append(position)
                let repo = view.input("repo") ?? view.input("repository")
                pushes.append(ImagePush(position: position, image: ImageReference.ecrLoginRegistry + "/" + (repo?.text ?? "image"),
                                        location: inputs.stepHead(step)))
            }
        }
    }

    /// Reads `docker push`, `docker buildx build --push`, `docker login`.
    private static func readDocker(_ resolved: ResolvedCommand, position: StepPosition, locator: SourceLocator,
                                   pushes: inout [ImagePush], logins: inout [StepPosition]) {
        let command = resolved.command
        let words = resolved.resolved
        guard words.count >= 2 else { return }
        var sub = 1
        if words[1] == "image" || words[1] == "buildx" { sub = 2 }
        guard sub < words.count else { return }
        switch words[sub] {
        case "push":
            if let index = (sub + 1..<words.count).first(where: { !words[$0].hasPrefix("-") }) {
                pushes.append(ImagePush(position: position, image: words[index], location: locator.location(command.words[index])))
            }
        case "build":
            guard words.fastContains("--push") || words.contains(where: { $0.hasPrefix("--output") && $0.fastContains("type=registry") }) else { return }
            for (i, word) in command.words.enumerated() where (word.value == "-t" || word.value == "--tag") && i + 1 < words.count {
                pushes.append(ImagePush(position: position, image: words[i + 1], location: locator.location(command.words[i + 1])))
            }
            for (i, word) in command.words.enumerated() where word.value.hasPrefix("--tag=") {
                pushes.append(ImagePush(position: position, image: String(words[i].dropFirst(6)), location: locator.location(word)))
            }
        case "login":
            let host = words.dropFirst(sub + 1).last { !$0.hasPrefix("-") } ?? ""
            if command.isPipedInto || ImageReference.classify(host: host) == .ecrPrivate || ImageReference.classify(host: host) == .ecrPublic
                || words.contains(where: { $0.fastContains("ecr get-login") || $0.fastContains("get-login-password") }) || host.fastContains("ecr") {
                logins.append(position)
            }
        default:
            break
        }
    }

    /// Parses `aws [global options] <service> <operation> [waiter]`.
    static func awsInvocation(_ resolved: ResolvedCommand, position: StepPosition) -> AWSInvocation? {
        let words = resolved.command.words
        let globalsWithValue: Set<String> = ["--region", "--profile", "--output", "--endpoint-url", "--query",
                                             "--cli-read-timeout", "--cli-connect-timeout", "--color", "--ca-bundle"]
        var i = 1
        var positional: [ShellWord] = []
        while i < words.count && positional.count < 3 {
            let value = words[i].value
            if value.hasPrefix("--") {
                if globalsWithValue.contains(value) { i += 1 }
                if positional.count >= 2 { break }
            } else {
                positional.append(words[i])
            }
            i += 1
        }
        guard let service = positional.first else { return nil }
        let operation = positional.count > 1 ? positional[1] : nil
        let waiter = operation?.value == "wait" && positional.count > 2 ? positional[2] : nil
        return AWSInvocation(position: position, command: resolved, service: service, operation: operation, waiter: waiter)
    }

    /// True when `text` holds `ecs` as a word delimited by non-letters (`amazon-ecs`, `ECS_SERVICE`, `ecs.`).
    public static func containsECSWord(_ text: String) -> Bool {
        // Called for every scalar of every file: read the string's own UTF-8 storage instead of copying it.
        guard text.utf8.count >= 3 else { return false }
        var text = text
        return text.withUTF8 { containsECSWord(bytes: $0) }
    }

    /// False only when `bytes` are UTF-8 (no NUL, which UTF-16 text of ASCII has) and never spell `ecs` in any case,
    /// so no text taken from them without escapes can hold the word.
    static func mayMentionECS(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            if memchr(base, 0, buffer.count) != nil { return true }
            // memchr finds the rare middle letter with vector instructions; only its neighbours are then read.
            func spells(middle: UInt8) -> Bool {
                var offset = 1
                while offset + 1 < buffer.count, let hit = memchr(base + offset, Int32(middle), buffer.count - 1 - offset) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if buffer[at - 1] | 0x20 == 0x65, buffer[at + 1] | 0x20 == 0x73 { return true }
                    offset = at + 1
                }
                return false
            }
            return spells(middle: 0x63) || spells(middle: 0x43)
        }
    }

    private static func containsECSWord(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 3 else { return false }
        // Horspool's skip: the byte under the last letter of a three-byte window says how far the next window
        // that can still hold `ecs` starts, so most bytes are looked at once in three.
        var end = 2
        while end < count {
            switch bytes[end] | 0x20 {
            case 0x73:
                if bytes[end - 1] | 0x20 == 0x63, bytes[end - 2] | 0x20 == 0x65 {
                    let before = end == 2 ? 0x20 : bytes[end - 3]
                    let after = end + 1 < count ? bytes[end + 1] : 0x20
                    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
                    if !isLetter(before) && !isLetter(after) { return true }
                }
                end += 3
            case 0x63: end += 1
            case 0x65: end += 2
            default: end += 3
            }
        }
        return false
    }
}

/// Locates words of one script in the workflow file.
struct SourceLocator {
    let script: Script
    let source: SourceText

    func location(_ word: ShellWord) -> SourceLocation { script.text.location(in: source, from: word.start, to: word.end) }

    func location(_ command: ShellCommand) -> SourceLocation {
        guard let first = command.words.first else { return source.location(of: script.node) }
        let last = command.words.last ?? first
        return script.text.location(in: source, from: first.start, to: last.end)
    }
}

/// Locates items of a list-like `with:` input (`tags:` as a YAML list, a multi-line string or a comma list).
struct StepInputLocator {
    let source: SourceText

    /// Each item's text with the node that holds it.
    func items(of node: Node) -> [(String, Node)] {
        if let list = node.sequence { return list.compactMap { item in item.scalar.map { ($0, item) } } }
        guard let text = node.scalar else { return [] }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "," }).map { ($0.trimmingWhitespace(), node) }.filter { !$0.0.isEmpty }
    }

    /// The location of `item` inside `node`.
    func location(of item: String, node: Node) -> SourceLocation {
        let mapped = ScalarText(node: node, source: source)
        let bytes = Array(mapped.text.utf8)
        let needle = Array(item.utf8)
        if !needle.isEmpty, needle.count <= bytes.count {
            for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
                return mapped.location(in: source, from: start, to: start + needle.count)
            }
        }
        return source.location(of: node)
    }

    /// The first line of a step.
    func stepHead(_ step: StepFacts) -> SourceLocation {
        let start = step.view.node.start
        let length = source.lineText(start.line).count
        return SourceLocation(path: source.path, line: start.line, column: start.column, endLine: start.line,
                              endColumn: max(start.column + 1, length + 1))
    }
}

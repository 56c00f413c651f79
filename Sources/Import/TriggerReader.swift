import Workflow
import YAML

/// `on:` → typed triggers; an event the model cannot hold becomes `Trigger.untyped` with a note.
struct TriggerReader {
    var notes: Notes

    mutating func triggers(_ node: Node) throws(ImportError) -> [Trigger] {
        if case .string(let event) = node.value { return [trigger(event, value: nil, at: node)] }
        if let items = node.sequence {
            var result: [Trigger] = []
            for item in items {
                guard case .string(let event) = item.value else {
                    throw ImportError(.notAWorkflow, "on: lists something that is not an event name", at: item.start)
                }
                result.append(trigger(event, value: nil, at: item))
            }
            return result
        }
        guard let mapping = node.mapping else { throw ImportError(.notAWorkflow, "on: is not an event, list or mapping", at: node.start) }
        var result: [Trigger] = []
        for pair in mapping {
            guard case .string(let event) = pair.key.value else {
                throw ImportError(.notAWorkflow, "on: has a key that is not an event name", at: pair.key.start)
            }
            result.append(trigger(event, value: pair.value, at: pair.key))
        }
        return result
    }

    private mutating func trigger(_ event: String, value: Node?, at node: Node) -> Trigger {
        do {
            return try typed(event, value, key: node)
        } catch {
            let yaml = value?.value ?? .null
            let reason = "on.\(event): \(error.what)"
            notes.add(reason, at: error.mark)
            return .untyped(event: event, UntypedYAML(yaml, reason: reason))
        }
    }

    private func isEmpty(_ node: Node?) -> Bool {
        guard let node else { return true }
        if case .null = node.value { return true }
        if let mapping = node.mapping, mapping.isEmpty { return true }
        return false
    }

    private func typed(_ event: String, _ value: Node?, key: Node) throws(Unsupported) -> Trigger {
        let empty = isEmpty(value)
        let node = value ?? Node(kind: .scalar("", .plain), span: Span(start: .start, end: .start))
        func filters(_ allowed: Set<String>) throws(Unsupported) -> [String: [String]] {
            if empty { return [:] }
            var result: [String: [String]] = [:]
            for (key, value) in try NodeReading.fields(node, "on.\(event)", allowed: allowed) {
                result[key] = try NodeReading.stringList(value, "on.\(event).\(key)")
            }
            return result
        }
        switch event {
        case "push":
            let f = try filters(["branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"])
            return .push(branches: f["branches"] ?? [], branchesIgnore: f["branches-ignore"] ?? [], tags: f["tags"] ?? [],
                         tagsIgnore: f["tags-ignore"] ?? [], paths: f["paths"] ?? [], pathsIgnore: f["paths-ignore"] ?? [])
        case "pull_request", "pull_request_target":
            let f = try filters(["types", "branches", "branches-ignore", "paths", "paths-ignore"])
            let filter = PullRequestFilter(types: f["types"] ?? [], branches: f["branches"] ?? [],
                                           branchesIgnore: f["branches-ignore"] ?? [], paths: f["paths"] ?? [],
                                           pathsIgnore: f["paths-ignore"] ?? [])
            return event == "pull_request" ? .pullRequest(filter) : .pullRequestTarget(filter)
        case "workflow_dispatch":
            if empty { return .workflowDispatch([]) }
            let fields = try NodeReading.fields(node, "on.workflow_dispatch", allowed: ["inputs"])
            guard let inputs = fields["inputs"] else { throw Unsupported("on.workflow_dispatch is not empty but has no inputs", at: node) }
            if inputs.mapping?.isEmpty == true { return .workflowDispatchWithEmptyInputs }
            return .workflowDispatch(try workflowInputs(inputs, dispatch: true))
        case "workflow_call":
            return .workflowCall(try workflowCall(empty ? nil : node))
        case "schedule":
            guard let items = node.sequence, !items.isEmpty else { throw Unsupported("on.schedule is not a list", at: node) }
            var crons: [String] = []
            for item in items {
                let fields = try NodeReading.fields(item, "on.schedule entry", allowed: ["cron"])
                guard let cron = fields["cron"] else { throw Unsupported("on.schedule entry has no cron", at: item) }
                crons.append(try NodeReading.string(cron, "cron"))
            }
            return .schedule(crons)
        case "release":
            return .release(types: try filters(["types"])["types"] ?? [])
        case "merge_group" where empty:
            return .mergeGroup
        case "workflow_run":
            let f = try filters(["workflows", "types", "branches", "branches-ignore"])
            return .workflowRunFiltered(WorkflowRunFilter(workflows: f["workflows"] ?? [], types: f["types"] ?? [],
                                                          branches: f["branches"] ?? [],
                                                          branchesIgnore: f["branches-ignore"] ?? []))
        default:
            guard let known = Trigger.Event(rawValue: event) else {
                throw Unsupported("'\(event)' is not an event GitHub documents", at: key)
            }
            return .activity(known, types: try filters(["types"])["types"] ?? [])
        }
    }

    private func workflowCall(_ node: Node?) throws(Unsupported) -> WorkflowCall {
        guard let node else { return WorkflowCall() }
        let fields = try NodeReading.fields(node, "on.workflow_call", allowed: ["inputs", "outputs", "secrets"])
        var call = WorkflowCall()
        if let inputs = fields["inputs"] {
            if inputs.mapping?.isEmpty == true {
                call.writesEmptyInputs = true
            } else {
                call.inputs = try workflowInputs(inputs, dispatch: false)
            }
        }
        if let outputs = fields["outputs"] {
            guard outputs.mapping?.isEmpty == false else { throw Unsupported("on.workflow_call.outputs is empty", at: outputs) }
            for (name, value) in try NodeReading.pairs(outputs, "outputs") {
                let f = try NodeReading.fields(value, "output '\(name)'", allowed: ["description", "value"])
                guard let expression = f["value"] else { throw Unsupported("output '\(name)' has no value", at: value) }
                call.outputs.append(WorkflowCall.Output(
                    name, description: try f["description"].map { v throws(Unsupported) in try NodeReading.string(v, "description") },
                    value: try NodeReading.expressionValue(expression, "output value")))
            }
        }
        if let secrets = fields["secrets"] {
            guard secrets.mapping?.isEmpty == false else { throw Unsupported("on.workflow_call.secrets is empty", at: secrets) }
            for (name, value) in try NodeReading.pairs(secrets, "secrets") {
                if case .null = value.value {
                    throw Unsupported("secret '\(name)' has no description or required", at: value)
                }
                let f = try NodeReading.fields(value, "secret '\(name)'", allowed: ["description", "required"])
                guard !f.isEmpty else { throw Unsupported("secret '\(name)' is an empty mapping", at: value) }
                var required: Bool?
                if let r = f["required"] {
                    guard case .bool(let b) = r.value else { throw Unsupported("secret required is not a boolean", at: r) }
                    required = b
                }
                call.secrets.append(WorkflowCall.SecretInput(
                    name, description: try f["description"].map { v throws(Unsupported) in try NodeReading.string(v, "description") },
                    required: required))
            }
        }
        return call
    }

    private func workflowInputs(_ node: Node, dispatch: Bool) throws(Unsupported) -> [WorkflowInput] {
        var inputs: [WorkflowInput] = []
        for (name, value) in try NodeReading.pairs(node, "inputs") {
            let f = try NodeReading.fields(value, "input '\(name)'",
                                           allowed: ["description", "required", "type", "default", "options"])
            guard !f.isEmpty else { throw Unsupported("input '\(name)' is empty", at: value) }
            let description = try f["description"].map { v throws(Unsupported) in try NodeReading.string(v, "description") }
            var required: Bool?
            if let r = f["required"] {
                guard case .bool(let b) = r.value else { throw Unsupported("input required is not a boolean", at: r) }
                required = b
            }
            let type = try f["type"].map { v throws(Unsupported) in try NodeReading.string(v, "type") }
            inputs.append(WorkflowInput(name, description: description, required: required,
                                        try kind(type: type, default: f["default"], options: f["options"])))
        }
        return inputs
    }

    private func kind(type: String?, default node: Node?, options: Node?) throws(Unsupported) -> WorkflowInput.Kind {
        let value = node?.value
        let other = WorkflowInput.Kind.other(type: type, default: value,
                                             options: options?.sequence.map { $0.map(\.value) })
        if options != nil, type != "choice" { return other }
        switch (type, value) {
        case (nil, nil): return .untyped(default: nil)
        case (nil, .string(let s)?): return .untyped(default: s)
        case ("string", nil): return .string(default: nil)
        case ("string", .string(let s)?): return .string(default: s)
        case ("boolean", nil): return .boolean(default: nil)
        case ("boolean", .bool(let b)?): return .boolean(default: b)
        case ("number", nil): return .number(default: nil)
        case ("number", .int(let i)?): return .number(default: i)
        case ("environment", nil): return .environment
        case ("choice", _):
            guard let options, let items = options.sequence else { return other }
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item.value else { return other }
                strings.append(s)
            }
            switch value {
            case nil: return .choice(options: strings, default: nil)
            case .string(let s)?: return .choice(options: strings, default: s)
            default: return other
            }
        default: return other
        }
    }
}

/// The `// wfgen import:` notes of one file: what went through an escape hatch or opt-out, and why.
final class Notes {
    private(set) var items: [ImportNote] = []
    func add(_ text: String, at mark: Mark) { items.append(ImportNote(message: text, line: mark.line, column: mark.column)) }
}

/// One note: what went through an escape hatch, and where in the original file.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    /// What and why.
    public let message: String
    /// 1-based line in the original file.
    public let line: Int
    /// 1-based column in the original file.
    public let column: Int
    public var description: String { "\(line):\(column): \(message)" }
}

import YAML

/// A `KEY: value` entry of an `env:` block, `with:` block or similar mapping, with both nodes.
public struct KeyedNode: Sendable, Hashable {
    /// The key's text.
    public let name: String
    /// The key node (for positions).
    public let key: Node
    /// The value node.
    public let value: Node

    /// The value's text when it is a scalar.
    public var text: String? { value.scalar }
}

/// A tolerant view of a GitHub Actions workflow: every field optional, every wrong shape ignored (other rules
/// report it), every value keeps its node so positions stay exact.
public struct WorkflowView: Sendable {
    /// The root mapping.
    public let root: Node
    /// `name:`.
    public let name: Node?
    /// Trigger names with their nodes (`on: push`, `on: [push]`, `on: {push: ...}`).
    public let events: [KeyedNode]
    /// The `on:` pair, if any.
    public let onPair: Node.Pair?
    /// Workflow-level `permissions:`.
    public let permissions: Node?
    /// Workflow-level `env:`.
    public let env: [KeyedNode]
    /// Workflow-level `concurrency:`.
    public let concurrency: Node?
    /// The `jobs:` pair, if any.
    public let jobsPair: Node.Pair?
    /// Jobs in source order.
    public let jobs: [JobView]

    /// Builds the view; never fails.
    public init(root: Node) {
        self.root = root
        name = root["name"]
        let on = root.pair("on") ?? root.pair("true")
        onPair = on
        var events: [KeyedNode] = []
        if let value = on?.value {
            switch value.kind {
            case .scalar(let text, _):
                events.append(KeyedNode(name: text, key: value, value: value))
            case .sequence(let items):
                for item in items { if let text = item.scalar { events.append(KeyedNode(name: text, key: item, value: item)) } }
            case .mapping:
                events = WorkflowView.entries(of: value)
            }
        }
        self.events = events
        permissions = root["permissions"]
        env = WorkflowView.entries(of: root["env"])
        concurrency = root["concurrency"]
        jobsPair = root.pair("jobs")
        jobs = WorkflowView.entries(of: jobsPair?.value).map { JobView(id: $0.name, key: $0.key, node: $0.value) }
    }

    /// The job with the given id.
    public func job(_ id: String) -> JobView? { jobs.first { $0.id == id } }

    /// True when the workflow can be called by other workflows (`on: workflow_call`).
    public var isReusable: Bool { events.contains { $0.name == "workflow_call" } }

    /// True for an `if:` that can never be true: `false`, `${{ false }}`, `... && false`, `false && ...`.
    public static func isAlwaysFalse(_ condition: Node?) -> Bool {
        guard var text = condition?.scalar?.trimmingWhitespace() else { return false }
        if text.hasPrefix("${{") && text.hasSuffix("}}") { text = String(text.dropFirst(3).dropLast(2)).trimmingWhitespace() }
        return text == "false" || text.hasSuffix("&& false") || text.hasPrefix("false &&")
    }

    /// The scalar-keyed entries of a mapping node (empty for anything else).
    public static func entries(of node: Node?) -> [KeyedNode] {
        guard let node else { return [] }
        return entries(in: node)
    }

    /// `entries(of:)` of a node at hand (wrapping it in an optional copied it).
    static func entries(in node: Node) -> [KeyedNode] {
        guard case .mapping(let pairs) = node.kind else { return [] }
        var entries: [KeyedNode] = []
        entries.reserveCapacity(pairs.count)
        for index in pairs.indices {
            guard case .scalar(let name, _) = pairs[index].key.kind else { continue }
            entries.append(KeyedNode(name: name, key: pairs[index].key, value: pairs[index].value))
        }
        return entries
    }
}

/// One job of a workflow (a class: jobs are copied into facts and iterated by every rule, and a struct's copy
/// retained each of its many node fields).
public final class JobView: Sendable {
    /// The job id (its key under `jobs:`).
    public let id: String
    /// The key node.
    public let key: Node
    /// The job's mapping.
    public let node: Node
    /// `name:`.
    public let name: Node?
    /// `needs:` targets with their nodes.
    public let needs: [KeyedNode]
    /// Job-level `permissions:`.
    public let permissions: Node?
    /// Job-level `env:`.
    public let env: [KeyedNode]
    /// Job-level `concurrency:`.
    public let concurrency: Node?
    /// `uses:` of a job that calls a reusable workflow.
    public let uses: Node?
    /// `with:` of a reusable-workflow call.
    public let with: [KeyedNode]
    /// `outputs:`.
    public let outputs: [KeyedNode]
    /// `environment:` (a name or a mapping with `name`).
    public let environment: Node?
    /// Steps in order.
    public let steps: [StepView]
    /// True when the job's `if:` is always false: it never runs.
    public let isDisabled: Bool

    init(id: String, key: Node, node: Node) {
        self.id = id
        self.key = key
        self.node = node
        let pairs: [Node.Pair]
        if case .mapping(let found) = node.kind { pairs = found } else { pairs = [] }
        // One pass over the job's keys noting where each is; the nodes are then taken once, straight into the
        // properties (optional node locals cost a copy and a destroy each).
        var nameAt = -1, needsAt = -1, permissionsAt = -1, envAt = -1, concurrencyAt = -1, usesAt = -1
        var withAt = -1, outputsAt = -1, environmentAt = -1, stepsAt = -1, conditionAt = -1
        for at in pairs.indices {
            guard case .scalar(let key, _) = pairs[at].key.kind else { continue }
            switch key {
            case "name": nameAt = at
            case "needs": needsAt = at
            case "permissions": permissionsAt = at
            case "env": envAt = at
            case "concurrency": concurrencyAt = at
            case "uses": usesAt = at
            case "with": withAt = at
            case "outputs": outputsAt = at
            case "environment": environmentAt = at
            case "steps": stepsAt = at
            case "if": conditionAt = at
            default: break
            }
        }
        name = nameAt >= 0 ? pairs[nameAt].value : nil
        var needs: [KeyedNode] = []
        if needsAt >= 0 {
            let value = pairs[needsAt].value
            if let text = value.scalar {
                needs.append(KeyedNode(name: text, key: value, value: value))
            } else if let items = value.sequence {
                for item in items { if let text = item.scalar { needs.append(KeyedNode(name: text, key: item, value: item)) } }
            }
        }
        self.needs = needs
        permissions = permissionsAt >= 0 ? pairs[permissionsAt].value : nil
        env = envAt >= 0 ? WorkflowView.entries(in: pairs[envAt].value) : []
        concurrency = concurrencyAt >= 0 ? pairs[concurrencyAt].value : nil
        uses = usesAt >= 0 ? pairs[usesAt].value : nil
        with = withAt >= 0 ? WorkflowView.entries(in: pairs[withAt].value) : []
        outputs = outputsAt >= 0 ? WorkflowView.entries(in: pairs[outputsAt].value) : []
        environment = environmentAt >= 0 ? pairs[environmentAt].value : nil
        var views: [StepView] = []
        if stepsAt >= 0, case .sequence(let items) = pairs[stepsAt].value.kind {
            views.reserveCapacity(items.count)
            for index in items.indices { views.append(StepView(index: index, node: items[index])) }
        }
        self.steps = views
        isDisabled = conditionAt >= 0 && WorkflowView.isAlwaysFalse(pairs[conditionAt].value)
    }

    /// The job's display name, or its id.
    public var displayName: String { name?.scalar ?? id }
}

/// One step of a job (a class for the same reason as `JobView`; steps are the most numerous views).
public final class StepView: Sendable {
    /// 0-based position in the job.
    public let index: Int
    /// The step's mapping.
    public let node: Node
    /// `id:`.
    public let id: String?
    /// `name:`.
    public let name: Node?
    /// `uses:` node.
    public let usesNode: Node?
    /// The parsed `uses:` reference.
    public let action: ActionReference?
    /// `with:` entries.
    public let with: [KeyedNode]
    /// The `with:` mapping node.
    public let withNode: Node?
    /// `run:` script node.
    public let run: Node?
    /// Step-level `env:`.
    public let env: [KeyedNode]

    init(index: Int, node: Node) {
        self.index = index
        self.node = node
        let pairs: [Node.Pair]
        if case .mapping(let found) = node.kind { pairs = found } else { pairs = [] }
        // One pass over the step's keys (steps are the most numerous mappings) noting where each is, as in `JobView`.
        var idAt = -1, nameAt = -1, usesAt = -1, withAt = -1, runAt = -1, envAt = -1, conditionAt = -1
        for at in pairs.indices {
            guard case .scalar(let key, _) = pairs[at].key.kind else { continue }
            switch key {
            case "id": idAt = at
            case "name": nameAt = at
            case "uses": usesAt = at
            case "with": withAt = at
            case "run": runAt = at
            case "env": envAt = at
            case "if": conditionAt = at
            default: break
            }
        }
        id = idAt >= 0 ? pairs[idAt].value.scalar : nil
        name = nameAt >= 0 ? pairs[nameAt].value : nil
        usesNode = usesAt >= 0 ? pairs[usesAt].value : nil
        if usesAt >= 0, case .scalar(let text, _) = pairs[usesAt].value.kind {
            action = ActionReference(parsing: text)
        } else {
            action = nil
        }
        withNode = withAt >= 0 ? pairs[withAt].value : nil
        with = withAt >= 0 ? WorkflowView.entries(in: pairs[withAt].value) : []
        run = runAt >= 0 ? pairs[runAt].value : nil
        env = envAt >= 0 ? WorkflowView.entries(in: pairs[envAt].value) : []
        isDisabled = conditionAt >= 0 && WorkflowView.isAlwaysFalse(pairs[conditionAt].value)
    }

    /// True when the step's `if:` is always false (`if: false`, `${{ ... && false }}`): it never runs.
    public let isDisabled: Bool

    /// The `with:` value for `key`.
    public func input(_ key: String) -> KeyedNode? { with.first { $0.name == key } }

    /// A short label for messages: the name, the id, or the action.
    public var label: String {
        if let text = name?.scalar { return "'\(text)'" }
        if let id { return "'\(id)'" }
        if let action { return action.repository }
        return "step \(index + 1)"
    }
}

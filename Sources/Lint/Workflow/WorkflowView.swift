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
        guard case .mapping(let pairs)? = node?.kind else { return [] }
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
        var name: Node?, needsNode: Node?, permissions: Node?, env: Node?, concurrency: Node?, uses: Node?
        var with: Node?, outputs: Node?, environment: Node?, steps: Node?, condition: Node?
        // One pass over the job's keys, read in place (iterating the pairs copied each one).
        if case .mapping(let pairs) = node.kind {
            for index in pairs.indices {
                guard case .scalar(let key, _) = pairs[index].key.kind else { continue }
                switch key {
                case "name": name = pairs[index].value
                case "needs": needsNode = pairs[index].value
                case "permissions": permissions = pairs[index].value
                case "env": env = pairs[index].value
                case "concurrency": concurrency = pairs[index].value
                case "uses": uses = pairs[index].value
                case "with": with = pairs[index].value
                case "outputs": outputs = pairs[index].value
                case "environment": environment = pairs[index].value
                case "steps": steps = pairs[index].value
                case "if": condition = pairs[index].value
                default: break
                }
            }
        }
        self.name = name
        var needs: [KeyedNode] = []
        if let value = needsNode {
            if let text = value.scalar {
                needs.append(KeyedNode(name: text, key: value, value: value))
            } else if let items = value.sequence {
                for item in items { if let text = item.scalar { needs.append(KeyedNode(name: text, key: item, value: item)) } }
            }
        }
        self.needs = needs
        self.permissions = permissions
        self.env = WorkflowView.entries(of: env)
        self.concurrency = concurrency
        self.uses = uses
        self.with = WorkflowView.entries(of: with)
        self.outputs = WorkflowView.entries(of: outputs)
        self.environment = environment
        var views: [StepView] = []
        if case .sequence(let items)? = steps?.kind {
            views.reserveCapacity(items.count)
            for index in items.indices { views.append(StepView(index: index, node: items[index])) }
        }
        self.steps = views
        isDisabled = WorkflowView.isAlwaysFalse(condition)
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
        var id: String?, name: Node?, uses: Node?, with: Node?, run: Node?, env: Node?, condition: Node?
        // One pass over the step's keys (steps are the most numerous mappings), read in place.
        if case .mapping(let pairs) = node.kind {
            for index in pairs.indices {
                guard case .scalar(let key, _) = pairs[index].key.kind else { continue }
                switch key {
                case "id": id = pairs[index].value.scalar
                case "name": name = pairs[index].value
                case "uses": uses = pairs[index].value
                case "with": with = pairs[index].value
                case "run": run = pairs[index].value
                case "env": env = pairs[index].value
                case "if": condition = pairs[index].value
                default: break
                }
            }
        }
        self.id = id
        self.name = name
        usesNode = uses
        action = uses?.scalar.flatMap(ActionReference.init(parsing:))
        withNode = with
        self.with = WorkflowView.entries(of: with)
        self.run = run
        self.env = WorkflowView.entries(of: env)
        isDisabled = WorkflowView.isAlwaysFalse(condition)
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

import YAML

/// Presents a composite action (`action.yml` with `runs: {using: composite, steps: ...}`) to the rules as
/// a workflow with one job, so every step rule reads its steps — with the original node positions.
///
/// An action has no triggers, jobs, concurrency or permissions of its own (its caller's job has them),
/// so rules about those check `WorkflowContext.isCompositeAction` and stay quiet.
enum CompositeAction {
    /// The id of the one job an action's steps are shown as.
    static let jobID = "composite-action"

    /// True when the document is an action definition rather than a workflow.
    static func isAction(_ root: Node) -> Bool {
        root.pair("jobs") == nil && root["runs"]?.mapping != nil
    }

    /// The workflow-shaped view of an action: its `inputs` as `workflow_call` inputs (so their defaults resolve)
    /// and its `runs.steps` as the steps of one job. Synthetic keys take the position of `runs:`.
    static func workflowRoot(of root: Node) -> Node {
        guard let runs = root.pair("runs") else { return root }
        let at = runs.key.span
        func key(_ text: String) -> Node { Node(kind: .scalar(text, .plain), span: at) }

        var pairs: [Node.Pair] = []
        if let name = root.pair("name") { pairs.append(name) }
        var call: [Node.Pair] = []
        if let inputs = root.pair("inputs") { call.append(inputs) }
        let on = Node(kind: .mapping([Node.Pair(key: key("workflow_call"), value: Node(kind: .mapping(call), span: at))]), span: at)
        pairs.append(Node.Pair(key: key("on"), value: on))
        var jobs: [Node.Pair] = []
        if let steps = runs.value.pair("steps") {
            let job = Node(kind: .mapping([steps]), span: runs.value.span)
            jobs.append(Node.Pair(key: key(jobID), value: job))
        }
        pairs.append(Node.Pair(key: key("jobs"), value: Node(kind: .mapping(jobs), span: runs.value.span)))
        return Node(kind: .mapping(pairs), span: root.span)
    }
}

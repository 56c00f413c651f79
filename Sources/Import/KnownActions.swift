import Workflow
import YAML

/// Typed bindings for the actions wfgen knows, when every input of the original fits the binding exactly;
/// otherwise the caller keeps the generic `uses` step.
enum KnownActions {
    /// A typed `actions/checkout` step for `reference` with `inputs`, or nil when an input does not fit.
    static func checkout(_ reference: ActionReference, inputs: OrderedPairs<InputValue>, name: String?, id: String?,
                         condition: Expression?, env: OrderedPairs<InputValue>,
                         continueOnError: LiteralOrExpression<Bool>?, timeoutMinutes: LiteralOrExpression<Int>?) -> Step? {
        guard reference.action == "actions/checkout" else { return nil }
        var checkout = Checkout(persistCredentials: nil)
        for (key, value) in inputs {
            switch (key, value) {
            case ("repository", .string(let s)): checkout.repository = s
            case ("ref", .string(let s)): checkout.ref = s
            case ("token", .secret(let secret)): checkout.token = secret
            case ("ssh-key", .secret(let secret)): checkout.sshKey = secret
            case ("persist-credentials", .bool(let b)): checkout.persistCredentials = b
            case ("path", .string(let s)): checkout.path = s
            case ("clean", .bool(let b)): checkout.clean = b
            case ("filter", .string(let s)): checkout.filter = s
            case ("fetch-depth", .int(let i)): checkout.fetchDepth = i
            case ("fetch-tags", .bool(let b)): checkout.fetchTags = b
            case ("lfs", .bool(let b)): checkout.lfs = b
            case ("submodules", .string(let s)):
                guard let literal = s.literalText, let mode = Checkout.Submodules(rawValue: literal) else { return nil }
                checkout.submodules = mode
            default: return nil
            }
        }
        let step = Step.uses(checkout, at: reference, name: name, id: id, if: condition, env: env,
                             continueOnError: continueOnError, timeoutMinutes: timeoutMinutes).step
        // The binding must write back exactly the inputs the original gave.
        let written = step.actionInputs.map { "\($0.0)=\(WorkflowRendererBridge.text($0.1))" }.sorted()
        let given = inputs.map { "\($0.0)=\(WorkflowRendererBridge.text($0.1))" }.sorted()
        return written == given ? step : nil
    }
}

/// The text a `with:` value renders to, for comparing a binding's inputs with the original's.
enum WorkflowRendererBridge {
    static func text(_ value: InputValue) -> String {
        switch value {
        case .string(let s), .plaintext(let s): "s:" + s.rendered
        case .bool(.literal(let b)): "b:\(b)"
        case .bool(.expression(let e)): "s:" + e.rendered
        case .int(.literal(let i)): "i:\(i)"
        case .int(.expression(let e)): "s:" + e.rendered
        case .secret(let secret): "s:" + secret.expression.rendered
        case .lines(let lines): "s:" + lines.map(\.rendered).joined(separator: "\n") + "\n"
        case .float(let d): "f:\(d)"
        case .null: "null"
        }
    }
}

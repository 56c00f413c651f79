/// A typed binding of one action: its pin, its inputs as Swift properties, its outputs as an enum.
///
/// Required inputs are non-optional initializer parameters; optional ones default to `nil` and are
/// not written. The binding turns itself into `with:` pairs in the action's documented order.
public protocol ActionBinding: Sendable {
    /// The action's outputs.
    associatedtype Output: RawRepresentable<String>
    /// The pinned action.
    static var pin: ActionPin { get }
    /// The `with:` pairs, in the order of the action's `action.yml`; nil values are skipped.
    var inputs: [(String, InputValue?)] { get }
    /// Token permissions the step needs (checked against the job's permissions).
    var requiredPermissions: [PermissionScope: PermissionLevel] { get }
    /// Warnings and errors about how the binding is used.
    func diagnostics(at location: SourceLocation) -> [Diagnostic]
}

extension ActionBinding {
    public var requiredPermissions: [PermissionScope: PermissionLevel] { [:] }
    public func diagnostics(at location: SourceLocation) -> [Diagnostic] { [] }
}

/// An output-less marker for actions without outputs.
public enum NoOutput: String, Sendable { case none }

extension Optional where Wrapped == InterpolatedString {
    /// The value as an action input; nil (not written) when absent.
    public var input: InputValue? { map { .string($0) } }
}

extension Optional where Wrapped == LiteralOrExpression<Bool> {
    /// The value as an action input; nil (not written) when absent.
    public var input: InputValue? { map { .bool($0) } }
}

extension Optional where Wrapped == LiteralOrExpression<Int> {
    /// The value as an action input; nil (not written) when absent.
    public var input: InputValue? { map { .int($0) } }
}

extension Optional where Wrapped == Secret {
    /// The value as an action input; nil (not written) when absent.
    public var input: InputValue? { map { .secret($0) } }
}

extension Optional where Wrapped == [InterpolatedString] {
    /// The lines as a multi-line action input; nil (not written) when absent or empty.
    public var input: InputValue? { flatMap { $0.isEmpty ? nil : .lines($0) } }
}

/// actions/checkout (inputs from its action.yml at v7.0.1).
///
/// `persistCredentials` defaults to `false` here, unlike the action, so the token is not left in
/// `.git/config` for later steps (zizmor's `artipacked`); checking out needs `contents: read`.
public struct Checkout: ActionBinding {
    /// Outputs of actions/checkout.
    public enum Output: String, Sendable { case ref, commit }
    public static var pin: ActionPin { ActionPins.checkout }

    /// The action input `repository`; nil leaves the action default.
    public var repository: InterpolatedString?
    /// The action input `ref`; nil leaves the action default.
    public var ref: InterpolatedString?
    /// The action input `token`; nil leaves the action default.
    public var token: Secret?
    /// The action input `ssh-key`; nil leaves the action default.
    public var sshKey: Secret?
    /// The action input `persist-credentials`; nil leaves the action default (true: the token stays in
    /// `.git/config`), which `wfgen import` writes when the original did not set it.
    public var persistCredentials: LiteralOrExpression<Bool>?
    /// The action input `path`; nil leaves the action default.
    public var path: InterpolatedString?
    /// The action input `clean`; nil leaves the action default.
    public var clean: LiteralOrExpression<Bool>?
    /// The action input `filter`; nil leaves the action default.
    public var filter: InterpolatedString?
    /// The action input `sparse-checkout`; nil leaves the action default.
    public var sparseCheckout: [InterpolatedString]?
    /// The action input `fetch-depth`; nil leaves the action default.
    public var fetchDepth: LiteralOrExpression<Int>?
    /// The action input `fetch-tags`; nil leaves the action default.
    public var fetchTags: LiteralOrExpression<Bool>?
    /// The action input `lfs`; nil leaves the action default.
    public var lfs: LiteralOrExpression<Bool>?
    /// The action input `submodules`; nil leaves the action default.
    public var submodules: Submodules?

    /// `submodules`: `false`, `true` or `recursive`.
    public enum Submodules: String, Sendable { case `false`, `true`, recursive }

    /// Checks out the repository; every input is optional.
    public init(
        repository: InterpolatedString? = nil, ref: InterpolatedString? = nil, token: Secret? = nil,
        sshKey: Secret? = nil, persistCredentials: LiteralOrExpression<Bool>? = false, path: InterpolatedString? = nil,
        clean: LiteralOrExpression<Bool>? = nil, filter: InterpolatedString? = nil,
        sparseCheckout: [InterpolatedString]? = nil, fetchDepth: LiteralOrExpression<Int>? = nil,
        fetchTags: LiteralOrExpression<Bool>? = nil, lfs: LiteralOrExpression<Bool>? = nil,
        submodules: Submodules? = nil
    ) {
        self.repository = repository
        self.ref = ref
        self.token = token
        self.sshKey = sshKey
        self.persistCredentials = persistCredentials
        self.path = path
        self.clean = clean
        self.filter = filter
        self.sparseCheckout = sparseCheckout
        self.fetchDepth = fetchDepth
        self.fetchTags = fetchTags
        self.lfs = lfs
        self.submodules = submodules
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("repository", repository.input), ("ref", ref.input), ("token", token.input), ("ssh-key", sshKey.input),
            ("persist-credentials", persistCredentials.input), ("path", path.input), ("clean", clean.input),
            ("filter", filter.input), ("sparse-checkout", sparseCheckout.input), ("fetch-depth", fetchDepth.input),
            ("fetch-tags", fetchTags.input), ("lfs", lfs.input),
            ("submodules", submodules.map { InputValue.string(InterpolatedString($0.rawValue)) }),
        ]
    }

    public var requiredPermissions: [PermissionScope: PermissionLevel] { [.contents: .read] }

    /// `persistCredentials: nil` is an explicit opt-out of wfgen's `false`: it warns.
    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        guard persistCredentials == nil else { return [] }
        return [.warning("checkout leaves persist-credentials to the action default (true): the token stays in .git/config for later steps; set persistCredentials: false",
                         at: location)]
    }
}

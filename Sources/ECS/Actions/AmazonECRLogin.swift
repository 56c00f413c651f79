public import Workflow

/// aws-actions/amazon-ecr-login v2 (inputs from its action.yml at v2.1.7).
public struct AmazonECRLogin: ActionBinding {
    /// Outputs of amazon-ecr-login.
    public enum Output: String, Sendable { case registry }
    public static var pin: ActionPin { ActionPins.amazonECRLogin }

    /// `registry-type`.
    public enum RegistryType: String, Sendable { case `private`, `public` }

    /// The action input `registries`; nil leaves the action default.
    public var registries: InterpolatedString?
    /// The action input `registry-type`; nil leaves the action default.
    public var registryType: RegistryType?
    /// The action input `mask-password`; nil leaves the action default.
    public var maskPassword: LiteralOrExpression<Bool>?
    /// The action input `skip-logout`; nil leaves the action default.
    public var skipLogout: LiteralOrExpression<Bool>?
    /// The action input `http-proxy`; nil leaves the action default.
    public var httpProxy: InterpolatedString?

    /// Logs Docker in to ECR; with no input, the account of the current credentials.
    public init(registries: InterpolatedString? = nil, registryType: RegistryType? = nil,
                maskPassword: LiteralOrExpression<Bool>? = nil, skipLogout: LiteralOrExpression<Bool>? = nil,
                httpProxy: InterpolatedString? = nil) {
        self.registries = registries
        self.registryType = registryType
        self.maskPassword = maskPassword
        self.skipLogout = skipLogout
        self.httpProxy = httpProxy
    }

    public var inputs: [(String, InputValue?)] {
        [("http-proxy", httpProxy.input), ("mask-password", maskPassword.input), ("registries", registries.input),
         ("registry-type", registryType.map { .string(InterpolatedString($0.rawValue)) }),
         ("skip-logout", skipLogout.input)]
    }
}

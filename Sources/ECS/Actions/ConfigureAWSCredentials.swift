public import Workflow

/// aws-actions/configure-aws-credentials v6 (inputs from its action.yml at v6.2.3).
///
/// Credentials are a closed choice: an OIDC role (recommended; needs `id-token: write`) or static
/// keys that can only be `Secret`s, which the compiler accepts with a warning.
public struct ConfigureAWSCredentials: ActionBinding {
    /// Outputs of configure-aws-credentials.
    public enum Output: String, Sendable {
        case awsAccountID = "aws-account-id", awsAccessKeyID = "aws-access-key-id"
        case awsSecretAccessKey = "aws-secret-access-key", awsSessionToken = "aws-session-token"
        case awsExpiration = "aws-expiration"
    }
    public static var pin: ActionPin { ActionPins.configureAWSCredentials }

    /// How the action gets credentials.
    public enum Credentials: Sendable, Hashable {
        /// GitHub OIDC: assume `role` with the workflow's identity token.
        case oidc(role: InterpolatedString)
        /// Long-lived IAM user keys, optionally assuming a role with them.
        case staticKeys(accessKeyID: Secret, secretAccessKey: Secret, sessionToken: Secret? = nil,
                        role: InterpolatedString? = nil)
    }

    /// The action input `region`.
    public var region: InterpolatedString
    /// The action input `credentials`.
    public var credentials: Credentials
    /// The action input `audience`; nil leaves the action default.
    public var audience: InterpolatedString?
    /// The action input `role-duration-seconds`; nil leaves the action default.
    public var roleDurationSeconds: LiteralOrExpression<Int>?
    /// The action input `role-session-name`; nil leaves the action default.
    public var roleSessionName: InterpolatedString?
    /// The action input `mask-aws-account-id`; nil leaves the action default.
    public var maskAWSAccountID: LiteralOrExpression<Bool>?
    /// The action input `allowed-account-i-ds`; nil leaves the action default.
    public var allowedAccountIDs: InterpolatedString?
    /// The action input `retry-max-attempts`; nil leaves the action default.
    public var retryMaxAttempts: LiteralOrExpression<Int>?

    /// Configures credentials for `region`.
    public init(
        region: InterpolatedString, credentials: Credentials, audience: InterpolatedString? = nil,
        roleDurationSeconds: LiteralOrExpression<Int>? = nil, roleSessionName: InterpolatedString? = nil,
        maskAWSAccountID: LiteralOrExpression<Bool>? = nil, allowedAccountIDs: InterpolatedString? = nil,
        retryMaxAttempts: LiteralOrExpression<Int>? = nil
    ) {
        self.region = region
        self.credentials = credentials
        self.audience = audience
        self.roleDurationSeconds = roleDurationSeconds
        self.roleSessionName = roleSessionName
        self.maskAWSAccountID = maskAWSAccountID
        self.allowedAccountIDs = allowedAccountIDs
        self.retryMaxAttempts = retryMaxAttempts
    }

    public var inputs: [(String, InputValue?)] {
        var role: InterpolatedString?
        var keyID: Secret?
        var secretKey: Secret?
        var sessionToken: Secret?
        switch credentials {
        case .oidc(let r): role = r
        case .staticKeys(let id, let secret, let token, let r):
            keyID = id
            secretKey = secret
            sessionToken = token
            role = r
        }
        return [
            ("aws-region", .string(region)), ("role-to-assume", role.input), ("aws-access-key-id", keyID.input),
            ("aws-secret-access-key", secretKey.input), ("aws-session-token", sessionToken.input),
            ("audience", audience.input), ("mask-aws-account-id", maskAWSAccountID.input),
            ("role-duration-seconds", roleDurationSeconds.input), ("role-session-name", roleSessionName.input),
            ("retry-max-attempts", retryMaxAttempts.input), ("allowed-account-ids", allowedAccountIDs.input),
        ]
    }

    public var requiredPermissions: [PermissionScope: PermissionLevel] {
        if case .oidc = credentials { return [.idToken: .write] }
        return [:]
    }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        guard case .staticKeys = credentials else { return [] }
        return [.warning("static AWS access keys are long-lived; prefer an OIDC role (.oidc(role:)) with id-token: write",
                         at: location)]
    }
}

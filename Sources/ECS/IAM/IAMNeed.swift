public import Workflow

/// One thing one IAM role must be allowed, and the definition that asks for it.
///
/// The pipeline compiler lists these while it builds jobs and task definitions; `IAMDocuments` merges them by role
/// ARN across every pipeline, since two pipelines may share a role, and renders one trust and one permission policy
/// per role.
public struct IAMNeed: Sendable, Hashable {
    /// What is needed.
    public enum Grant: Sendable, Hashable {
        /// GitHub Actions jobs assume the role through `issuer`'s provider presenting `subject`, a `StringLike`
        /// pattern when `isPattern`.
        case assumedByGitHub(issuer: String, providerARN: String, subject: String, isPattern: Bool)
        /// ECS assumes it as a task role for tasks in `account` and `region`.
        case assumedAsTaskRole(account: String, region: String)
        /// ECS assumes it as a task execution role.
        case assumedAsExecutionRole
        /// Push images to the repository.
        case pushImages(RepositoryName)
        /// Pull images from the repository.
        case pullImages(RepositoryName)
        /// Register revisions of a task definition family (ARN without revision).
        case registerTaskDefinition(familyARN: String)
        /// Update and describe one service.
        case deployService(serviceARN: String)
        /// Pass a role to ECS tasks.
        case passRole(roleARN: String)
        /// Read an SSM parameter.
        case readParameter(arn: String)
        /// Read a Secrets Manager secret.
        case readSecret(arn: String)
        /// Write to a CloudWatch Logs group, creating it when `createGroup`.
        case writeLogs(groupARN: String, createGroup: Bool)
    }

    /// The role's ARN, the key needs are merged by.
    public let roleARN: String
    /// The role's account.
    public let account: String
    /// The role's name (with its path, if any).
    public let roleName: String
    /// What it needs.
    public let grant: Grant
    /// The definition that needs it (the pipeline), named as the source of the generated files.
    public let location: SourceLocation

    /// A need of `role`.
    public init(_ role: IAMRole, _ grant: Grant, at location: SourceLocation) {
        self.roleARN = role.arn
        self.account = role.account.value
        self.roleName = role.name
        self.grant = grant
        self.location = location
    }
}

/// An ECR repository by account, region and name (without the DSL location, so equal repositories compare equal).
public struct RepositoryName: Sendable, Hashable, Comparable {
    /// The owning account.
    public let account: String
    /// The region.
    public let region: String
    /// The repository name.
    public let name: String

    /// The repository of `repository`.
    public init(_ repository: ECRRepository) {
        account = repository.account.value
        region = repository.region.value
        name = repository.name
    }

    /// The repository's ARN.
    public var arn: String { "arn:aws:ecr:\(region):\(account):repository/\(name)" }

    public static func < (lhs: RepositoryName, rhs: RepositoryName) -> Bool { lhs.arn < rhs.arn }
}

/// A `GITHUB_TOKEN` permission scope, in the order GitHub documents them.
public enum PermissionScope: String, Sendable, Hashable, CaseIterable, Comparable {
    case actions
    case artifactMetadata = "artifact-metadata"
    case attestations, checks, contents
    case copilotRequests = "copilot-requests"
    case deployments, discussions
    case idToken = "id-token"
    case issues, models, packages, pages
    case pullRequests = "pull-requests"
    case repositoryProjects = "repository-projects"
    case securityEvents = "security-events"
    case statuses

    public static func < (lhs: PermissionScope, rhs: PermissionScope) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The access a scope grants; `write` implies `read`.
public enum PermissionLevel: String, Sendable, Hashable, Comparable {
    case none, read, write

    public static func < (lhs: PermissionLevel, rhs: PermissionLevel) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { self == .none ? 0 : self == .read ? 1 : 2 }
}

/// `permissions:` of a workflow or job.
public enum Permissions: Sendable, Hashable {
    /// `read-all`.
    case readAll
    /// `write-all`.
    case writeAll
    /// Explicit scopes; scopes not listed get `none`. An empty map renders `{}`.
    case scopes([PermissionScope: PermissionLevel])
    /// No `permissions:` key: the token gets the repository's default, which may be write-all. An explicit
    /// opt-out of least privilege; generating warns. `wfgen import` writes it where the original had none.
    case repositoryDefault

    /// `{}`: the token can do nothing (the safe workflow-level default).
    public static let none = Permissions.scopes([:])

    /// `contents: read`, enough for checkout.
    public static let contentsRead = Permissions.scopes([.contents: .read])

    /// The level this grants to `scope`.
    public func level(of scope: PermissionScope) -> PermissionLevel {
        switch self {
        case .readAll: scope == .idToken ? .none : .read
        case .writeAll: .write
        case .scopes(let map): map[scope] ?? .none
        case .repositoryDefault: scope == .idToken ? .none : .write
        }
    }
}

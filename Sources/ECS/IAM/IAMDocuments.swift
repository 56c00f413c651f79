public import Workflow

/// An IAM document to write under `generated/iam/`.
public struct RenderedPolicy: Sendable {
    /// What the document is for.
    public enum Kind: String, Sendable {
        /// A role's trust policy (`aws iam create-role --assume-role-policy-document`).
        case trust
        /// A role's permission policy (`aws iam put-role-policy --policy-document`).
        case permissions
        /// An ECR repository policy (`aws ecr set-repository-policy --policy-text`).
        case repositoryPolicy
        /// One account's roles as a CloudFormation template (`aws cloudformation deploy --template-file`).
        case cloudFormation
    }

    /// Path relative to the package root, e.g. `generated/iam/111122223333/roles/deploy/trust-policy.json`.
    public let path: String
    /// What the document is for.
    public let kind: Kind
    /// The role's or repository's ARN; the account id for a CloudFormation template.
    public let subjectARN: String
    /// The document.
    public let json: JSONValue
    /// The first definition that needs it.
    public let location: SourceLocation
}

/// Turns the needs of every pipeline into one trust policy and one permission policy per role, and one repository
/// policy per ECR repository that roles of other accounts use.
public enum IAMDocuments {
    /// The documents for `needs` (merged by role ARN and by repository), sorted by path, and their errors.
    public static func render(_ needs: [IAMNeed]) -> (documents: [RenderedPolicy], diagnostics: [Diagnostic]) {
        var documents: [RenderedPolicy] = []
        var found: [Diagnostic] = []
        var roles: [CloudFormationTemplate.Role] = []
        let byRole = Dictionary(grouping: needs, by: \.roleARN)
        for arn in byRole.keys.sorted() {
            guard let roleNeeds = byRole[arn], let first = roleNeeds.min(by: { $0.location < $1.location }) else { continue }
            guard safePath(first.roleName) else {
                found.append(.error("IAM role name '\(first.roleName)' cannot name a generated file (empty, . or .. part)",
                                    at: first.location))
                continue
            }
            let grants = Set(roleNeeds.map(\.grant))
            let directory = "generated/iam/\(first.account)/roles/\(first.roleName)/"
            let trust = RolePolicies.trust(grants)
            if !trust.isEmpty {
                documents.append(RenderedPolicy(path: directory + "trust-policy.json", kind: .trust, subjectARN: arn,
                                                json: PolicyDocument(statements: trust).json, location: first.location))
            }
            let permissions = RolePolicies.permissions(grants)
            if !permissions.isEmpty {
                documents.append(RenderedPolicy(path: directory + "permissions-policy.json", kind: .permissions,
                                                subjectARN: arn, json: PolicyDocument(statements: permissions).json,
                                                location: first.location))
            }
            if !trust.isEmpty {
                roles.append(CloudFormationTemplate.Role(account: first.account, name: first.roleName, trust: trust,
                                                         permissions: permissions, location: first.location))
            }
        }
        documents += repositoryPolicies(needs)
        documents += CloudFormationTemplate.templates(roles)
        return (documents.sorted { $0.path < $1.path }, found)
    }

    /// Repository policies letting roles of other accounts pull (and push) exactly the repositories they use.
    static func repositoryPolicies(_ needs: [IAMNeed]) -> [RenderedPolicy] {
        var pullers: [RepositoryName: Set<String>] = [:], pushers: [RepositoryName: Set<String>] = [:]
        var locations: [RepositoryName: SourceLocation] = [:]
        for need in needs {
            switch need.grant {
            case .pullImages(let repository) where repository.account != need.account:
                pullers[repository, default: []].insert(need.roleARN)
                locations[repository] = min(locations[repository] ?? need.location, need.location)
            case .pushImages(let repository) where repository.account != need.account:
                pushers[repository, default: []].insert(need.roleARN)
                locations[repository] = min(locations[repository] ?? need.location, need.location)
            default: continue
            }
        }
        return locations.keys.sorted().compactMap { repository in
            guard let location = locations[repository] else { return nil }
            var statements: [PolicyStatement] = []
            if let roles = pullers[repository] {
                statements.append(PolicyStatement(sid: "PullFromOtherAccounts", principal: ("AWS", roles.sorted()),
                                                  actions: RolePolicies.pullActions))
            }
            if let roles = pushers[repository] {
                statements.append(PolicyStatement(sid: "PushFromOtherAccounts", principal: ("AWS", roles.sorted()),
                                                  actions: RolePolicies.pushActions))
            }
            return RenderedPolicy(
                path: "generated/iam/\(repository.account)/ecr/\(repository.region)/\(repository.name)/repository-policy.json",
                kind: .repositoryPolicy, subjectARN: repository.arn, json: PolicyDocument(statements: statements).json,
                location: location)
        }
    }

    /// True when every `/`-separated part of `name` is a plain file name.
    static func safePath(_ name: String) -> Bool {
        name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

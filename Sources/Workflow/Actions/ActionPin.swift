/// An action pinned to the full commit SHA of a release tag: `owner/repo[/path]@<sha> # <tag>`.
///
/// The `# vX.Y.Z` comment is the format Dependabot and Renovate read and update.
public struct ActionPin: Sendable, Hashable {
    /// `owner/repo` or `owner/repo/path`.
    public let action: String
    /// The release tag the SHA belongs to, e.g. `v7.0.1`.
    public let tag: String
    /// The tag's commit, 40 lowercase hex digits.
    public let commit: String

    /// Pins an action; the compiler checks the shape of `commit` and `tag`.
    public init(_ action: String, tag: String, commit: String) {
        self.action = action
        self.tag = tag
        self.commit = commit
    }

    /// The `uses:` value, without the comment.
    public var reference: String { "\(action)@\(commit)" }

    /// True when `commit` is a full 40-digit lowercase hex SHA.
    public var hasFullCommit: Bool { Self.isFullCommit(commit) }

    /// True when `text` is 40 lowercase hex digits.
    public static func isFullCommit(_ text: String) -> Bool {
        text.utf8.count == 40 && text.unicodeScalars.allSatisfy { $0.isASCIIDigit || ("a"..."f").contains($0) }
    }

    /// True when `tag` reads `vMAJOR.MINOR.PATCH`.
    public var hasSemanticTag: Bool {
        guard tag.hasPrefix("v") else { return false }
        let parts = tag.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }
    }
}

/// Every action wfgen's typed bindings use, pinned in one table.
///
/// Source of every row: /work/shared/reference/action-pins.md, read on 2026-11-27, which records for
/// each repository its newest release tag and the commit `git rev-parse TAG^{commit}` printed in a
/// clone of it. To update a row, run that command in a fresh clone of the action and change both fields.
public enum ActionPins {
    /// actions/checkout v7.0.1 (tag commit dated 2026-07-17).
    public static let checkout = ActionPin("actions/checkout", tag: "v7.0.1",
                                           commit: "3d3c42e5aac5ba805825da76410c181273ba90b1")
    /// aws-actions/configure-aws-credentials v6.2.3 (2026-07-22).
    public static let configureAWSCredentials = ActionPin("aws-actions/configure-aws-credentials", tag: "v6.2.3",
                                                          commit: "e6de054238d6b7531b4efff3b6587d9aade6a06c")
    /// aws-actions/amazon-ecr-login v2.1.7 (2026-08-19).
    public static let amazonECRLogin = ActionPin("aws-actions/amazon-ecr-login", tag: "v2.1.7",
                                                 commit: "03f1aad4c6c7ffd436567f42f9384779290529bd")
    /// aws-actions/amazon-ecs-render-task-definition v1.9.0 (2026-06-30).
    public static let renderTaskDefinition = ActionPin("aws-actions/amazon-ecs-render-task-definition", tag: "v1.9.0",
                                                       commit: "138c24f321fdbdf7edee4a685519d253cae2cdea")
    /// aws-actions/amazon-ecs-deploy-task-definition v2.6.3 (2026-07-01).
    public static let deployTaskDefinition = ActionPin("aws-actions/amazon-ecs-deploy-task-definition", tag: "v2.6.3",
                                                       commit: "c465972ecbd160473f22e683363b422a5412a3de")
    /// docker/setup-buildx-action v4.3.0 (2026-08-17).
    public static let setupBuildx = ActionPin("docker/setup-buildx-action", tag: "v4.3.0",
                                              commit: "37fe631027851001ddb9b187196cc803df7f5f0e")
    /// docker/build-push-action v7.3.0 (2026-07-01).
    public static let buildPush = ActionPin("docker/build-push-action", tag: "v7.3.0",
                                            commit: "53b7df96c91f9c12dcc8a07bcb9ccacbed38856a")
    /// docker/login-action v4.1.0 (2026-04-02).
    public static let dockerLogin = ActionPin("docker/login-action", tag: "v4.1.0",
                                              commit: "4907a6ddec9925e35a0a9e82d7399ccc52663121")
    /// github/codeql-action/upload-sarif v4.36.2 (2026-06-04).
    public static let uploadSARIF = ActionPin("github/codeql-action/upload-sarif", tag: "v4.36.2",
                                              commit: "8aad20d150bbac5944a9f9d289da16a4b0d87c1e")

    /// The whole table, for tests and `wfgen` listings.
    public static let all: [ActionPin] = [
        checkout, configureAWSCredentials, amazonECRLogin, renderTaskDefinition, deployTaskDefinition,
        setupBuildx, buildPush, dockerLogin, uploadSARIF,
    ]
}

public import Workflow

/// The GitHub repository whose workflows assume the roles: what an OIDC trust policy names.
///
/// GitHub's OIDC token says `sub: repo:OWNER/REPO:…`, and AWS compares it byte for byte, so the owner and name
/// are kept exactly as written (an owner spelled `Example-Org` on GitHub is not `example-org` to IAM).
public struct GitHubRepository: Sendable, Hashable {
    /// The OIDC issuer of github.com; IAM names its provider and condition keys after it.
    public static let githubDotCom = "token.actions.githubusercontent.com"

    /// The owner (user or organization), case preserved.
    public let owner: String
    /// The repository name, case preserved.
    public let name: String
    /// The OIDC issuer without `https://`: `token.actions.githubusercontent.com` on github.com,
    /// `HOST/_services/token` on GitHub Enterprise Server, `token.actions.SUBDOMAIN.ghe.com` on GHE.com.
    public let oidcIssuer: String
    /// The branch scheduled and manually dispatched runs present (see `OIDCSubject`).
    public let defaultBranch: String
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Names the repository as `OWNER/REPO`.
    public init(_ slug: String, oidcIssuer: String = GitHubRepository.githubDotCom, defaultBranch: String = "main",
                file: String = #filePath, line: Int = #line) {
        let parts = slug.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        self.owner = parts.count == 2 ? String(parts[0]) : slug
        self.name = parts.count == 2 ? String(parts[1]) : ""
        self.oidcIssuer = oidcIssuer
        self.defaultBranch = defaultBranch
        self.location = SourceLocation(file: file, line: line)
    }

    /// `OWNER/REPO`.
    public var slug: String { "\(owner)/\(name)" }

    /// The ARN of this issuer's OIDC identity provider in `account`.
    func providerARN(in account: String) -> String { "arn:aws:iam::\(account):oidc-provider/\(oidcIssuer)" }

    var diagnostics: [Diagnostic] {
        var found: [Diagnostic] = []
        let ownerOK = (1...39).contains(owner.count) && !owner.hasPrefix("-")
            && owner.unicodeScalars.allSatisfy { $0.isAlphanumericASCII || $0 == "-" }
        let nameOK = (1...100).contains(name.count) && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { $0.isAlphanumericASCII || "._-".unicodeScalars.contains($0) }
        if !ownerOK || !nameOK {
            found.append(.error("GitHub repository '\(slug)' must be OWNER/REPO (owner: letters, digits and -; name: letters, digits, . _ -)",
                                at: location))
        }
        let issuerOK = !oidcIssuer.isEmpty && !oidcIssuer.contains("://") && !oidcIssuer.hasSuffix("/")
            && oidcIssuer.unicodeScalars.allSatisfy { $0.isAlphanumericASCII || "._-/:".unicodeScalars.contains($0) }
        if !issuerOK {
            found.append(.error("OIDC issuer '\(oidcIssuer)' must be a host and path without https:// or a final /, e.g. \(Self.githubDotCom)",
                                at: location))
        }
        if defaultBranch.isEmpty || defaultBranch.unicodeScalars.contains(where: { "*?[]: ~^\\".unicodeScalars.contains($0) }) {
            found.append(.error("default branch '\(defaultBranch)' is not a branch name", at: location))
        }
        return found
    }
}

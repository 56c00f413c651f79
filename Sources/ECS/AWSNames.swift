public import Workflow

/// A 12-digit AWS account id.
public struct AWSAccountID: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let value: String
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Names an account; the compiler checks it has 12 digits.
    public init(_ value: String, file: String = #filePath, line: Int = #line) {
        self.value = value
        self.location = SourceLocation(file: file, line: line)
    }

    public var description: String { value }

    var diagnostics: [Diagnostic] {
        value.utf8.count == 12 && value.unicodeScalars.allSatisfy(\.isDigit) ? []
            : [.error("AWS account id '\(value)' must be 12 digits", at: location)]
    }
}

/// An AWS region such as `eu-west-1`.
public struct AWSRegion: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let value: String
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Names a region; the compiler checks its shape (`xx-name-N`).
    public init(_ value: String, file: String = #filePath, line: Int = #line) {
        self.value = value
        self.location = SourceLocation(file: file, line: line)
    }

    public var description: String { value }

    var diagnostics: [Diagnostic] {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count >= 3 && parts.allSatisfy { !$0.isEmpty }
            && parts.dropLast().allSatisfy { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
            && parts.last.map { $0.unicodeScalars.allSatisfy(\.isDigit) } == true
        return ok ? [] : [.error("AWS region '\(value)' is not a region name like eu-west-1", at: location)]
    }
}

/// An IAM role, rendered as `arn:aws:iam::<account>:role/<name>`.
public struct IAMRole: Sendable, Hashable, CustomStringConvertible {
    /// The account it belongs to.
    public let account: AWSAccountID
    /// Its name.
    public let name: String
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Names role `name` in `account` (a path may be part of the name: `service-role/x`).
    public init(account: AWSAccountID, name: String, file: String = #filePath, line: Int = #line) {
        self.account = account
        self.name = name
        self.location = SourceLocation(file: file, line: line)
    }

    /// The role's ARN.
    public var arn: String { "arn:aws:iam::\(account.value):role/\(name)" }

    public var description: String { arn }

    var diagnostics: [Diagnostic] {
        let allowed = name.unicodeScalars.allSatisfy { $0.isAlphanumericASCII || "+=,.@_-/".unicodeScalars.contains($0) }
        return account.diagnostics + (allowed && !name.isEmpty && name.count <= 64 + 512 ? []
            : [.error("IAM role name '\(name)' has characters IAM does not allow", at: location)])
    }
}

/// A private ECR repository: `<account>.dkr.ecr.<region>.amazonaws.com/<name>`.
public struct ECRRepository: Sendable, Hashable {
    /// The account it belongs to.
    public let account: AWSAccountID
    /// The region it lives in.
    public let region: AWSRegion
    /// Its name.
    public let name: String
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// Names a repository; the compiler checks ECR's lowercase naming rule.
    public init(account: AWSAccountID, region: AWSRegion, name: String, file: String = #filePath, line: Int = #line) {
        self.account = account
        self.region = region
        self.name = name
        self.location = SourceLocation(file: file, line: line)
    }

    /// The registry host; ECR is a registry, ECS never appears here.
    public var registry: String { "\(account.value).dkr.ecr.\(region.value).amazonaws.com" }

    /// The repository URI without a tag.
    public var uri: String { "\(registry)/\(name)" }

    var diagnostics: [Diagnostic] {
        var found = account.diagnostics + region.diagnostics
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let valid = (2...256).contains(name.count) && components.allSatisfy { component in
            guard let first = component.unicodeScalars.first, let last = component.unicodeScalars.last,
                  first.isLowerAlphanumeric, last.isLowerAlphanumeric else { return false }
            return component.unicodeScalars.allSatisfy { $0.isLowerAlphanumeric || "._-".unicodeScalars.contains($0) }
        }
        if !valid {
            found.append(.error("ECR repository name '\(name)' must be 2-256 lowercase letters, digits, . _ - and / separated parts",
                                at: location))
        }
        return found
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    var isAlphanumericASCII: Bool { isDigit || ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isLowerAlphanumeric: Bool { isDigit || ("a"..."z").contains(self) }
}

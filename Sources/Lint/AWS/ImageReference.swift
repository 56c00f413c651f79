/// An image reference split into registry host, repository and tag/digest, with the host classified.
public struct ImageReference: Sendable, Hashable {
    /// What kind of registry the host names.
    public enum RegistryKind: Sendable, Hashable {
        /// `<12 digits>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`, dual-stack, or the ECR login step's output.
        case ecrPrivate
        /// `public.ecr.aws`.
        case ecrPublic
        /// A host that names ECS (`*.dkr.ecs.*`, `ecs.<region>.amazonaws.com`): always wrong.
        case ecsHost
        /// A host that tries to be ECR but does not have ECR's form (wrong account digits, typo...).
        case malformedECR
        /// Docker Hub, GHCR and the like.
        case other
        /// Not known: the host still holds a variable or expression.
        case unknown
    }

    /// Placeholder for `steps.<ecr-login>.outputs.registry`, which is always an ECR registry.
    public static let ecrLoginRegistry = "ecr-login-registry.placeholder"

    /// `text` as a message shows it: the login step's registry as what the workflow writes, not the placeholder.
    public static func displayed(_ text: String) -> String {
        text.fastContains(ecrLoginRegistry)
            ? text.replacingOccurrences(of: ecrLoginRegistry, with: "${{ steps.<ecr-login>.outputs.registry }}") : text
    }

    /// The text as resolved.
    public let text: String
    /// The registry host, or nil for Docker Hub short names.
    public let host: String?
    /// The repository path.
    public let repository: String
    /// The tag, if written.
    public let tag: String?
    /// The digest (`sha256:...`), if written.
    public let digest: String?

    /// Splits a reference such as `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1`.
    public init(_ raw: String) {
        text = raw
        if let parts = ImageReference.asciiParts(of: raw) {
            (host, repository, tag, digest) = parts
            return
        }
        var rest = Substring(raw)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        } else {
            digest = nil
        }
        if let slash = rest.firstIndex(of: "/") {
            let first = rest[..<slash]
            if first.fastContains(".") || first.fastContains(":") || first == "localhost" || first.fastContains("$") || first.fastContains("{") {
                host = String(first)
                rest = rest[rest.index(after: slash)...]
            } else {
                host = nil
            }
        } else {
            host = nil
        }
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].fastContains("/"), !rest[colon...].fastContains("}") || rest[colon...].hasSuffix("}}") {
            tag = String(rest[rest.index(after: colon)...])
            repository = String(rest[..<colon])
        } else {
            tag = nil
            repository = String(rest)
        }
    }

    /// The same split as the Character reading in `init`, on the bytes of an ASCII reference (where `@`, `/` and `:`
    /// are each a Character of their own); nil for other text.
    private static func asciiParts(of raw: String) -> (host: String?, repository: String, tag: String?, digest: String?)? {
        ScalarBytes.with(raw) { bytes in
            guard ScalarBytes.isASCII(bytes) else { return nil }
            func text(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            func has(_ byte: UInt8, _ from: Int, _ to: Int) -> Bool {
                ScalarBytes.index(of: byte, in: bytes, from: from, through: to - 1) != nil
            }
            let n = bytes.count
            let at = ScalarBytes.index(of: 0x40, in: bytes, from: 0, through: n - 1)
            let end = at ?? n
            var start = 0
            var host: String?
            if let slash = ScalarBytes.index(of: 0x2F, in: bytes, from: 0, through: end - 1),
               has(0x2E, 0, slash) || has(0x3A, 0, slash) || has(0x24, 0, slash) || has(0x7B, 0, slash)
                || ScalarBytes.equals(bytes, 0, slash, "localhost") {
                host = text(0, slash)
                start = slash + 1
            }
            var colon: Int?
            var k = end - 1
            while k >= start { if bytes[k] == 0x3A { colon = k; break }; k -= 1 }
            if let colon, !has(0x2F, colon, end),
               !has(0x7D, colon, end) || (end - 2 > colon && bytes[end - 1] == 0x7D && bytes[end - 2] == 0x7D) {
                return (host, text(start, colon), text(colon + 1, end), at.map { text($0 + 1, n) })
            }
            return (host, text(start, end), nil, at.map { text($0 + 1, n) })
        }
    }

    /// True when the text still holds a shell variable or a GitHub expression.
    public static func isUnresolved(_ text: String) -> Bool { text.fastContains("$") || text.fastContains("{{") }

    /// The kind of registry the host names.
    public var registryKind: RegistryKind {
        guard let host else { return .other }
        return ImageReference.classify(host: host)
    }

    /// Classifies a registry host.
    public static func classify(host rawHost: String) -> RegistryKind {
        let host = rawHost.lowercased()
        if host == ecrLoginRegistry || host.hasSuffix("." + ecrLoginRegistry) { return .ecrPrivate }
        if host.fastContains(".dkr.ecs.") || host.fastContains(".dkr.ecs-") { return .ecsHost }
        if host.hasPrefix("ecs.") && host.fastContains(".amazonaws.com") { return .ecsHost }
        if host == "public.ecr.aws" { return .ecrPublic }
        if isUnresolved(host) { return .unknown }
        if matchesPrivateECR(host) { return .ecrPrivate }
        if host.fastContains(".dkr.ecr") || host.fastContains("dkr-ecr") || (host.fastContains(".ecr.") && host.fastContains("amazonaws")) {
            return .malformedECR
        }
        return .other
    }

    /// `<12 digits>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]` or `<12 digits>.dkr-ecr.<region>.on.aws`.
    static func matchesPrivateECR(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 5, labels[0].count == 12, labels[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        func isRegion(_ s: String) -> Bool {
            !s.isEmpty && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } && s.fastContains("-")
        }
        if labels[1] == "dkr", labels[2] == "ecr" || labels[2] == "ecr-fips", isRegion(labels[3]), labels[4] == "amazonaws" {
            let tail = labels.dropFirst(5)
            return tail == ["com"] || tail == ["com", "cn"]
        }
        if labels[1] == "dkr-ecr", isRegion(labels[2]), Array(labels.dropFirst(3)) == ["on", "aws"] { return true }
        return false
    }

    /// True when the registry is ECR (private or public).
    public var isECR: Bool { registryKind == .ecrPrivate || registryKind == .ecrPublic }
}

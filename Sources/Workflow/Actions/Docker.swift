/// docker/setup-buildx-action v4 (inputs from its action.yml at v4.3.0).
public struct SetupBuildx: ActionBinding {
    /// Outputs of setup-buildx-action.
    public enum Output: String, Sendable { case name, driver, platforms, nodes, endpoint, status, flags }
    public static var pin: ActionPin { ActionPins.setupBuildx }

    /// `driver`.
    public enum Driver: String, Sendable { case docker, dockerContainer = "docker-container", kubernetes, remote }

    /// The action input `version`; nil leaves the action default.
    public var version: InterpolatedString?
    /// The action input `driver`; nil leaves the action default.
    public var driver: Driver?
    /// The action input `driver-opts`; nil leaves the action default.
    public var driverOpts: [InterpolatedString]?
    /// The action input `platforms`; nil leaves the action default.
    public var platforms: InterpolatedString?
    /// The action input `cache-binary`; nil leaves the action default.
    public var cacheBinary: LiteralOrExpression<Bool>?

    /// Sets up a Buildx builder.
    public init(version: InterpolatedString? = nil, driver: Driver? = nil, driverOpts: [InterpolatedString]? = nil,
                platforms: InterpolatedString? = nil, cacheBinary: LiteralOrExpression<Bool>? = nil) {
        self.version = version
        self.driver = driver
        self.driverOpts = driverOpts
        self.platforms = platforms
        self.cacheBinary = cacheBinary
    }

    public var inputs: [(String, InputValue?)] {
        [("version", version.input), ("driver", driver.map { .string(InterpolatedString($0.rawValue)) }),
         ("driver-opts", driverOpts.input), ("platforms", platforms.input), ("cache-binary", cacheBinary.input)]
    }
}

/// docker/build-push-action v7 (inputs from its action.yml at v7.3.0).
///
/// Build secrets go through `secrets` (BuildKit secret mounts), never `buildArgs`, which end up in
/// the image history; the compiler rejects a `Secret` in `buildArgs`.
public struct BuildPush: ActionBinding {
    /// Outputs of build-push-action.
    public enum Output: String, Sendable { case imageid, digest, metadata }
    public static var pin: ActionPin { ActionPins.buildPush }

    /// The action input `context`; nil leaves the action default.
    public var context: InterpolatedString?
    /// The action input `file`; nil leaves the action default.
    public var file: InterpolatedString?
    /// The action input `push`; nil leaves the action default.
    public var push: LiteralOrExpression<Bool>?
    /// The action input `load`; nil leaves the action default.
    public var load: LiteralOrExpression<Bool>?
    /// The action input `tags`; nil leaves the action default.
    public var tags: [InterpolatedString]?
    /// The action input `labels`; nil leaves the action default.
    public var labels: [InterpolatedString]?
    /// The action input `build-args`; nil leaves the action default.
    public var buildArgs: [InterpolatedString]?
    /// The action input `secrets`; nil leaves the action default.
    public var secrets: [InterpolatedString]?
    /// The action input `target`; nil leaves the action default.
    public var target: InterpolatedString?
    /// The action input `platforms`; nil leaves the action default.
    public var platforms: InterpolatedString?
    /// The action input `provenance`; nil leaves the action default.
    public var provenance: InterpolatedString?
    /// The action input `sbom`; nil leaves the action default.
    public var sbom: InterpolatedString?
    /// The action input `pull`; nil leaves the action default.
    public var pull: LiteralOrExpression<Bool>?
    /// The action input `no-cache`; nil leaves the action default.
    public var noCache: LiteralOrExpression<Bool>?
    /// The action input `cache-from`; nil leaves the action default.
    public var cacheFrom: [InterpolatedString]?
    /// The action input `cache-to`; nil leaves the action default.
    public var cacheTo: [InterpolatedString]?

    /// Builds (and optionally pushes) an image.
    public init(context: InterpolatedString? = nil, file: InterpolatedString? = nil,
                push: LiteralOrExpression<Bool>? = nil, load: LiteralOrExpression<Bool>? = nil,
                tags: [InterpolatedString]? = nil, labels: [InterpolatedString]? = nil,
                buildArgs: [InterpolatedString]? = nil, secrets: [InterpolatedString]? = nil,
                target: InterpolatedString? = nil, platforms: InterpolatedString? = nil,
                provenance: InterpolatedString? = nil, sbom: InterpolatedString? = nil,
                pull: LiteralOrExpression<Bool>? = nil, noCache: LiteralOrExpression<Bool>? = nil,
                cacheFrom: [InterpolatedString]? = nil, cacheTo: [InterpolatedString]? = nil) {
        self.context = context
        self.file = file
        self.push = push
        self.load = load
        self.tags = tags
        self.labels = labels
        self.buildArgs = buildArgs
        self.secrets = secrets
        self.target = target
        self.platforms = platforms
        self.provenance = provenance
        self.sbom = sbom
        self.pull = pull
        self.noCache = noCache
        self.cacheFrom = cacheFrom
        self.cacheTo = cacheTo
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("build-args", buildArgs.input), ("cache-from", cacheFrom.input), ("cache-to", cacheTo.input),
            ("context", context.input), ("file", file.input), ("labels", labels.input), ("load", load.input),
            ("no-cache", noCache.input), ("platforms", platforms.input), ("provenance", provenance.input),
            ("pull", pull.input), ("push", push.input), ("sbom", sbom.input), ("secrets", secrets.input),
            ("tags", tags.input), ("target", target.input),
        ]
    }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        let leaks = (buildArgs ?? []).flatMap(\.expressions).flatMap(\.references).contains {
            if case .secret = $0 { true } else { false }
        }
        return leaks ? [.error("a secret in buildArgs is baked into the image history; pass it with secrets: instead",
                               at: location)] : []
    }
}

/// docker/login-action v4 (inputs from its action.yml at v4.1.0).
public struct DockerLogin: ActionBinding {
    public typealias Output = NoOutput
    public static var pin: ActionPin { ActionPins.dockerLogin }

    /// The action input `registry`; nil leaves the action default.
    public var registry: InterpolatedString?
    /// The action input `username`; nil leaves the action default.
    public var username: InterpolatedString?
    /// The action input `password`; nil leaves the action default.
    public var password: Secret?
    /// The action input `logout`; nil leaves the action default.
    public var logout: LiteralOrExpression<Bool>?

    /// Logs Docker in to `registry`; the password can only be a secret.
    public init(registry: InterpolatedString? = nil, username: InterpolatedString? = nil, password: Secret? = nil,
                logout: LiteralOrExpression<Bool>? = nil) {
        self.registry = registry
        self.username = username
        self.password = password
        self.logout = logout
    }

    public var inputs: [(String, InputValue?)] {
        [("registry", registry.input), ("username", username.input), ("password", password.input),
         ("logout", logout.input)]
    }
}

/// github/codeql-action/upload-sarif v4 (inputs from its action.yml at v4.36.2).
public struct UploadSARIF: ActionBinding {
    /// Outputs of upload-sarif.
    public enum Output: String, Sendable { case sarifID = "sarif-id", sarifIDs = "sarif-ids" }
    public static var pin: ActionPin { ActionPins.uploadSARIF }

    /// The action input `sarif-file`.
    public var sarifFile: InterpolatedString
    /// The action input `category`; nil leaves the action default.
    public var category: InterpolatedString?
    /// The action input `checkout-path`; nil leaves the action default.
    public var checkoutPath: InterpolatedString?
    /// The action input `wait-for-processing`; nil leaves the action default.
    public var waitForProcessing: LiteralOrExpression<Bool>?

    /// Uploads `sarifFile` to code scanning; needs `security-events: write`.
    public init(sarifFile: InterpolatedString, category: InterpolatedString? = nil,
                checkoutPath: InterpolatedString? = nil, waitForProcessing: LiteralOrExpression<Bool>? = nil) {
        self.sarifFile = sarifFile
        self.category = category
        self.checkoutPath = checkoutPath
        self.waitForProcessing = waitForProcessing
    }

    public var inputs: [(String, InputValue?)] {
        [("sarif_file", .string(sarifFile)), ("checkout_path", checkoutPath.input), ("category", category.input),
         ("wait-for-processing", waitForProcessing.input)]
    }

    public var requiredPermissions: [PermissionScope: PermissionLevel] { [.securityEvents: .write] }
}

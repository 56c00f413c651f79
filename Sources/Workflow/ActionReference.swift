public import YAML

/// What a step's or job's `uses:` names: a pinned action, or — kept from an existing file — a moving tag,
/// a bare commit, an action in this repository or a Docker image.
public enum ActionReference: Sendable, Hashable {
    /// `owner/repo[/path]@<sha> # <tag>` from the pin table: what wfgen writes.
    case pinned(ActionPin)
    /// `owner/repo[/path]@<40-hex sha>` without a known release tag.
    case commit(action: String, sha: String)
    /// `owner/repo[/path]@<branch or tag>`: a moving reference. Explicit opt-out of SHA pinning; generating
    /// warns (and `wfgen lint` reports it). `wfgen import` writes it to keep what the original says.
    case unpinned(String)
    /// `./path`: an action in this repository, versioned with it.
    case local(String)
    /// `docker://image[:tag|@digest]`; generating warns unless it names a digest.
    case docker(String)

    /// Reads a `uses:` value: a 40-hex ref is `.commit`, `./` is `.local`, `docker://` is `.docker`.
    public init(parsing text: String) {
        if text.hasPrefix("./") || text.hasPrefix("../") {
            self = .local(text)
        } else if text.hasPrefix("docker://") {
            self = .docker(text)
        } else if let at = text.lastIndex(of: "@"), ActionPin.isFullCommit(String(text[text.index(after: at)...])) {
            self = .commit(action: String(text[..<at]), sha: String(text[text.index(after: at)...]))
        } else {
            self = .unpinned(text)
        }
    }

    /// The `uses:` value, without a comment.
    public var reference: String {
        switch self {
        case .pinned(let pin): pin.reference
        case .commit(let action, let sha): action + "@" + sha
        case .unpinned(let text), .local(let text), .docker(let text): text
        }
    }

    /// `owner/repo[/path]` (or the path or image), for deriving step ids.
    public var action: String {
        switch self {
        case .pinned(let pin): pin.action
        case .commit(let action, _): action
        case .unpinned(let text): text.split(separator: "@").first.map(String.init) ?? text
        case .local(let text), .docker(let text): text
        }
    }

    /// Warnings and errors about how the reference is pinned.
    func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        switch self {
        case .pinned(let pin):
            var found: [Diagnostic] = []
            if !pin.hasFullCommit {
                found.append(.error("action \(pin.action) must be pinned to a full 40-hex commit SHA, got '\(pin.commit)'", at: location))
            }
            if !pin.hasSemanticTag {
                found.append(.error("action \(pin.action) pin tag '\(pin.tag)' is not vMAJOR.MINOR.PATCH", at: location))
            }
            return found
        case .unpinned(let text):
            return [.warning("action \(text) is .unpinned: a moving reference can change under you; pin it to a commit SHA",
                             at: location)]
        case .docker(let text) where !text.contains("@sha256:"):
            return [.warning("\(text) is not pinned to an image digest (@sha256:...)", at: location)]
        case .commit, .local, .docker:
            return []
        }
    }
}

/// Escape hatch of `wfgen import`: YAML the typed model cannot represent, written unchanged and unchecked.
///
/// Generating warns with `reason`, so that each use is seen and replaced by typed values in time.
public struct UntypedYAML: Sendable, Hashable {
    /// The value written.
    public let value: YAMLValue
    /// Why the typed model could not hold it.
    public let reason: String

    /// Wraps `value`.
    public init(_ value: YAMLValue, reason: String) {
        self.value = value
        self.reason = reason
    }
}

/// Why YAML could not be parsed or emitted; always carries a source position.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure, for callers that map errors to exit codes or rule ids.
    public enum Reason: String, Sendable, Hashable {
        /// libyaml rejected the text (malformed YAML, tabs as indentation, unclosed quotes...).
        case syntax
        /// The bytes are not valid UTF-8, or hold a NUL or another forbidden control character.
        case encoding
        /// A mapping holds the same key twice; `related` is the first occurrence.
        case duplicateKey
        /// An alias names an anchor that was never defined.
        case unknownAnchor
        /// Alias expansion would produce more nodes than the limit ("billion laughs").
        case aliasExpansionLimit
        /// Collections nest deeper than the limit.
        case depthLimit
        /// The input is larger than the limit.
        case sizeLimit
        /// The emitter could not write a value.
        case emit
    }

    /// The class of failure.
    public var reason: Reason
    /// What went wrong, in libyaml's words where libyaml found it.
    public var message: String
    /// Where it went wrong.
    public var mark: Mark
    /// A second position that explains the first (the earlier key of a duplicate, the start of the construct).
    public var related: Mark?
    /// What the parser was reading when it failed, e.g. "while parsing a block mapping".
    public var context: String?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, at mark: Mark, related: Mark? = nil, context: String? = nil) {
        self.reason = reason
        self.message = message
        self.mark = mark
        self.related = related
        self.context = context
    }

    public var description: String {
        var text = "\(mark): \(message)"
        if let context {
            text += " (\(context)" + (related.map { " at \($0)" } ?? "") + ")"
        } else if let related {
            text += " (first at \(related))"
        }
        return text
    }
}

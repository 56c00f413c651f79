/// The Swift file and line of the DSL call that built a value, so errors point at the definition.
///
/// Every DSL initializer takes `file: String = #filePath, line: Int = #line`, which Swift fills in
/// at the call site; the compiler prints it relative to the package root.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Absolute path of the Swift file, as `#filePath` gave it.
    public let file: String
    /// 1-based line of the call.
    public let line: Int

    /// Creates a location; the defaults capture the caller's position.
    public init(file: String = #filePath, line: Int = #line) {
        self.file = file
        self.line = line
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }

    public var description: String { "\(file):\(line)" }
}

/// One problem found in a definition: an error stops generation, a warning is printed and generation goes on.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// How serious the problem is.
    public let severity: Severity
    /// What is wrong and what to do instead.
    public let message: String
    /// The DSL call that built the offending value.
    public let location: SourceLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line: severity: message`, the format compilers and editors understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The same text with the file path made relative to `root` when it lies inside it.
    public func formatted(relativeTo root: String) -> String {
        "\(Self.relativePath(location.file, to: root)):\(location.line): \(severity.rawValue): \(message)"
    }

    /// `path` relative to `root` when it lies inside it, else `path` unchanged.
    public static func relativePath(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// The errors that stopped a compilation, in source order.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible {
    /// Every error and warning found, sorted by location.
    public let diagnostics: [Diagnostic]

    /// Creates the error from the diagnostics that include at least one error.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Identifier rules shared by jobs and steps: GitHub's `^[A-Za-z_][A-Za-z0-9_-]*$`.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
    }

    /// A readable identifier made from free text: lowercase words joined by `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCIILetter || scalar.isASCIIDigit {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        if let first = out.unicodeScalars.first, first.isASCIIDigit { out = "step-" + out }
        return out.isEmpty ? "step" : out
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

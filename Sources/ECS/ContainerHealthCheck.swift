public import Workflow

/// A container `healthCheck`, with AWS's ranges enforced at compile time.
public struct ContainerHealthCheck: Sendable, Hashable {
    /// The check command; ECS wants it prefixed by `CMD` (exec form) or `CMD-SHELL` (shell form).
    public enum Command: Sendable, Hashable {
        /// `["CMD-SHELL", script]`.
        case shell(String)
        /// `["CMD", arguments...]`.
        case exec([String])

        var array: [String] {
            switch self {
            case .shell(let script): ["CMD-SHELL", script]
            case .exec(let arguments): ["CMD"] + arguments
            }
        }
    }

    /// Overrides the image command.
    public let command: Command
    /// Seconds between checks (5-300).
    public let interval: Int
    /// Seconds a check may take (2-60, less than interval).
    public let timeout: Int
    /// Failures before unhealthy (1-10).
    public let retries: Int
    /// Grace seconds after start (0-300).
    public let startPeriod: Int?
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// A health check; defaults are AWS's (30 s interval, 5 s timeout, 3 retries).
    public init(_ command: Command, interval: Int = 30, timeout: Int = 5, retries: Int = 3, startPeriod: Int? = nil,
                file: String = #filePath, line: Int = #line) {
        self.command = command
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
        self.location = SourceLocation(file: file, line: line)
    }

    /// `curl -f http://localhost:<port><path>`, the usual HTTP check (the image must ship curl).
    public static func http(port: Int, path: String, interval: Int = 30, timeout: Int = 5, retries: Int = 3,
                            startPeriod: Int? = nil, file: String = #filePath, line: Int = #line) -> ContainerHealthCheck {
        ContainerHealthCheck(.shell("curl -fsS http://localhost:\(port)\(path) || exit 1"), interval: interval,
                             timeout: timeout, retries: retries, startPeriod: startPeriod, file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        var found: [Diagnostic] = []
        func range(_ name: String, _ value: Int, _ bounds: ClosedRange<Int>) {
            if !bounds.contains(value) {
                found.append(.error("healthCheck \(name) \(value) is out of range \(bounds.lowerBound)-\(bounds.upperBound)",
                                    at: location))
            }
        }
        range("interval", interval, 5...300)
        range("timeout", timeout, 2...60)
        range("retries", retries, 1...10)
        if let startPeriod { range("startPeriod", startPeriod, 0...300) }
        if timeout >= interval {
            found.append(.error("healthCheck timeout \(timeout) must be less than interval \(interval)", at: location))
        }
        switch command {
        case .shell(let script) where script.trimmingCharacters.isEmpty:
            found.append(.error("healthCheck command is empty", at: location))
        case .exec(let arguments) where arguments.isEmpty:
            found.append(.error("healthCheck command is empty", at: location))
        default: break
        }
        return found
    }
}

extension String {
    var trimmingCharacters: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}

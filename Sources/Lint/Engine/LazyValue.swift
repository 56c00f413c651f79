import Foundation

/// A value computed on first use and kept, safe to share between threads.
///
/// Per-file facts that only some findings need (a script's offset table, whether a file uses aliases) are computed
/// once per file this way: computing them per finding made a file with many findings quadratic (issue 10, item 5).
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let compute: @Sendable () -> Value

    init(_ compute: @escaping @Sendable () -> Value) { self.compute = compute }

    /// The value, computed by the first caller.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let value = compute()
        stored = value
        return value
    }
}

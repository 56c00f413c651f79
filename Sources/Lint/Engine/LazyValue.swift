#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value computed on first use and kept, safe to share between threads.
///
/// Per-file facts that only some findings need (a script's offset table, whether a file uses aliases) are computed
/// once per file this way: computing them per finding made a file with many findings quadratic (issue 10, item 5).
/// One is made per script, so the lock is a bare pthread mutex (an `NSLock` per script cost 2.5% of lint time).
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var stored: Value?
    private let compute: @Sendable () -> Value

    init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value, computed by the first caller.
    var value: Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let stored { return stored }
        let value = compute()
        stored = value
        return value
    }
}

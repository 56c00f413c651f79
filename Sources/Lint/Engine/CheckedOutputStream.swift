#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text stream over a file descriptor that remembers why a write failed.
///
/// A report written to a full disk (`> /dev/full`) or a closed pipe must not end in a silent exit: the CLI writes
/// standard output through this and, after the run, reports `failure` (exit 2) instead of the run's own code.
public struct CheckedOutputStream: TextOutputStream {
    /// The descriptor written to.
    public let descriptor: Int32
    /// Why the first failed write failed (`strerror`), or nil when every write succeeded.
    public private(set) var failure: String?

    /// A stream writing to `descriptor` (e.g. `STDOUT_FILENO`).
    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func write(_ string: String) {
        guard failure == nil else { return }
        var string = string
        let error: Int32? = string.withUTF8 { buffer in
            guard var next = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = systemWrite(descriptor, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                next += written
                remaining -= written
            }
            return nil
        }
        if let error { failure = String(cString: strerror(error)) }
    }
}

/// `write(2)`, named apart from `CheckedOutputStream.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as a text stream.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { FileDescriptorWriter.write(string, to: STDOUT_FILENO) }
}

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileDescriptorWriter.write(string, to: STDERR_FILENO) }
}

/// Writes a string's own UTF-8 storage to a file descriptor: a lint report can be megabytes, and building a `Data`
/// copy of it first was a visible share of the serial time after linting.
enum FileDescriptorWriter {
    static func write(_ string: String, to descriptor: Int32) {
        var string = string
        string.withUTF8 { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, next, remaining)
                #else
                let written = Darwin.write(descriptor, next, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe or a full disk: nothing more can be written
                }
                next += written
                remaining -= written
            }
        }
    }
}

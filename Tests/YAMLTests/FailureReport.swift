import Foundation

/// Generated cases can be megabytes long: keep the test log short and put the details in a file.
enum FailureReport {
    static func write(_ failures: [String], name: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wfgen-\(name)-failures-\(ProcessInfo.processInfo.processIdentifier).txt")
        try? failures.joined(separator: "\n\n").write(to: url, atomically: true, encoding: .utf8)
        let first = failures.first.map { String($0.prefix(400)) } ?? ""
        return "\(failures.count) failing case(s); details in \(url.path). First: \(first)"
    }
}

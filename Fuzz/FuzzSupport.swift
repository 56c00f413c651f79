// Shared by every fuzz target (compiled into each by Fuzz/build.sh).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lint

/// A broken invariant: print why and abort, which libFuzzer reports as a crash and saves the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    let text = "fuzz invariant broken: " + message() + "\n"
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// The fuzzer's bytes, copied out of libFuzzer's buffer (which is only valid during the call).
func inputBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// The one workflow under test, plus a small valid task definition at every `.json` path it names, so the
/// cross-file rules (image tags, container names, health checks) run instead of stopping at a missing file.
struct FuzzRepository: RepositoryFiles {
    static let workflowPath = ".github/workflows/fuzz.yml"
    static let taskDefinition: [UInt8] = Array("""
        {"family": "web", "containerDefinitions": [{"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest",
         "essential": true, "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30}}]}
        """.utf8)

    let workflow: [UInt8]

    func read(_ path: String) -> [UInt8]? {
        if path == FuzzRepository.workflowPath { return workflow }
        return path.hasSuffix(".json") && !path.hasPrefix("/") ? FuzzRepository.taskDefinition : nil
    }
}

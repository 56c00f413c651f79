// Parse throughput of the YAML module against a bare libyaml event loop, in one process and run.
import YAML
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

let fileCount = 2_000
let rounds = 7
var corpus = WorkflowCorpus(seed: 2026)
let files: [[UInt8]] = (0..<fileCount).map { Array(corpus.workflow(index: $0).utf8) }
let totalBytes = files.reduce(0) { $0 + $1.count }

/// The median wall time of `rounds` runs of `body` over every file, in seconds.
func median(_ body: ([UInt8]) -> Int) -> (seconds: Double, checksum: Int) {
    var times: [Double] = []
    var checksum = 0
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        checksum = 0
        let elapsed = clock.measure {
            for file in files { checksum &+= body(file) }
        }
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return (times.sorted()[rounds / 2], checksum)
}

func countNodes(_ node: Node) -> Int {
    switch node.kind {
    case .scalar: return 1
    case .sequence(let items): return items.reduce(1) { $0 + countNodes($1) }
    case .mapping(let pairs): return pairs.reduce(1) { $0 + countNodes($1.key) + countNodes($1.value) }
    }
}

let parser = YAMLParser()
let raw = median { RawEventLoop.countEvents($0) }
let tree = median { bytes in
    guard let root = try? parser.parse(bytes).root else { return -1 }
    return countNodes(root)
}
guard raw.checksum > 0, tree.checksum > 0 else {
    print("yaml-bench: a generated file failed to parse")
    exit(3)
}

let megabytes = Double(totalBytes) / 1_000_000
func format(_ value: Double, _ digits: Int = 1) -> String {
    let scale = (0..<digits).reduce(1.0) { r, _ in r * 10 }
    return String(Double((value * scale).rounded()) / scale)
}
let ratio = tree.seconds / raw.seconds
print("yaml-bench: \(fileCount) generated workflows, \(format(megabytes, 2)) MB, median of \(rounds) rounds")
print("  bare libyaml event loop : \(format(raw.seconds * 1000)) ms  \(format(megabytes / raw.seconds)) MB/s  (\(raw.checksum) events)")
print("  YAML node-tree parse    : \(format(tree.seconds * 1000)) ms  \(format(megabytes / tree.seconds)) MB/s  (\(tree.checksum) nodes)")
print("  ratio tree/bare         : \(format(ratio, 2))x  (target <= 2.00x: \(ratio <= 2 ? "met" : "NOT met"))")

public import Workflow

/// Fargate task CPU, in CPU units (1024 = 1 vCPU).
public enum FargateCPU: Int, Sendable, Hashable, CaseIterable {
    case quarterVCPU = 256, halfVCPU = 512, oneVCPU = 1024, twoVCPU = 2048, fourVCPU = 4096, eightVCPU = 8192
    case sixteenVCPU = 16384

    /// The memory sizes (MiB) Fargate accepts with this CPU (AWS's table, as in botocore and cfn-lint E3047).
    public var allowedMemoryMiB: [Int] {
        switch self {
        case .quarterVCPU: [512, 1024, 2048]
        case .halfVCPU: Array(stride(from: 1024, through: 4096, by: 1024))
        case .oneVCPU: Array(stride(from: 2048, through: 8192, by: 1024))
        case .twoVCPU: Array(stride(from: 4096, through: 16384, by: 1024))
        case .fourVCPU: Array(stride(from: 8192, through: 30720, by: 1024))
        case .eightVCPU: Array(stride(from: 16384, through: 61440, by: 4096))
        case .sixteenVCPU: Array(stride(from: 32768, through: 122880, by: 8192))
        }
    }
}

/// A Fargate task size: CPU and memory, accepted only in the combinations Fargate runs.
public struct FargateSize: Sendable, Hashable {
    /// Task CPU units.
    public let cpu: FargateCPU
    /// Task memory in MiB.
    public let memoryMiB: Int
    /// The DSL call that built this value, named in diagnostics.
    public let location: SourceLocation

    /// A size; the compiler rejects memory that Fargate does not offer with `cpu`.
    public init(cpu: FargateCPU, memoryMiB: Int, file: String = #filePath, line: Int = #line) {
        self.cpu = cpu
        self.memoryMiB = memoryMiB
        self.location = SourceLocation(file: file, line: line)
    }

    var diagnostics: [Diagnostic] {
        guard cpu.allowedMemoryMiB.contains(memoryMiB) else {
            let allowed = cpu.allowedMemoryMiB
            let range = allowed.count <= 3 ? allowed.map(String.init).joined(separator: ", ")
                : "\(allowed[0])...\(allowed[allowed.count - 1]) in steps of \(allowed[1] - allowed[0])"
            return [.error("Fargate does not offer \(memoryMiB) MiB with \(cpu.rawValue) CPU units; allowed: \(range) MiB",
                           at: location)]
        }
        return []
    }
}

import Foundation

/// What a task-definition file may hold, from botocore's `RegisterTaskDefinition` model.
public enum TaskDefinitionSchema {
    /// Members `RegisterTaskDefinition` accepts.
    public static let members: Set<String> = ["family", "containerDefinitions", "taskRoleArn", "executionRoleArn",
        "networkMode", "volumes", "placementConstraints", "requiresCompatibilities", "cpu", "memory", "tags", "pidMode",
        "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform",
        "enableFaultInjection"]

    /// Keys only `DescribeTaskDefinition` returns; registering a file that holds them fails or needs them stripped.
    public static let describeOnly: Set<String> = ["taskDefinitionArn", "revision", "status", "requiresAttributes",
        "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"]

    /// Members of a container definition.
    public static let containerMembers: Set<String> = ["name", "image", "repositoryCredentials", "cpu", "memory",
        "memoryReservation", "links", "portMappings", "essential", "restartPolicy", "entryPoint", "command",
        "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets", "dependsOn",
        "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
        "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts",
        "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration",
        "healthCheck", "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs"]

    /// Valid Fargate memory values (MiB) per task cpu units.
    public static func fargateMemory(forCPU cpu: Int) -> [Int]? {
        switch cpu {
        case 256: return [512, 1024, 2048]
        case 512: return Array(stride(from: 1024, through: 4096, by: 1024))
        case 1024: return Array(stride(from: 2048, through: 8192, by: 1024))
        case 2048: return Array(stride(from: 4096, through: 16384, by: 1024))
        case 4096: return Array(stride(from: 8192, through: 30720, by: 1024))
        case 8192: return Array(stride(from: 16384, through: 61440, by: 4096))
        case 16384: return Array(stride(from: 32768, through: 122880, by: 8192))
        default: return nil
        }
    }

    /// Task cpu in units from `"256"`, `256`, `"1 vCPU"`, `".25 vcpu"`; nil when not understood.
    public static func cpuUnits(_ text: String) -> Int? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        if let n = Int(t) { return n }
        if t.hasSuffix("vcpu"), let v = Double(t.dropLast(4)) { return Int(v * 1024) }
        return nil
    }

    /// Task memory in MiB from `"512"`, `"1GB"`, `"0.5 gb"`; nil when not understood.
    public static func memoryMiB(_ text: String) -> Int? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        if let n = Int(t) { return n }
        if t.hasSuffix("gb"), let v = Double(t.dropLast(2)) { return Int(v * 1024) }
        return nil
    }

    /// AWS's ranges for container health-check fields: (min, max) in seconds or counts.
    public static let healthCheckRanges: [(field: String, min: Int, max: Int)] = [
        ("interval", 5, 300), ("timeout", 2, 60), ("retries", 1, 10), ("startPeriod", 0, 300),
    ]
}


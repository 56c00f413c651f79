import ECS
import Testing
import Workflow

@Suite struct TaskDefinitionTests {
    static let repository = ECRRepository(account: Fixtures.account, region: Fixtures.region, name: "api")
    static let logs = AWSLogs(group: "/ecs/api", region: Fixtures.region, streamPrefix: "api")

    static func definition(size: FargateSize = FargateSize(cpu: .quarterVCPU, memoryMiB: 512),
                           container: ContainerDefinition? = nil) -> TaskDefinition {
        TaskDefinition(family: "api", size: size,
                       executionRole: IAMRole(account: Fixtures.account, name: "execution"),
                       containers: [container ?? ContainerDefinition("api", repository: repository,
                                                                    healthCheck: .http(port: 80, path: "/"), logging: logs)])
    }

    static func errors(_ definition: TaskDefinition) -> [Diagnostic] {
        definition.diagnostics.filter { $0.severity == .error }
    }

    @Test func invalidFargateSizeNamesItsLine() {
        let line = #line + 1
        let size = FargateSize(cpu: .quarterVCPU, memoryMiB: 4096)
        let found = Self.errors(Self.definition(size: size))
        #expect(found.count == 1)
        #expect(found.first?.location.file == #filePath && found.first?.location.line == line)
        #expect(found.first?.message == "Fargate does not offer 4096 MiB with 256 CPU units; allowed: 512, 1024, 2048 MiB")
    }

    @Test(arguments: FargateCPU.allCases)
    func everyDocumentedCombinationIsAccepted(_ cpu: FargateCPU) {
        for memory in cpu.allowedMemoryMiB {
            #expect(Self.errors(Self.definition(size: FargateSize(cpu: cpu, memoryMiB: memory))).isEmpty)
        }
        #expect(!Self.errors(Self.definition(size: FargateSize(cpu: cpu, memoryMiB: (cpu.allowedMemoryMiB.last ?? 0) + 1024))).isEmpty)
    }

    @Test func fargateTableMatchesAWS() {
        #expect(FargateCPU.halfVCPU.allowedMemoryMiB == [1024, 2048, 3072, 4096])
        #expect(FargateCPU.eightVCPU.allowedMemoryMiB.first == 16384 && FargateCPU.eightVCPU.allowedMemoryMiB.last == 61440)
        #expect(FargateCPU.sixteenVCPU.allowedMemoryMiB.count == 12)
    }

    @Test(arguments: [
        (ContainerHealthCheck(.shell("true"), interval: 4, timeout: 2), "interval 4 is out of range 5-300"),
        (ContainerHealthCheck(.shell("true"), interval: 301), "interval 301 is out of range 5-300"),
        (ContainerHealthCheck(.shell("true"), timeout: 1), "timeout 1 is out of range 2-60"),
        (ContainerHealthCheck(.shell("true"), interval: 100, timeout: 61), "timeout 61 is out of range 2-60"),
        (ContainerHealthCheck(.shell("true"), retries: 0), "retries 0 is out of range 1-10"),
        (ContainerHealthCheck(.shell("true"), retries: 11), "retries 11 is out of range 1-10"),
        (ContainerHealthCheck(.shell("true"), startPeriod: 301), "startPeriod 301 is out of range 0-300"),
        (ContainerHealthCheck(.shell("true"), interval: 10, timeout: 10), "timeout 10 must be less than interval 10"),
        (ContainerHealthCheck(.exec([])), "command is empty"),
    ])
    func outOfRangeHealthCheck(_ check: ContainerHealthCheck, _ message: String) {
        let container = ContainerDefinition("api", repository: Self.repository, healthCheck: check, logging: Self.logs)
        let found = Self.errors(Self.definition(container: container))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains(message) == true, "\(found)")
        // The location is the health check's own DSL call (the arguments list above), not the container's.
        #expect(found.first?.location == check.location)
        #expect(found.first?.location.file == #filePath)
    }

    @Test func plaintextSecretInEnvironmentIsAnErrorAtTheContainer() {
        let line = #line + 1
        let container = ContainerDefinition("api", repository: Self.repository, environment: ["DB_PASSWORD": "hunter2"],
                                            healthCheck: .http(port: 80, path: "/"), logging: Self.logs)
        let found = Self.errors(Self.definition(container: container))
        #expect(found.count == 1)
        #expect(found.first?.location.line == line)
        #expect(found.first?.message.contains("plaintext secret") == true)
        #expect(found.first?.message.contains("hunter2") == false, "the value must be redacted")
    }

    @Test func secretSourcesRenderAsARNs() {
        let ssm = ContainerSecret.Source.ssmParameter(account: Fixtures.account, region: Fixtures.region, name: "/app/db")
        let container = ContainerDefinition(
            "api", repository: Self.repository,
            secrets: [ContainerSecret("DB", from: ssm),
                      ContainerSecret("KEY", from: .secretsManager(arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:k-AbCdEf"))],
            healthCheck: .http(port: 80, path: "/"), logging: Self.logs)
        let text = Self.definition(container: container).json.text
        #expect(text.contains("\"valueFrom\": \"arn:aws:ssm:us-east-1:123456789012:parameter/app/db\""))
        #expect(text.contains("\"valueFrom\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:k-AbCdEf\""))
    }

    @Test func badSecretsManagerARNAndNamesAreRejected() {
        let container = ContainerDefinition(
            "api", repository: ECRRepository(account: AWSAccountID("12345"), region: AWSRegion("Europe"), name: "Api"),
            secrets: [ContainerSecret("KEY", from: .secretsManager(arn: "my-secret"))],
            healthCheck: .http(port: 80, path: "/"), logging: Self.logs)
        let messages = Self.errors(Self.definition(container: container)).map(\.message)
        #expect(messages.contains { $0.contains("is not a Secrets Manager secret ARN") })
        #expect(messages.contains { $0.contains("must be 12 digits") })
        #expect(messages.contains { $0.contains("is not a region name") })
        #expect(messages.contains { $0.contains("ECR repository name 'Api'") })
    }

    @Test func missingHealthCheckIsAWarning() {
        let container = ContainerDefinition("api", repository: Self.repository, healthCheck: nil, logging: Self.logs)
        let diagnostics = Self.definition(container: container).diagnostics
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func taskDefinitionJSONMatchesGolden() throws {
        let staging = Fixtures.pipeline().environments[0]
        let definition = Fixtures.taskDefinition(staging, ECRRepository(account: Fixtures.account, region: Fixtures.region, name: "api"))
        #expect(definition.diagnostics.isEmpty)
        try Golden.check(definition.json.text, against: "api-staging.json")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").text == "\"a\\\"b\\\\c\\n\\u0001\"\n")
    }
}

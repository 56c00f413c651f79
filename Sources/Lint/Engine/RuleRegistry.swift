/// Every rule, sorted by id. Adding a rule means adding it here; a test checks order, uniqueness and docs.
public enum RuleRegistry {
    /// All rules, sorted by id.
    public static let all: [any Rule] = [
        ActionInputWrongServiceRule(),
        AWSCLIWrongServiceRule(),
        ContainerWithoutHealthcheckRule(),
        DeployBeforePushRule(),
        DeployWithoutConcurrencyRule(),
        DeployWithoutStabilityWaitRule(),
        ECSRegistryHostRule(),
        HardcodedCredentialRule(),
        HealthcheckOutOfRangeRule(),
        ImageNeverDeployedRule(),
        ImageTagMismatchRule(),
        InvalidTaskDefinitionRule(),
        InvalidWorkflowRule(),
        InvalidYAMLRule(),
        LongLivedAWSKeysRule(),
        MutableTagDeployRule(),
        NoPostDeployCheckRule(),
        OIDCWithoutIDTokenPermissionRule(),
        OutdatedAWSActionRule(),
        PlaintextSecretEnvironmentRule(),
        PushToECSWordingRule(),
        PushWithoutECRLoginRule(),
        RenderedTaskDefinitionUnusedRule(),
        SecretBuildArgRule(),
        SecretPrintedRule(),
        TaskDefinitionWithoutServiceRule(),
        UnpinnedActionRule(),
    ]

    /// The rule with `id`.
    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }

    /// All rule ids.
    public static var ids: Set<String> { Set(all.map(\.id)) }
}

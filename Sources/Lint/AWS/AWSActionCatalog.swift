/// The four aws-actions and the inputs each major version accepts (from each action's `action.yml`).
public enum AWSActionCatalog {
    /// `aws-actions/configure-aws-credentials`.
    public static let configureCredentials = "aws-actions/configure-aws-credentials"
    /// `aws-actions/amazon-ecr-login`.
    public static let ecrLogin = "aws-actions/amazon-ecr-login"
    /// `aws-actions/amazon-ecs-render-task-definition`.
    public static let renderTaskDefinition = "aws-actions/amazon-ecs-render-task-definition"
    /// `aws-actions/amazon-ecs-deploy-task-definition`.
    public static let deployTaskDefinition = "aws-actions/amazon-ecs-deploy-task-definition"

    private static let configureV1: Set<String> = ["audience", "aws-access-key-id", "aws-secret-access-key", "aws-session-token", "aws-region",
        "mask-aws-account-id", "role-to-assume", "web-identity-token-file", "role-duration-seconds", "role-session-name",
        "role-external-id", "role-skip-session-tagging"]
    private static let configureV2 = configureV1.union(["http-proxy", "role-chaining", "inline-session-policy", "managed-session-policies"])
    private static let configureV3 = configureV2.union(["output-credentials", "unset-current-credentials", "disable-retry",
        "retry-max-attempts", "special-characters-workaround"])
    private static let configureV4 = configureV3.union(["use-existing-credentials"])
    private static let configureV5 = configureV4.union(["no-proxy", "output-env-credentials", "allowed-account-ids",
        "force-skip-oidc", "action-timeout-s"])
    private static let configureV6 = configureV5.union(["aws-profile", "overwrite-aws-profile", "transitive-tag-keys",
        "custom-tags", "sts-endpoint"])
    private static let ecrLoginInputs: Set<String> = ["http-proxy", "mask-password", "registries", "registry-type", "skip-logout"]
    private static let renderInputs: Set<String> = ["task-definition", "task-definition-arn", "task-definition-family",
        "task-definition-revision", "container-name", "image", "environment-variables", "log-configuration-log-driver",
        "log-configuration-options", "docker-labels", "command", "task-role-arn", "execution-role-arn", "env-files", "secrets"]
    private static let deployV1: Set<String> = ["task-definition", "desired-count", "service", "cluster",
        "wait-for-service-stability", "wait-for-minutes", "codedeploy-appspec", "codedeploy-application",
        "codedeploy-deployment-group", "codedeploy-deployment-description", "codedeploy-deployment-config",
        "force-new-deployment"]
    private static let deployV2 = deployV1.union(["wait-max-delay-seconds", "service-managed-ebs-volume-name",
        "service-managed-ebs-volume", "run-task", "run-task-container-overrides", "run-task-security-groups",
        "run-task-subnets", "run-task-assign-public-IP", "run-task-capacity-provider-strategy", "run-task-launch-type",
        "run-task-started-by", "run-task-tags", "run-task-managed-ebs-volume-name", "run-task-managed-ebs-volume",
        "wait-for-task-stopped", "enable-ecs-managed-tags", "propagate-tags", "keep-null-value-keys", "max-retries"])

    /// Inputs per major version, for each known aws-actions action.
    public static let inputs: [String: [Int: Set<String>]] = [
        configureCredentials: [1: configureV1, 2: configureV2, 3: configureV3, 4: configureV4, 5: configureV5, 6: configureV6],
        ecrLogin: [1: ecrLoginInputs, 2: ecrLoginInputs],
        renderTaskDefinition: [1: renderInputs],
        deployTaskDefinition: [1: deployV1, 2: deployV2],
    ]

    /// The newest major version of each action.
    public static let newestMajor: [String: Int] = [
        configureCredentials: 6, ecrLogin: 2, renderTaskDefinition: 1, deployTaskDefinition: 2,
    ]

    /// Majors considered outdated (superseded, older runtimes, or failing on newer task-definition keys).
    public static let outdatedMajors: [String: Set<Int>] = [
        configureCredentials: [1, 2, 3], ecrLogin: [1], deployTaskDefinition: [1],
    ]

    /// Inputs that belong to the registry (ECR) side.
    public static let ecrOnlyInputs: Set<String> = ["registries", "registry-type", "mask-password", "skip-logout", "repository", "registry"]
    /// Inputs that belong to the service (ECS) side.
    public static let ecsOnlyInputs: Set<String> = ["service", "cluster", "task-definition", "container-name",
        "wait-for-service-stability", "desired-count", "force-new-deployment"]

    /// Every input any version of `action` accepts.
    public static func allInputs(of action: String) -> Set<String> { allInputsByAction[action] ?? [] }

    /// The union of each action's inputs over its versions, computed once.
    private static let allInputsByAction: [String: Set<String>] = inputs.mapValues { versions in
        versions.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }
}

import ECS
import Testing
import Workflow

/// Every `with:` key a binding can write is an input of the pinned action's `action.yml`, so a typo
/// cannot reach a user's workflow. The lists are copied from each action.yml at the pinned tag.
@Suite struct ActionInputTests {
    static let documented: [String: Set<String>] = [
        "actions/checkout": ["repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user",
                             "persist-credentials", "path", "clean", "filter", "sparse-checkout",
                             "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs",
                             "submodules", "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout"],
        "aws-actions/configure-aws-credentials": [
            "aws-region", "aws-profile", "overwrite-aws-profile", "role-to-assume", "aws-access-key-id",
            "aws-secret-access-key", "aws-session-token", "web-identity-token-file", "role-chaining", "audience",
            "http-proxy", "no-proxy", "mask-aws-account-id", "role-duration-seconds", "role-external-id",
            "role-session-name", "role-skip-session-tagging", "transitive-tag-keys", "inline-session-policy",
            "managed-session-policies", "output-credentials", "output-env-credentials", "unset-current-credentials",
            "disable-retry", "retry-max-attempts", "special-characters-workaround", "use-existing-credentials",
            "allowed-account-ids", "force-skip-oidc", "action-timeout-s", "custom-tags", "sts-endpoint"],
        "aws-actions/amazon-ecr-login": ["http-proxy", "mask-password", "registries", "registry-type", "skip-logout"],
        "aws-actions/amazon-ecs-render-task-definition": [
            "task-definition", "task-definition-arn", "task-definition-family", "task-definition-revision",
            "container-name", "image", "environment-variables", "log-configuration-log-driver",
            "log-configuration-options", "docker-labels", "command", "task-role-arn", "execution-role-arn",
            "env-files", "secrets"],
        "aws-actions/amazon-ecs-deploy-task-definition": [
            "task-definition", "desired-count", "service", "cluster", "wait-for-service-stability", "wait-for-minutes",
            "wait-max-delay-seconds", "codedeploy-appspec", "codedeploy-application", "codedeploy-deployment-group",
            "codedeploy-deployment-description", "codedeploy-deployment-config", "force-new-deployment",
            "service-managed-ebs-volume-name", "service-managed-ebs-volume", "run-task", "run-task-container-overrides",
            "run-task-security-groups", "run-task-subnets", "run-task-assign-public-IP",
            "run-task-capacity-provider-strategy", "run-task-launch-type", "run-task-started-by", "run-task-tags",
            "run-task-managed-ebs-volume-name", "run-task-managed-ebs-volume", "wait-for-task-stopped",
            "enable-ecs-managed-tags", "propagate-tags", "keep-null-value-keys", "max-retries"],
        "docker/setup-buildx-action": ["version", "driver", "driver-opts", "buildkitd-flags", "buildkitd-config",
                                       "buildkitd-config-inline", "use", "name", "endpoint", "platforms", "append",
                                       "keep-state", "cache-binary", "cleanup"],
        "docker/build-push-action": ["add-hosts", "allow", "annotations", "attests", "build-args", "build-contexts",
                                     "builder", "cache-from", "cache-to", "call", "cgroup-parent", "context", "file",
                                     "labels", "load", "network", "no-cache", "no-cache-filters", "outputs",
                                     "platforms", "provenance", "pull", "push", "sbom", "secrets", "secret-envs",
                                     "secret-files", "shm-size", "ssh", "tags", "target", "ulimit", "github-token"],
        "docker/login-action": ["registry", "username", "password", "ecr", "scope", "logout", "registry-auth"],
        "github/codeql-action/upload-sarif": ["sarif_file", "checkout_path", "ref", "sha", "token", "matrix",
                                              "category", "wait-for-processing"],
    ]

    static func keys(_ binding: some ActionBinding) -> (String, [String]) {
        (type(of: binding).pin.action, binding.inputs.map(\.0))
    }

    static let bindings: [(String, [String])] = [
        keys(Checkout()),
        keys(ConfigureAWSCredentials(region: "eu-west-1", credentials: .oidc(role: "arn:aws:iam::111122223333:role/r"))),
        keys(AmazonECRLogin()),
        keys(RenderTaskDefinition(.file("td.json"), containerName: "app", image: "img")),
        keys(DeployTaskDefinition(taskDefinition: "td.json", service: "s", cluster: "c")),
        keys(SetupBuildx()),
        keys(BuildPush()),
        keys(DockerLogin()),
        keys(UploadSARIF(sarifFile: "results.sarif")),
    ]

    @Test func everyPinnedActionHasABinding() {
        #expect(Set(Self.bindings.map(\.0)) == Set(ActionPins.all.map(\.action)))
    }

    @Test(arguments: bindings.map(\.0))
    func bindingWritesOnlyDocumentedInputs(_ action: String) throws {
        let documented = try #require(Self.documented[action])
        let keys = try #require(Self.bindings.first { $0.0 == action }).1
        #expect(Set(keys).count == keys.count, "a key is written twice")
        for key in keys {
            #expect(documented.contains(key), "\(action) has no input '\(key)'")
        }
    }

    @Test func requiredInputsAreAlwaysWritten() throws {
        func written(_ binding: some ActionBinding) -> Set<String> {
            Set(binding.inputs.compactMap { $0.1 == nil ? nil : $0.0 })
        }
        #expect(written(ConfigureAWSCredentials(region: "eu-west-1", credentials: .oidc(role: "r"))).contains("aws-region"))
        #expect(written(RenderTaskDefinition(.file("t"), containerName: "c", image: "i")).isSuperset(of: ["container-name", "image"]))
        #expect(written(DeployTaskDefinition(taskDefinition: "t", service: "s", cluster: "c"))
                .isSuperset(of: ["task-definition", "service", "cluster", "wait-for-service-stability"]))
        #expect(written(Checkout()).contains("persist-credentials"))
    }

    @Test func bindingsUseTheTable() {
        #expect(Checkout.pin == ActionPins.checkout)
        #expect(ConfigureAWSCredentials.pin == ActionPins.configureAWSCredentials)
        #expect(AmazonECRLogin.pin == ActionPins.amazonECRLogin)
        #expect(RenderTaskDefinition.pin == ActionPins.renderTaskDefinition)
        #expect(DeployTaskDefinition.pin == ActionPins.deployTaskDefinition)
        #expect(SetupBuildx.pin == ActionPins.setupBuildx)
        #expect(BuildPush.pin == ActionPins.buildPush)
        #expect(DockerLogin.pin == ActionPins.dockerLogin)
        #expect(UploadSARIF.pin == ActionPins.uploadSARIF)
    }
}

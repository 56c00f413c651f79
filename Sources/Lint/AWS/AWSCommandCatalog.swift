/// The `aws ecr` and `aws ecs` subcommands, from botocore's service models (ecr 2015-09-21, ecs 2014-11-13) plus the
/// AWS CLI's customizations, as listed in the project's AWS reference.
public enum AWSCommandCatalog {
    /// `aws ecr` subcommands: the 58 API operations plus `get-login-password`, `get-login` (CLI v1) and `wait`.
    public static let ecr: Set<String> = [
        "batch-check-layer-availability", "batch-delete-image", "batch-get-image",
        "batch-get-repository-scanning-configuration", "complete-layer-upload", "create-pull-through-cache-rule",
        "create-repository", "create-repository-creation-template", "delete-lifecycle-policy",
        "delete-pull-through-cache-rule", "delete-registry-policy", "delete-repository",
        "delete-repository-creation-template", "delete-repository-policy", "delete-signing-configuration",
        "deregister-pull-time-update-exclusion", "describe-image-replication-status", "describe-image-scan-findings",
        "describe-image-signing-status", "describe-images", "describe-pull-through-cache-rules", "describe-registry",
        "describe-repositories", "describe-repository-creation-templates", "get-account-setting",
        "get-authorization-token", "get-download-url-for-layer", "get-lifecycle-policy", "get-lifecycle-policy-preview",
        "get-registry-policy", "get-registry-scanning-configuration", "get-repository-policy",
        "get-signing-configuration", "initiate-layer-upload", "list-image-referrers", "list-images",
        "list-pull-time-update-exclusions", "list-tags-for-resource", "put-account-setting", "put-image",
        "put-image-scanning-configuration", "put-image-tag-mutability", "put-lifecycle-policy", "put-registry-policy",
        "put-registry-scanning-configuration", "put-replication-configuration", "put-signing-configuration",
        "register-pull-time-update-exclusion", "set-repository-policy", "start-image-scan",
        "start-lifecycle-policy-preview", "tag-resource", "untag-resource", "update-image-storage-class",
        "update-pull-through-cache-rule", "update-repository-creation-template", "upload-layer-part",
        "validate-pull-through-cache-rule",
        "get-login-password", "get-login", "wait", "help",
    ]

    /// `aws ecr wait` waiters.
    public static let ecrWaiters: Set<String> = ["image-scan-complete", "lifecycle-policy-preview-complete"]

    /// `aws ecs` subcommands: the 77 API operations plus the `deploy` customization and `wait`.
    public static let ecs: Set<String> = [
        "continue-service-deployment", "create-capacity-provider", "create-cluster", "create-daemon",
        "create-express-gateway-service", "create-service", "create-task-set", "delete-account-setting",
        "delete-attributes", "delete-capacity-provider", "delete-cluster", "delete-daemon",
        "delete-daemon-task-definition", "delete-express-gateway-service", "delete-service", "delete-task-definitions",
        "delete-task-set", "deregister-container-instance", "deregister-task-definition", "describe-capacity-providers",
        "describe-clusters", "describe-container-instances", "describe-daemon", "describe-daemon-deployments",
        "describe-daemon-revisions", "describe-daemon-task-definition", "describe-express-gateway-service",
        "describe-service-deployments", "describe-service-revisions", "describe-services", "describe-task-definition",
        "describe-task-sets", "describe-tasks", "discover-poll-endpoint", "execute-command", "get-task-protection",
        "list-account-settings", "list-attributes", "list-clusters", "list-container-instances",
        "list-daemon-deployments", "list-daemon-task-definitions", "list-daemons", "list-service-deployments",
        "list-services", "list-services-by-namespace", "list-tags-for-resource", "list-task-definition-families",
        "list-task-definitions", "list-tasks", "put-account-setting", "put-account-setting-default", "put-attributes",
        "put-cluster-capacity-providers", "register-container-instance", "register-daemon-task-definition",
        "register-task-definition", "run-task", "start-task", "stop-service-deployment", "stop-task",
        "submit-attachment-state-changes", "submit-container-state-change", "submit-task-state-change", "tag-resource",
        "untag-resource", "update-capacity-provider", "update-cluster", "update-cluster-settings",
        "update-container-agent", "update-container-instances-state", "update-daemon",
        "update-express-gateway-service", "update-service", "update-service-primary-task-set",
        "update-task-protection", "update-task-set",
        "deploy", "wait", "help",
    ]

    /// `aws ecs wait` waiters.
    public static let ecsWaiters: Set<String> = [
        "services-stable", "services-inactive", "tasks-running", "tasks-stopped",
        "daemon-deployment-stable", "daemon-deployment-successful", "daemon-stable",
    ]

    /// The subcommands of `service` (`ecr` or `ecs`), nil for other services.
    public static func operations(of service: String) -> Set<String>? {
        switch service {
        case "ecr": return ecr
        case "ecs": return ecs
        default: return nil
        }
    }

    /// The waiters of `service`.
    public static func waiters(of service: String) -> Set<String> {
        service == "ecr" ? ecrWaiters : service == "ecs" ? ecsWaiters : []
    }
}

public import Workflow

/// aws-actions/amazon-ecs-deploy-task-definition v2 (inputs from its action.yml at v2.6.3).
///
/// `service` and `cluster` are required here although the action makes them optional: without a
/// service the action only registers the task definition and deploys nothing. Waiting for stability
/// defaults to `true` for the same reason.
public struct DeployTaskDefinition: ActionBinding {
    /// Outputs of deploy-task-definition.
    public enum Output: String, Sendable {
        case taskDefinitionARN = "task-definition-arn", codedeployDeploymentID = "codedeploy-deployment-id"
        case runTaskARN = "run-task-arn"
    }
    public static var pin: ActionPin { ActionPins.deployTaskDefinition }

    /// The action input `task-definition`.
    public var taskDefinition: InterpolatedString
    /// The action input `service`.
    public var service: InterpolatedString
    /// The action input `cluster`.
    public var cluster: InterpolatedString
    /// The action input `desired-count`; nil leaves the action default.
    public var desiredCount: LiteralOrExpression<Int>?
    /// The action input `wait-for-service-stability`.
    public var waitForServiceStability: LiteralOrExpression<Bool>
    /// The action input `wait-for-minutes`; nil leaves the action default.
    public var waitForMinutes: LiteralOrExpression<Int>?
    /// The action input `force-new-deployment`; nil leaves the action default.
    public var forceNewDeployment: LiteralOrExpression<Bool>?
    /// The action input `codedeploy-appspec`; nil leaves the action default.
    public var codedeployAppspec: InterpolatedString?
    /// The action input `codedeploy-application`; nil leaves the action default.
    public var codedeployApplication: InterpolatedString?
    /// The action input `codedeploy-deployment-group`; nil leaves the action default.
    public var codedeployDeploymentGroup: InterpolatedString?
    /// The action input `enable-ecs-managed-tags`; nil leaves the action default.
    public var enableECSManagedTags: LiteralOrExpression<Bool>?
    /// The action input `propagate-tags`; nil leaves the action default.
    public var propagateTags: PropagateTags?
    /// The action input `max-retries`; nil leaves the action default.
    public var maxRetries: LiteralOrExpression<Int>?

    /// `propagate-tags`.
    public enum PropagateTags: String, Sendable { case service = "SERVICE", taskDefinition = "TASK_DEFINITION", none = "NONE" }

    /// Registers `taskDefinition` and rolls `service` on `cluster` to it.
    public init(taskDefinition: InterpolatedString, service: InterpolatedString, cluster: InterpolatedString,
                desiredCount: LiteralOrExpression<Int>? = nil, waitForServiceStability: LiteralOrExpression<Bool> = true,
                waitForMinutes: LiteralOrExpression<Int>? = nil, forceNewDeployment: LiteralOrExpression<Bool>? = nil,
                codedeployAppspec: InterpolatedString? = nil, codedeployApplication: InterpolatedString? = nil,
                codedeployDeploymentGroup: InterpolatedString? = nil, enableECSManagedTags: LiteralOrExpression<Bool>? = nil,
                propagateTags: PropagateTags? = nil, maxRetries: LiteralOrExpression<Int>? = nil) {
        self.taskDefinition = taskDefinition
        self.service = service
        self.cluster = cluster
        self.desiredCount = desiredCount
        self.waitForServiceStability = waitForServiceStability
        self.waitForMinutes = waitForMinutes
        self.forceNewDeployment = forceNewDeployment
        self.codedeployAppspec = codedeployAppspec
        self.codedeployApplication = codedeployApplication
        self.codedeployDeploymentGroup = codedeployDeploymentGroup
        self.enableECSManagedTags = enableECSManagedTags
        self.propagateTags = propagateTags
        self.maxRetries = maxRetries
    }

    public var inputs: [(String, InputValue?)] {
        [
            ("task-definition", .string(taskDefinition)), ("desired-count", desiredCount.input),
            ("service", .string(service)), ("cluster", .string(cluster)),
            ("wait-for-service-stability", .bool(waitForServiceStability)), ("wait-for-minutes", waitForMinutes.input),
            ("codedeploy-appspec", codedeployAppspec.input), ("codedeploy-application", codedeployApplication.input),
            ("codedeploy-deployment-group", codedeployDeploymentGroup.input),
            ("force-new-deployment", forceNewDeployment.input),
            ("enable-ecs-managed-tags", enableECSManagedTags.input),
            ("propagate-tags", propagateTags.map { .string(InterpolatedString($0.rawValue)) }),
            ("max-retries", maxRetries.input),
        ]
    }

    public func diagnostics(at location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if case .literal(false) = waitForServiceStability {
            found.append(.warning("the deploy succeeds before the service is stable; keep waitForServiceStability: true",
                                  at: location))
        }
        if case .literal(let minutes)? = waitForMinutes, minutes > 360 {
            found.append(.error("waitForMinutes \(minutes) exceeds the action's 360-minute cap", at: location))
        }
        return found
    }
}

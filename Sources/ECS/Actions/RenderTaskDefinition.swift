public import Workflow

/// aws-actions/amazon-ecs-render-task-definition v1 (inputs from its action.yml at v1.9.0).
///
/// Writes a copy of the task definition with `image` set on `containerName`; its `task-definition`
/// output is the path of that copy, which is what the deploy step must register.
public struct RenderTaskDefinition: ActionBinding {
    /// Outputs of render-task-definition.
    public enum Output: String, Sendable { case taskDefinition = "task-definition" }
    public static var pin: ActionPin { ActionPins.renderTaskDefinition }

    /// Where the task definition to render comes from.
    public enum Source: Sendable, Hashable {
        case file(InterpolatedString)
        case arn(InterpolatedString)
        case family(InterpolatedString, revision: InterpolatedString? = nil)
    }

    /// The action input `source`.
    public var source: Source
    /// The action input `container-name`.
    public var containerName: InterpolatedString
    /// The action input `image`.
    public var image: InterpolatedString
    /// The action input `environment-variables`; nil leaves the action default.
    public var environmentVariables: [InterpolatedString]?
    /// The action input `log-configuration-log-driver`; nil leaves the action default.
    public var logConfigurationLogDriver: InterpolatedString?
    /// The action input `log-configuration-options`; nil leaves the action default.
    public var logConfigurationOptions: [InterpolatedString]?
    /// The action input `docker-labels`; nil leaves the action default.
    public var dockerLabels: [InterpolatedString]?
    /// The action input `command`; nil leaves the action default.
    public var command: InterpolatedString?
    /// The action input `task-role-arn`; nil leaves the action default.
    public var taskRoleARN: InterpolatedString?
    /// The action input `execution-role-arn`; nil leaves the action default.
    public var executionRoleARN: InterpolatedString?
    /// The action input `env-files`; nil leaves the action default.
    public var envFiles: [InterpolatedString]?

    /// Renders `image` into the container `containerName` of `source`.
    public init(_ source: Source, containerName: InterpolatedString, image: InterpolatedString,
                environmentVariables: [InterpolatedString]? = nil, logConfigurationLogDriver: InterpolatedString? = nil,
                logConfigurationOptions: [InterpolatedString]? = nil, dockerLabels: [InterpolatedString]? = nil,
                command: InterpolatedString? = nil, taskRoleARN: InterpolatedString? = nil,
                executionRoleARN: InterpolatedString? = nil, envFiles: [InterpolatedString]? = nil) {
        self.source = source
        self.containerName = containerName
        self.image = image
        self.environmentVariables = environmentVariables
        self.logConfigurationLogDriver = logConfigurationLogDriver
        self.logConfigurationOptions = logConfigurationOptions
        self.dockerLabels = dockerLabels
        self.command = command
        self.taskRoleARN = taskRoleARN
        self.executionRoleARN = executionRoleARN
        self.envFiles = envFiles
    }

    public var inputs: [(String, InputValue?)] {
        var file: InterpolatedString?, arn: InterpolatedString?, family: InterpolatedString?
        var revision: InterpolatedString?
        switch source {
        case .file(let f): file = f
        case .arn(let a): arn = a
        case .family(let f, let r):
            family = f
            revision = r
        }
        return [
            ("task-definition", file.input), ("task-definition-arn", arn.input),
            ("task-definition-family", family.input), ("task-definition-revision", revision.input),
            ("container-name", .string(containerName)), ("image", .string(image)),
            ("environment-variables", environmentVariables.input),
            ("log-configuration-log-driver", logConfigurationLogDriver.input),
            ("log-configuration-options", logConfigurationOptions.input), ("docker-labels", dockerLabels.input),
            ("command", command.input), ("task-role-arn", taskRoleARN.input),
            ("execution-role-arn", executionRoleARN.input), ("env-files", envFiles.input),
        ]
    }
}

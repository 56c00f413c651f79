/// Lookups over `DeploymentFacts` that rules make once per deployment or per step, built once per file.
struct DeploymentIndexes: Sendable {
    let stabilityWaits: PositionIndex
    let postDeployChecks: PositionIndex
    /// `aws ecs describe-services` commands that poll the rollout (`rolloutState`, `runningCount`, `deployments`).
    let rolloutPolls: PositionIndex
    /// The first AWS command at each position.
    let awsCommandAt: [StepPosition: AWSInvocation]
    /// The kind of the first service deployment of each step (job, step).
    let deploymentKindAt: [StepKey: ServiceDeployment.Kind]

    init(awsCommands: [AWSInvocation], stabilityWaits: [StepPosition], postDeployChecks: [StepPosition], deployments: [ServiceDeployment]) {
        self.stabilityWaits = PositionIndex(stabilityWaits)
        self.postDeployChecks = PositionIndex(postDeployChecks)
        rolloutPolls = PositionIndex(awsCommands.filter { invocation in
            invocation.service.value == "ecs" && invocation.operation?.value == "describe-services"
                && invocation.command.resolved.contains { $0.fastContains("rolloutState") || $0.fastContains("runningCount") || $0.fastContains("deployments") }
        }.map(\.position))
        var commands: [StepPosition: AWSInvocation] = [:]
        for invocation in awsCommands where commands[invocation.position] == nil { commands[invocation.position] = invocation }
        awsCommandAt = commands
        var kinds: [StepKey: ServiceDeployment.Kind] = [:]
        for deployment in deployments {
            let key = StepKey(job: deployment.position.job, step: deployment.position.step)
            if kinds[key] == nil { kinds[key] = deployment.kind }
        }
        deploymentKindAt = kinds
    }
}

/// A step of a workflow by job and step index.
struct StepKey: Hashable, Sendable {
    let job: Int
    let step: Int
}

extension DeploymentFacts {
    /// True when a `wait services-stable` (or the deploy action's own wait) runs after `position`.
    func stabilityWaitRuns(after position: StepPosition) -> Bool {
        indexes.value.stabilityWaits.anyRuns(after: position, in: jobOrder)
    }

    /// True when a describe-services polling of the rollout runs after `position`.
    func rolloutPollRuns(after position: StepPosition) -> Bool {
        indexes.value.rolloutPolls.anyRuns(after: position, in: jobOrder)
    }

    /// True when a post-deploy check (a health URL request, describe-services, target health) runs after `position`.
    func postDeployCheckRuns(after position: StepPosition) -> Bool {
        indexes.value.postDeployChecks.anyRuns(after: position, in: jobOrder)
    }

    /// The first AWS command at `position`.
    func awsCommand(at position: StepPosition) -> AWSInvocation? { indexes.value.awsCommandAt[position] }

    /// The kind of the first service deployment made by step `step` of job `job`.
    func deploymentKind(job: Int, step: Int) -> ServiceDeployment.Kind? { indexes.value.deploymentKindAt[StepKey(job: job, step: step)] }
}

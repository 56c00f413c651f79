public import Workflow

/// One service's task definition in one environment, as the pipeline compiler rendered it.
struct DeployedTaskDefinition {
    let environment: DeploymentEnvironment
    let service: Service
    let definition: TaskDefinition
}

extension PipelineCompiler {
    /// What each role the pipeline's jobs and task definitions name must be allowed, mirroring the jobs `compile`
    /// builds: `build-*` jobs (no environment) assume the registry's role, `deploy-<env>-*` jobs (environment `env`)
    /// assume that environment's role, and ECS assumes each task definition's execution and task roles.
    static func iamNeeds(for pipeline: Pipeline,
                         deployed: [DeployedTaskDefinition]) -> (needs: [IAMNeed], diagnostics: [Diagnostic]) {
        let at = pipeline.location
        var needs: [IAMNeed] = []
        var found: [Diagnostic] = []
        let github = pipeline.github
        if let github { found += github.diagnostics }

        func assumedByGitHub(_ role: IAMRole, _ subject: OIDCSubject, _ github: GitHubRepository) {
            needs.append(IAMNeed(role, .assumedByGitHub(issuer: github.oidcIssuer,
                                                        providerARN: github.providerARN(in: role.account.value),
                                                        subject: "repo:\(github.slug):\(subject.claim)",
                                                        isPattern: subject.isPattern), at: at))
        }
        var usesOIDC = false

        if case .oidc(let role) = pipeline.registry.credentials, !pipeline.services.isEmpty {
            usesOIDC = true
            if let github {
                let (subjects, diagnostics) = OIDCSubject.subjects(startedBy: pipeline.on, in: github, at: at)
                found += diagnostics
                for subject in subjects { assumedByGitHub(role, subject, github) }
            }
            for service in pipeline.services {
                needs.append(IAMNeed(role, .pushImages(RepositoryName(pipeline.registry.repository(service.repository))),
                                     at: at))
            }
        }

        for item in deployed {
            let environment = item.environment, definition = item.definition
            let region = environment.region.value, account = environment.account.value
            if case .oidc(let role) = environment.credentials {
                usesOIDC = true
                if let github { assumedByGitHub(role, .environment(environment.name), github) }
                needs.append(IAMNeed(role, .registerTaskDefinition(
                    familyARN: "arn:aws:ecs:\(region):\(account):task-definition/\(definition.family)"), at: at))
                needs.append(IAMNeed(role, .deployService(
                    serviceARN: "arn:aws:ecs:\(region):\(account):service/\(environment.cluster)/\(item.service.name)"),
                    at: at))
                for passed in [definition.executionRole] + (definition.taskRole.map { [$0] } ?? []) {
                    needs.append(IAMNeed(role, .passRole(roleARN: passed.arn), at: at))
                }
            }
            let execution = definition.executionRole
            needs.append(IAMNeed(execution, .assumedAsExecutionRole, at: at))
            if let taskRole = definition.taskRole {
                needs.append(IAMNeed(taskRole, .assumedAsTaskRole(account: account, region: region), at: at))
            }
            for container in definition.containers {
                needs.append(IAMNeed(execution, .pullImages(RepositoryName(container.repository)), at: at))
                for secret in container.secrets {
                    switch secret.source {
                    case .ssmParameter:
                        needs.append(IAMNeed(execution, .readParameter(arn: secret.source.valueFrom), at: at))
                    case .secretsManager(let arn, _):
                        needs.append(IAMNeed(execution, .readSecret(arn: arn), at: at))
                    }
                }
                let logs = container.logging
                needs.append(IAMNeed(execution, .writeLogs(
                    groupARN: "arn:aws:logs:\(logs.region.value):\(account):log-group:\(logs.group)",
                    createGroup: logs.createGroup), at: at))
            }
        }
        if usesOIDC && github == nil {
            found.append(.warning("pipeline '\(pipeline.name)' assumes roles through GitHub OIDC but names no GitHub repository, so their trust policies are not generated; pass github: GitHubRepository(\"OWNER/REPO\") to Pipeline",
                                  at: at))
        }
        return (needs, found)
    }
}

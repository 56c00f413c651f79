/// The statements of one role's trust and permission policies, from everything it was found to need.
///
/// Statements come in a fixed order with fixed `Sid`s and sorted resources, so the files are byte-stable.
enum RolePolicies {
    /// What `docker push` calls on a repository (`ecr:GetAuthorizationToken` is separate: it has no resource).
    static let pushActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                              "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"]
    /// What pulling an image calls on a repository.
    static let pullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]

    /// Who may assume the role: GitHub jobs (one statement per OIDC provider) and ECS.
    static func trust(_ grants: Set<IAMNeed.Grant>) -> [PolicyStatement] {
        var statements: [PolicyStatement] = []
        var github: [String: (issuer: String, subjects: Set<String>, pattern: Bool)] = [:]
        var taskSources: Set<[String]> = []
        var execution = false
        for grant in grants {
            switch grant {
            case .assumedByGitHub(let issuer, let provider, let subject, let isPattern):
                var entry = github[provider] ?? (issuer, [], false)
                entry.subjects.insert(subject)
                entry.pattern = entry.pattern || isPattern
                github[provider] = entry
            case .assumedAsTaskRole(let account, let region): taskSources.insert([account, region])
            case .assumedAsExecutionRole: execution = true
            default: continue
            }
        }
        let providers = github.keys.sorted()
        for (index, provider) in providers.enumerated() {
            guard let entry = github[provider] else { continue }
            // StringEquals unless a subject is a pattern: one operator for every subject, because two operators on
            // one key would both have to hold.
            statements.append(PolicyStatement(
                sid: "GitHubActions" + (providers.count > 1 ? String(index + 1) : ""),
                principal: ("Federated", [provider]), actions: ["sts:AssumeRoleWithWebIdentity"],
                conditions: [
                    .init(op: "StringEquals", key: entry.issuer + ":aud", values: ["sts.amazonaws.com"]),
                    .init(op: entry.pattern ? "StringLike" : "StringEquals", key: entry.issuer + ":sub",
                          values: entry.subjects.sorted()),
                ]))
        }
        if execution || !taskSources.isEmpty {
            // A task role only serves tasks of its own accounts and regions (ECS's confused-deputy guard); the
            // execution role keeps ECS's documented plain trust, which image pulls and secret reads rely on.
            let sources = taskSources.sorted { $0.lexicographicallyPrecedes($1) }
            statements.append(PolicyStatement(
                sid: "ECSTasks", principal: ("Service", ["ecs-tasks.amazonaws.com"]), actions: ["sts:AssumeRole"],
                conditions: execution ? [] : [
                    .init(op: "StringEquals", key: "aws:SourceAccount", values: Array(Set(sources.map { $0[0] })).sorted()),
                    .init(op: "ArnLike", key: "aws:SourceArn", values: sources.map { "arn:aws:ecs:\($0[1]):\($0[0]):*" }),
                ]))
        }
        return statements
    }

    /// What the role may do, each action on exactly the resources named by the definitions.
    static func permissions(_ grants: Set<IAMNeed.Grant>) -> [PolicyStatement] {
        var push: Set<String> = [], pull: Set<String> = [], families: Set<String> = [], services: Set<String> = []
        var passed: Set<String> = [], parameters: Set<String> = [], secrets: Set<String> = []
        var logGroups: Set<String> = [], createdGroups: Set<String> = []
        for grant in grants {
            switch grant {
            case .pushImages(let repository): push.insert(repository.arn)
            case .pullImages(let repository): pull.insert(repository.arn)
            case .registerTaskDefinition(let family): families.insert(family + ":*")
            case .deployService(let service): services.insert(service)
            case .passRole(let role): passed.insert(role)
            case .readParameter(let arn): parameters.insert(arn)
            case .readSecret(let arn): secrets.insert(arn)
            case .writeLogs(let group, let create):
                logGroups.insert(group + ":*")
                if create { createdGroups.insert(group + ":*") }
            case .assumedByGitHub, .assumedAsTaskRole, .assumedAsExecutionRole: continue
            }
        }
        var statements: [PolicyStatement] = []
        func add(_ sid: String, _ actions: [String], _ resources: Set<String>,
                 conditions: [PolicyStatement.Condition] = []) {
            guard !resources.isEmpty else { return }
            statements.append(PolicyStatement(sid: sid, actions: actions, resources: resources.sorted(),
                                              conditions: conditions))
        }
        if !push.isEmpty || !pull.isEmpty { add("ECRLogin", ["ecr:GetAuthorizationToken"], ["*"]) }
        add("PushImages", pushActions, push)
        add("PullImages", pullActions, pull)
        add("RegisterTaskDefinitions", ["ecs:RegisterTaskDefinition"], families)
        if !families.isEmpty { add("DescribeTaskDefinitions", ["ecs:DescribeTaskDefinition"], ["*"]) }
        add("DeployServices", ["ecs:DescribeServices", "ecs:UpdateService"], services)
        add("PassTaskRoles", ["iam:PassRole"], passed,
            conditions: [.init(op: "StringEquals", key: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"])])
        add("ReadParameters", ["ssm:GetParameters"], parameters)
        add("ReadSecrets", ["secretsmanager:GetSecretValue"], secrets)
        add("CreateLogGroups", ["logs:CreateLogGroup"], createdGroups)
        add("WriteLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], logGroups)
        return statements
    }
}

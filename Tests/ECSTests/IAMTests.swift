import ECS
import Foundation
import Testing
import Workflow

@Suite struct IAMTests {
    static func documents(_ pipelines: [Pipeline]) -> (documents: [RenderedPolicy], diagnostics: [Diagnostic]) {
        var needs: [IAMNeed] = [], diagnostics: [Diagnostic] = []
        for pipeline in pipelines {
            let compiled = PipelineCompiler.compile(pipeline)
            needs += compiled.iam
            diagnostics += compiled.diagnostics
        }
        let rendered = IAMDocuments.render(needs)
        return (rendered.documents, diagnostics + rendered.diagnostics)
    }

    static func document(_ path: String, in documents: [RenderedPolicy]) throws -> [String: Any] {
        let policy = try #require(documents.first { $0.path == path }, "no \(path) in \(documents.map(\.path))")
        return try #require(try JSONSerialization.jsonObject(with: Data(policy.json.text.utf8)) as? [String: Any])
    }

    static func statements(_ document: [String: Any]) -> [[String: Any]] {
        document["Statement"] as? [[String: Any]] ?? []
    }

    /// The values of one condition key under one operator, a single string read as a one-element list.
    static func condition(_ statement: [String: Any], _ op: String, _ key: String) -> [String]? {
        guard let value = (statement["Condition"] as? [String: Any])?[op] as? [String: Any] else { return nil }
        if let single = value[key] as? String { return [single] }
        return value[key] as? [String]
    }

    static func pipeline(on triggers: [Trigger], environments: [String] = ["staging"],
                         registryAccount: AWSAccountID = Fixtures.account,
                         github: GitHubRepository? = Fixtures.github) -> Pipeline {
        let base = Fixtures.pipeline()
        let push = IAMRole(account: registryAccount, name: "push")
        return Pipeline("api", title: "x", on: triggers,
                        registry: ImageRegistry(account: registryAccount, region: Fixtures.region,
                                                credentials: .oidc(role: push)),
                        services: [base.services[0]],
                        environments: environments.map {
                            DeploymentEnvironment($0, account: Fixtures.account, region: Fixtures.region, cluster: $0,
                                                  credentials: .oidc(role: IAMRole(account: Fixtures.account, name: "deploy")))
                        },
                        github: github)
    }

    @Test func fixturePoliciesMatchGoldenFiles() throws {
        let (documents, diagnostics) = Self.documents([Fixtures.pipeline()])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(documents.map(\.path) == [
            "generated/iam/123456789012/cloudformation.json",
            "generated/iam/123456789012/roles/api-execution/permissions-policy.json",
            "generated/iam/123456789012/roles/api-execution/trust-policy.json",
            "generated/iam/123456789012/roles/api-task/trust-policy.json",
            "generated/iam/123456789012/roles/deploy/permissions-policy.json",
            "generated/iam/123456789012/roles/deploy/trust-policy.json",
        ])
        for document in documents {
            try Golden.check(document.json.text, against: "iam/" + document.path.dropFirst("generated/iam/".count))
        }
    }

    @Test func oneRoleForBuildAndDeployTrustsEverySubjectItsJobsPresent() throws {
        let (documents, _) = Self.documents([Fixtures.pipeline()])
        let trust = try Self.document("generated/iam/123456789012/roles/deploy/trust-policy.json", in: documents)
        let statement = try #require(Self.statements(trust).first)
        #expect((statement["Principal"] as? [String: String])?["Federated"]
                == "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
        #expect(statement["Action"] as? String == "sts:AssumeRoleWithWebIdentity")
        #expect(Self.condition(statement, "StringEquals", "token.actions.githubusercontent.com:aud") == ["sts.amazonaws.com"])
        #expect(Self.condition(statement, "StringEquals", "token.actions.githubusercontent.com:sub") == [
            "repo:Acme-Corp/api:environment:production", "repo:Acme-Corp/api:environment:staging",
            "repo:Acme-Corp/api:ref:refs/heads/main",
        ])
        #expect(Self.condition(statement, "StringLike", "token.actions.githubusercontent.com:sub") == nil)
    }

    @Test(arguments: [
        ([Trigger.push(branches: ["main", "release"])], ["ref:refs/heads/main", "ref:refs/heads/release"]),
        ([.push(tags: ["v*"])], ["ref:refs/tags/v*"]),
        ([.push(branches: ["main"], tags: ["v**"])], ["ref:refs/heads/main", "ref:refs/tags/v*"]),
        ([.push()], ["ref:refs/heads/*", "ref:refs/tags/*"]),
        ([.push(branchesIgnore: ["wip"])], ["ref:refs/heads/*"]),
        ([.pullRequest(), .pullRequestTarget()], ["pull_request"]),
        ([.workflowDispatch(), .schedule(cron: "0 1 * * *")], ["ref:refs/heads/trunk"]),
        ([.mergeGroup], ["ref:refs/heads/gh-readonly-queue/*"]),
        ([.release(types: ["published"])], ["ref:refs/tags/*"]),
    ])
    func jobsWithoutAnEnvironmentPresentTheirRef(_ triggers: [Trigger], _ claims: [String]) {
        let github = GitHubRepository("Acme-Corp/api", defaultBranch: "trunk")
        let (subjects, diagnostics) = OIDCSubject.subjects(startedBy: triggers, in: github, at: SourceLocation())
        #expect(diagnostics.isEmpty)
        #expect(subjects.map(\.claim) == claims)
    }

    @Test func patternsNeedStringLikeForEverySubject() throws {
        let (documents, _) = Self.documents([Self.pipeline(on: [.push(branches: ["release/**"])])])
        let trust = try Self.document("generated/iam/123456789012/roles/push/trust-policy.json", in: documents)
        let statement = try #require(Self.statements(trust).first)
        #expect(Self.condition(statement, "StringLike", "token.actions.githubusercontent.com:sub")
                == ["repo:Acme-Corp/api:ref:refs/heads/release/*"])
        #expect(Self.condition(statement, "StringEquals", "token.actions.githubusercontent.com:sub") == nil)
        #expect(Self.condition(statement, "StringEquals", "token.actions.githubusercontent.com:aud") == ["sts.amazonaws.com"])
    }

    @Test func globsIAMCannotMatchAndReusableWorkflowsAreErrors() {
        let github = Fixtures.github
        for filter in ["v[0-9]", "!main", "feature?", "a+"] {
            let (_, diagnostics) = OIDCSubject.subjects(startedBy: [.push(branches: [filter])], in: github, at: SourceLocation())
            #expect(diagnostics.count == 1 && diagnostics[0].severity == .error, "\(filter)")
        }
        let (_, called) = OIDCSubject.subjects(startedBy: [.workflowCall(WorkflowCall())], in: github, at: SourceLocation())
        #expect(called.first?.message.contains("caller's subject") == true)
    }

    @Test func environmentNamesAndOwnerCaseReachTheTrustPolicyUnchanged() throws {
        let github = GitHubRepository("MixedCase-Owner/Repo.Name")
        let (documents, _) = Self.documents([Self.pipeline(on: [.workflowDispatch()], environments: ["qa", "prod-eu"],
                                                           github: github)])
        let trust = try Self.document("generated/iam/123456789012/roles/deploy/trust-policy.json", in: documents)
        let statement = try #require(Self.statements(trust).first)
        #expect(Self.condition(statement, "StringEquals", "token.actions.githubusercontent.com:sub")
                == ["repo:MixedCase-Owner/Repo.Name:environment:prod-eu", "repo:MixedCase-Owner/Repo.Name:environment:qa"])
    }

    @Test func enterpriseIssuerNamesProviderAndConditionKeys() throws {
        let github = GitHubRepository("acme/api", oidcIssuer: "github.example.com/_services/token")
        let (documents, diagnostics) = Self.documents([Self.pipeline(on: [.push(branches: ["main"])], github: github)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let trust = try Self.document("generated/iam/123456789012/roles/push/trust-policy.json", in: documents)
        let statement = try #require(Self.statements(trust).first)
        #expect((statement["Principal"] as? [String: String])?["Federated"]
                == "arn:aws:iam::123456789012:oidc-provider/github.example.com/_services/token")
        #expect(Self.condition(statement, "StringEquals", "github.example.com/_services/token:sub") == ["repo:acme/api:ref:refs/heads/main"])
    }

    @Test func badRepositorySettingsAreErrors() {
        for github in [GitHubRepository("no-slash"), GitHubRepository("a/b/c"), GitHubRepository("-x/y"),
                       GitHubRepository("x/y", oidcIssuer: "https://token.actions.githubusercontent.com"),
                       GitHubRepository("x/y", defaultBranch: "a*")] {
            let (_, diagnostics) = Self.documents([Self.pipeline(on: [.workflowDispatch()], github: github)])
            #expect(diagnostics.contains { $0.severity == .error && $0.location == github.location }, "\(github)")
        }
    }

    @Test func withoutARepositoryTrustIsNotGuessedAndAWarningSaysSo() throws {
        let (documents, diagnostics) = Self.documents([Self.pipeline(on: [.workflowDispatch()], github: nil)])
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("names no GitHub repository") })
        #expect(!documents.contains { $0.path.hasSuffix("roles/push/trust-policy.json") })
        #expect(documents.contains { $0.path.hasSuffix("roles/push/permissions-policy.json") })
    }

    @Test func deployPermissionsNameExactlyTheServicesFamiliesAndPassedRoles() throws {
        let (documents, _) = Self.documents([Fixtures.pipeline()])
        let policy = try Self.document("generated/iam/123456789012/roles/deploy/permissions-policy.json", in: documents)
        let byID = Dictionary(uniqueKeysWithValues: Self.statements(policy).map { ($0["Sid"] as? String ?? "", $0) })
        #expect(byID["DeployServices"]?["Resource"] as? [String] == [
            "arn:aws:ecs:us-east-1:123456789012:service/production/api", "arn:aws:ecs:us-east-1:123456789012:service/production/worker",
            "arn:aws:ecs:us-east-1:123456789012:service/staging/api", "arn:aws:ecs:us-east-1:123456789012:service/staging/worker",
        ])
        #expect(byID["PassTaskRoles"]?["Resource"] as? [String] == [
            "arn:aws:iam::123456789012:role/api-execution", "arn:aws:iam::123456789012:role/api-task",
        ])
        #expect(Self.condition(try #require(byID["PassTaskRoles"]), "StringEquals", "iam:PassedToService") == ["ecs-tasks.amazonaws.com"])
        #expect(byID["PushImages"]?["Resource"] as? [String] == [
            "arn:aws:ecr:us-east-1:123456789012:repository/api", "arn:aws:ecr:us-east-1:123456789012:repository/worker",
        ])
        #expect(byID["RegisterTaskDefinitions"]?["Resource"] as? [String] == [
            "arn:aws:ecs:us-east-1:123456789012:task-definition/api-production:*",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/api-staging:*",
        ])
        #expect(!policy.description.contains("ecs:*") && !policy.description.contains("ecr:*"))
    }

    @Test func crossAccountPullsGetARepositoryPolicyAndSameAccountOnesDoNot() throws {
        let registry = AWSAccountID("999999999999")
        let (documents, _) = Self.documents([Self.pipeline(on: [.workflowDispatch()], registryAccount: registry)])
        let policy = try Self.document("generated/iam/999999999999/ecr/us-east-1/api/repository-policy.json", in: documents)
        let statement = try #require(Self.statements(policy).first)
        #expect((statement["Principal"] as? [String: String])?["AWS"] == "arn:aws:iam::123456789012:role/api-execution")
        #expect(statement["Action"] as? [String] == ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                                                     "ecr:GetDownloadUrlForLayer"])
        #expect(statement["Resource"] == nil)
        let (sameAccount, _) = Self.documents([Fixtures.pipeline()])
        #expect(!sameAccount.contains { $0.kind == .repositoryPolicy })
    }

    @Test func twoPipelinesSharingARoleGetOneMergedTrustPolicy() throws {
        let staging = Self.pipeline(on: [.push(branches: ["main"])], environments: ["staging"])
        let qa = Self.pipeline(on: [.push(branches: ["develop"])], environments: ["qa"])
        let (documents, diagnostics) = Self.documents([staging, qa])
        #expect(Set(documents.map(\.path)).count == documents.count)
        #expect(!diagnostics.contains { $0.severity == .error })
        let push = try Self.document("generated/iam/123456789012/roles/push/trust-policy.json", in: documents)
        #expect(Self.condition(try #require(Self.statements(push).first), "StringEquals",
                               "token.actions.githubusercontent.com:sub")
                == ["repo:Acme-Corp/api:ref:refs/heads/develop", "repo:Acme-Corp/api:ref:refs/heads/main"])
    }

    @Test func taskRolesTrustOnlyTheirAccountsTasksAndExecutionRolesPullSecretsAndLog() throws {
        let (documents, _) = Self.documents([Fixtures.pipeline()])
        let task = try #require(Self.statements(try Self.document(
            "generated/iam/123456789012/roles/api-task/trust-policy.json", in: documents)).first)
        #expect((task["Principal"] as? [String: String])?["Service"] == "ecs-tasks.amazonaws.com")
        #expect(Self.condition(task, "StringEquals", "aws:SourceAccount") == ["123456789012"])
        #expect(Self.condition(task, "ArnLike", "aws:SourceArn") == ["arn:aws:ecs:us-east-1:123456789012:*"])
        let execution = try Self.document("generated/iam/123456789012/roles/api-execution/permissions-policy.json", in: documents)
        let byID = Dictionary(uniqueKeysWithValues: Self.statements(execution).map { ($0["Sid"] as? String ?? "", $0) })
        // The JSON key (`:key::`) is not part of the secret's ARN.
        #expect(byID["ReadSecrets"]?["Resource"] as? String == "arn:aws:secretsmanager:us-east-1:123456789012:secret:api/key-AbCdEf")
        #expect(byID["WriteLogs"]?["Resource"] as? String == "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/api:*")
        #expect(byID["CreateLogGroups"] == nil)
        #expect(byID["PullImages"] != nil && byID["ECRLogin"] != nil)
    }

    @Test func staticKeysNeedNoRoleButTasksStillDo() {
        let pipeline = Fixtures.pipeline(credentials: .staticKeys(accessKeyID: Secret("ID"), secretAccessKey: Secret("KEY")))
        let (documents, _) = Self.documents([pipeline])
        #expect(documents.map(\.path).allSatisfy { $0.contains("/roles/api-") || $0.hasSuffix("cloudformation.json") })
        #expect(!documents.isEmpty)
    }

    @Test func roleNamesThatWouldEscapeTheFolderAreErrors() {
        let role = IAMRole(account: Fixtures.account, name: "a/../../b")
        let pipeline = Pipeline("api", title: "x", on: [.workflowDispatch()],
                                registry: ImageRegistry(account: Fixtures.account, region: Fixtures.region,
                                                        credentials: .oidc(role: role)),
                                services: Fixtures.pipeline().services, environments: Fixtures.pipeline().environments,
                                github: Fixtures.github)
        let (documents, diagnostics) = Self.documents([pipeline])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("cannot name a generated file") })
        #expect(!documents.contains { $0.path.contains("..") })
    }
}

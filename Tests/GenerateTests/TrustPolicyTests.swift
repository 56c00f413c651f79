import ECS
import Foundation
import Generate
@testable import wfgen
import Testing
import YAML

/// Each trust policy admits exactly the OIDC subjects the generated jobs that assume its role present, read back
/// from the generated workflow files (not from the model that wrote them), and follows the Swift in the same run.
@Suite struct TrustPolicyTests {
    /// The `sub` values a role's trust policy admits, and whether they are compared exactly.
    struct Trust: Equatable {
        let subjects: Set<String>
        let exact: Bool
    }

    /// `sub` of the GitHub statement of a trust policy file.
    static func trust(_ text: String, issuer: String = GitHubRepository.githubDotCom) throws -> Trust {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let statements = try #require(document["Statement"] as? [[String: Any]])
        let github = try #require(statements.first { ($0["Principal"] as? [String: Any])?["Federated"] != nil })
        let conditions = try #require(github["Condition"] as? [String: [String: Any]])
        func values(_ op: String, _ key: String) -> [String]? {
            guard let value = conditions[op]?[issuer + ":" + key] else { return nil }
            return value as? [String] ?? (value as? String).map { [$0] }
        }
        #expect(values("StringEquals", "aud") == ["sts.amazonaws.com"])
        if let exact = values("StringEquals", "sub") { return Trust(subjects: Set(exact), exact: true) }
        return Trust(subjects: Set(try #require(values("StringLike", "sub"))), exact: false)
    }

    /// Role ARN → the subjects its jobs present, read from a generated workflow: `environment:NAME` for a job with
    /// an environment, otherwise the refs its triggers run on (a dispatch runs on `defaultBranch`).
    static func presentedSubjects(workflow text: String, repository: String, defaultBranch: String) throws -> [String: Set<String>] {
        let root = try #require(try YAMLParser().parse(text).root)
        var refs: Set<String> = []
        for pair in try #require(root["on"]?.mapping) {
            switch pair.key.scalar {
            case "push":
                let branches = try #require(pair.value["branches"]?.sequence, "push without branches: extend this test")
                refs.formUnion(branches.compactMap(\.scalar).map { "ref:refs/heads/\($0)" })
            case "workflow_dispatch", "schedule": refs.insert("ref:refs/heads/\(defaultBranch)")
            case "pull_request": refs.insert("pull_request")
            case let other: Issue.record("trigger \(other ?? "?") is not covered by this test")
            }
        }
        var subjects: [String: Set<String>] = [:]
        for job in try #require(root["jobs"]?.mapping) {
            let environment = job.value["environment"].flatMap { $0["name"]?.scalar ?? $0.scalar }
            for step in job.value["steps"]?.sequence ?? [] {
                guard let role = step["with"]?["role-to-assume"]?.scalar else { continue }
                let claims = environment.map { ["environment:\($0)"] } ?? Array(refs)
                subjects[role, default: []].formUnion(claims.map { "repo:\(repository):\($0)" })
            }
        }
        return subjects
    }

    /// `generated/iam/<account>/roles/<name>/trust-policy.json` for a role ARN.
    static func trustPath(of roleARN: String) throws -> String {
        let parts = roleARN.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let name = try #require(parts.last?.split(separator: "/", maxSplits: 1).last)
        return "generated/iam/\(parts[4])/roles/\(name)/trust-policy.json"
    }

    @Test func committedTrustPoliciesAdmitExactlyTheSubjectsTheDemoJobsPresent() throws {
        for pipeline in Project.definitions.pipelines {
            let github = try #require(pipeline.github, "\(pipeline.name) names no GitHub repository")
            let workflow = try String(contentsOfFile: packageRoot + "/.github/workflows/deploy-\(pipeline.name).yml", encoding: .utf8)
            let presented = try Self.presentedSubjects(workflow: workflow, repository: github.slug,
                                                       defaultBranch: github.defaultBranch)
            #expect(presented.count >= 2, "every OIDC role of the demo")
            for (role, subjects) in presented {
                let text = try String(contentsOfFile: packageRoot + "/" + (try Self.trustPath(of: role)), encoding: .utf8)
                let trust = try Self.trust(text)
                #expect(trust == Trust(subjects: subjects, exact: true), "\(role)")
                #expect(!trust.subjects.contains { $0.contains("*") })
            }
        }
    }

    @Test func aRenamedEnvironmentOrRepositoryChangesTheTrustPolicyInTheSameRun() throws {
        let directory = try TemporaryDirectory()
        let path = "generated/iam/123456789012/roles/deploy/trust-policy.json"
        #expect(generate(Definitions(pipelines: [Sample.pipeline()]), into: directory).status == .ok)
        #expect(try Self.trust(directory.read(path)).subjects
                == ["repo:Sample-Owner/shop:environment:staging", "repo:Sample-Owner/shop:ref:refs/heads/main"])

        let renamed = Definitions(pipelines: [Sample.pipeline(environmentName: "qa")])
        #expect(check(renamed, in: directory).output.contains("\(path): stale"))
        let run = generate(renamed, into: directory)
        #expect(run.output.contains("updated \(path)"), "\(run.output)")
        #expect(try Self.trust(directory.read(path)).subjects
                == ["repo:Sample-Owner/shop:environment:qa", "repo:Sample-Owner/shop:ref:refs/heads/main"])

        let moved = Definitions(pipelines: [Sample.pipeline(environmentName: "qa", github: "Other-Owner/Shop")])
        #expect(generate(moved, into: directory).status == .ok)
        #expect(try Self.trust(directory.read(path)).subjects
                == ["repo:Other-Owner/Shop:environment:qa", "repo:Other-Owner/Shop:ref:refs/heads/main"])
        #expect(check(moved, in: directory).status == .ok)
    }

    @Test func aHandEditedTrustPolicyIsDrift() throws {
        let directory = try TemporaryDirectory()
        let path = "generated/iam/123456789012/roles/deploy/trust-policy.json"
        #expect(generate(Sample.both, into: directory).status == .ok)
        try directory.write(path, try directory.read(path).replacingOccurrences(of: "environment:staging", with: "*"))
        let run = check(Sample.both, in: directory)
        #expect(run.status == .drift)
        #expect(run.output.contains("\(path): hand-edited"))
    }
}

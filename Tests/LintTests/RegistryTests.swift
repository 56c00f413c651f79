import Foundation
import Lint
import Testing

@Suite("Rule registry and generated docs")
struct RegistryTests {
    @Test("ids are unique, sorted, kebab-case and documented")
    func registryIsWellFormed() {
        let ids = RuleRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(RegistryCheck.problem(in: RuleRegistry.all) == nil)
        for rule in RuleRegistry.all {
            let d = rule.description
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.id) is not kebab-case")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.useInstead.isEmpty, "\(d.id) lacks docs")
            #expect(!d.triggeringExamples.isEmpty && !d.nonTriggeringExamples.isEmpty, "\(d.id) lacks examples")
        }
    }

    @Test("every family of the issue has rules, and the issue's ids are all present")
    func issueRulesArePresent() {
        let required = ["ecs-registry-host", "aws-cli-wrong-service", "action-input-wrong-service", "push-without-ecr-login",
                        "push-to-ecs-wording", "task-definition-without-service", "rendered-task-definition-unused",
                        "image-tag-mismatch", "mutable-tag-deploy", "deploy-before-push", "image-never-deployed",
                        "hardcoded-credential", "secret-printed", "secret-build-arg", "plaintext-secret-environment",
                        "long-lived-aws-keys", "oidc-without-id-token-permission", "deploy-without-stability-wait",
                        "container-without-healthcheck", "healthcheck-out-of-range", "no-post-deploy-check",
                        "unpinned-action", "deploy-without-concurrency", "outdated-aws-action", "invalid-task-definition",
                        "invalid-yaml", "invalid-workflow"]
        #expect(Set(required) == RuleRegistry.ids)
    }

    @Test("a broken registry is an internal error (exit 3), not wrong output")
    func brokenRegistryIsInternalError() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let duplicated = RuleRegistry.all + [RuleRegistry.all[0]]
        let run = TestSupport.runLint(LintInvocation(paths: ["."], workingDirectory: folder.path, rules: duplicated))
        #expect(run.code == .internalError)
        #expect(run.errors.contains("internal error"))
    }

    @Test("docs/rules/<id>.md are generated from the rule descriptions and up to date")
    func ruleDocsAreFresh() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("docs/rules")
        for rule in RuleRegistry.all {
            try TestSupport.assertGolden(RuleDocumentation.markdown(for: rule.description), folder.appendingPathComponent("\(rule.id).md"))
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let stale = files.filter { $0.hasSuffix(".md") && !RuleRegistry.ids.contains(String($0.dropLast(3))) }
        #expect(stale.isEmpty, "docs for removed rules: \(stale)")
    }

    @Test("the rules index in docs/linter.md is up to date")
    func linterDocIndexIsFresh() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("docs/linter.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        let begin = "<!-- rules-index:begin -->\n"
        let end = "<!-- rules-index:end -->"
        let index = RuleDocumentation.markdownIndex(RuleRegistry.all.map(\.description))
        guard let start = text.range(of: begin), let stop = text.range(of: end) else {
            Issue.record("docs/linter.md lacks the rules-index markers")
            return
        }
        let current = String(text[start.upperBound..<stop.lowerBound])
        if TestSupport.isRecording {
            try Data((String(text[..<start.upperBound]) + index + String(text[stop.lowerBound...])).utf8).write(to: path)
            return
        }
        #expect(current == index, "docs/linter.md's rules index is stale; run WFGEN_RECORD=1 swift test --filter linterDocIndexIsFresh")
    }

    @Test("explain prints a rule's doc; an unknown rule is a usage error")
    func explainAndRules() {
        var output = ""
        var errors = ""
        #expect(RuleDocsCommand.explain("mutable-tag-deploy", output: &output, errors: &errors) == .clean)
        #expect(output.hasPrefix("# mutable-tag-deploy\n"))
        #expect(output.contains("## Why is this bad?") && output.contains("## Use instead"))
        output = ""
        #expect(RuleDocsCommand.explain("no-such-rule", output: &output, errors: &errors) == .usage)
        #expect(errors.contains("unknown rule 'no-such-rule'"))
        output = ""
        RuleDocsCommand.list(output: &output)
        for id in RuleRegistry.ids { #expect(output.contains(id)) }
    }
}

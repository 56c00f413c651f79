import ECS
import Testing
import Workflow

/// The AWS action bindings: OIDC needs `id-token: write`; static keys are secrets and warn; deploys wait.
@Suite struct AWSBindingTests {
    static func diagnostics(_ job: Job) -> [Diagnostic] {
        WorkflowValidator.diagnostics(for: Workflow("x.yml", name: "X", on: [.workflowDispatch()], jobs: [job]))
    }

    @Test func oidcRequiresIDTokenWrite() {
        let line = #line + 1
        let credentials = Step.uses(ConfigureAWSCredentials(region: "eu-west-1", credentials: .oidc(role: "arn:aws:iam::111122223333:role/x")))
        let found = Self.diagnostics(Job("j", runsOn: .ubuntu2404, permissions: .contentsRead, steps: [credentials]))
        #expect(found.count == 1)
        #expect(found.first?.location.file == #filePath && found.first?.location.line == line)
        #expect(found.first?.message.contains("id-token: write") == true)
        let granted = Job("j", runsOn: .ubuntu2404, permissions: .scopes([.idToken: .write]), steps: [credentials])
        #expect(Self.diagnostics(granted).isEmpty)
        // Without any permissions block the default token has no id-token either.
        #expect(Self.diagnostics(Job("j", runsOn: .ubuntu2404, steps: [credentials])).count == 1)
    }

    @Test func staticKeysOnlyAsSecretsAndWithAWarning() throws {
        let line = #line + 1
        let credentials = Step.uses(ConfigureAWSCredentials(
            region: "eu-west-1", credentials: .staticKeys(accessKeyID: Secret("AWS_ACCESS_KEY_ID"),
                                                          secretAccessKey: Secret("AWS_SECRET_ACCESS_KEY"))))
        let found = Self.diagnostics(Job("j", runsOn: .ubuntu2404, steps: [credentials]))
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.location.line == line)
        let with = credentials.step.body
        guard case .action(_, let inputs) = with else { Issue.record("not an action step"); return }
        let rendered = inputs.compactMap { pair in pair.1.map { (pair.0, $0) } }
        #expect(rendered.first { $0.0 == "aws-secret-access-key" }?.1.expressions.map(\.rendered) == ["${{ secrets.AWS_SECRET_ACCESS_KEY }}"])
    }

    @Test func notWaitingForStabilityWarnsAndOverlongWaitIsAnError() {
        let noWait = Step.uses(DeployTaskDefinition(taskDefinition: "t.json", service: "s", cluster: "c",
                                                    waitForServiceStability: false))
        let overlong = Step.uses(DeployTaskDefinition(taskDefinition: "t.json", service: "s", cluster: "c", waitForMinutes: 400))
        let found = Self.diagnostics(Job("j", runsOn: .ubuntu2404, steps: [noWait, overlong]))
        #expect(found.map(\.severity).sorted { $0.rawValue < $1.rawValue } == [.error, .warning])
    }
}

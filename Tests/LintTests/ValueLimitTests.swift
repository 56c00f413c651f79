import Lint
import Testing
import YAML

/// Values that refer to themselves must not grow without bound (issue 10, item 1): a resolved value longer than
/// `ValueScope.maximumValueLength` is unknown, and a file's resolution work is bounded by its size.
@Suite("Value size and resolution limits")
struct ValueLimitTests {
    /// Doublings enough to pass the cap many times over (2^22 bytes before the fix: slow, but no crash).
    static let doublings = 22

    private func context(_ workflow: String) throws -> WorkflowContext {
        let bytes = Array(workflow.utf8)
        let document = try YAMLParser().parse(bytes)
        let root = try #require(document.root)
        return WorkflowContext(source: SourceText(path: "w.yml", bytes: bytes), root: root, repository: InMemoryRepository([:]))
    }

    /// Every resolved word, assignment and scope value of the file.
    private func longestValue(in context: WorkflowContext) -> Int {
        var longest = 0
        for entry in context.allCommands {
            for value in entry.command.resolved + entry.command.resolvedAssignments { longest = max(longest, value.utf8.count) }
        }
        for step in context.allSteps {
            for value in step.scope.env.values { longest = max(longest, value.utf8.count) }
            for outputs in step.scope.stepOutputs.values { for value in outputs.values { longest = max(longest, value.utf8.count) } }
        }
        return longest
    }

    private func job(_ steps: String, env: String = "") -> String {
        "on: push\n\(env)jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n\(steps)"
    }

    @Test("A=$A$A in a script: the value becomes unknown past the cap, the push image is unknown")
    func scriptAssignments() throws {
        let lines = ["A=x"] + Array(repeating: "A=$A$A", count: Self.doublings) + ["docker push $A"]
        let context = try context(job("      - run: |\n" + lines.map { "          \($0)\n" }.joined()))
        #expect(longestValue(in: context) <= ValueScope.maximumValueLength)
        let push = try #require(context.allCommands.last)
        #expect(push.command.resolved.last == "$A", "an over-long value is unknown, so the word stays as written")
        #expect(context.deployment.pushes.allSatisfy { ImageReference.isUnresolved($0.image) })
    }

    @Test("echo A=$A$A >> $GITHUB_ENV across steps")
    func githubEnvWrites() throws {
        let lines = ["echo A=x >> $GITHUB_ENV"] + Array(repeating: "echo A=$A$A >> $GITHUB_ENV", count: Self.doublings) + ["docker push $A"]
        let context = try context(job(lines.map { "      - run: \($0)\n" }.joined()))
        #expect(longestValue(in: context) <= ValueScope.maximumValueLength)
        #expect(context.allSteps.last?.scope.env["A"] == nil)
    }

    @Test("workflow env entries doubling ${{ env.A }}")
    func workflowEnv() throws {
        var env = "env:\n  A0: x\n"
        for i in 1...Self.doublings { env += "  A\(i): ${{ env.A\(i - 1) }}${{ env.A\(i - 1) }}\n" }
        let context = try context(job("      - run: docker push ${{ env.A\(Self.doublings) }}\n", env: env))
        #expect(longestValue(in: context) <= ValueScope.maximumValueLength)
        #expect(context.allSteps.first?.scope.env["A10"]?.utf8.count == 1024, "values under the cap are still known")
    }

    @Test("step outputs doubling steps.<id>.outputs.v")
    func stepOutputs() throws {
        var steps = "      - id: s0\n        run: echo v=x >> $GITHUB_OUTPUT\n"
        for i in 1...Self.doublings {
            steps += "      - id: s\(i)\n        run: echo v=${{ steps.s\(i - 1).outputs.v }}${{ steps.s\(i - 1).outputs.v }} >> $GITHUB_OUTPUT\n"
        }
        steps += "      - run: docker push ${{ steps.s\(Self.doublings).outputs.v }}\n"
        let context = try context(job(steps))
        #expect(longestValue(in: context) <= ValueScope.maximumValueLength)
    }

    @Test("a value just under the cap read by many commands: resolution work stays within the file's budget")
    func resolutionBudget() throws {
        // A 32 KiB value, then 4,000 commands reading it: 128 MiB of resolved words without a budget.
        let lines = ["A=x"] + Array(repeating: "A=$A$A", count: 15) + Array(repeating: "docker push $A", count: 4_000)
        let text = job("      - run: |\n" + lines.map { "          \($0)\n" }.joined())
        let context = try context(text)
        var total = 0
        for entry in context.allCommands { for value in entry.command.resolved { total += value.utf8.count } }
        let budget = ResolutionBudget.fixedBytes + ResolutionBudget.bytesPerFileByte * text.utf8.count
        #expect(total <= budget + text.utf8.count, "resolved words: \(total) bytes, budget \(budget)")
        #expect(context.allCommands[20].command.resolved.last?.utf8.count == 32 << 10, "the first reads are still resolved")
    }

    @Test("ValueScope.resolve leaves a value that would pass the cap unresolved")
    func scopeCap() {
        var scope = ValueScope()
        scope.env["A"] = String(repeating: "a", count: ValueScope.maximumValueLength / 2)
        #expect(scope.resolve("$A$A") == String(repeating: "a", count: ValueScope.maximumValueLength))
        #expect(scope.resolve("$A$A$A") == "$A$A$A")
        #expect(scope.resolvedValue("$A$A$A") == nil)
        #expect(scope.resolvedValue("plain") == "plain")
    }
}

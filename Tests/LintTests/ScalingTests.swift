import Foundation
import Lint
import Testing

/// Lint time must grow linearly with the file (issue 10, item 5). Absolute times vary with the machine and its
/// load, so each case lints a file of size N and one of size 4N and compares: linear work takes about 4 times as
/// long, quadratic work 16 times. The bound (9×) leaves room for noise and fails on quadratic behaviour.
@Suite("Lint time is linear in the file", .serialized)
struct ScalingTests {
    static let bound = 9.0

    /// The best of three lints of `text` (the least disturbed by other work on the machine), in seconds.
    private func lintTime(_ text: String, files: [String: String] = [:]) -> Double {
        var repositoryFiles = files
        repositoryFiles[".github/workflows/w.yml"] = text
        let repository = InMemoryRepository(repositoryFiles)
        let target = LintTarget(path: ".github/workflows/w.yml", kind: .workflow)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = Linter().lint([target], in: repository)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    private func expectLinear(_ make: (Int) -> String, base: Int, files: [String: String] = [:],
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let small = lintTime(make(base), files: files)
        let large = lintTime(make(base * 4), files: files)
        let ratio = large / max(small, 1e-6)
        #expect(ratio < Self.bound, "N=\(base): \(small) s, 4N: \(large) s, ratio \(ratio)", sourceLocation: sourceLocation)
    }

    @Test("one script of N × aws ecs get-login-password (one finding and fix each)")
    func wrongServiceCommands() {
        expectLinear({ n in
            "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                + String(repeating: "          aws ecs get-login-password\n", count: n)
        }, base: 1_000)
    }

    @Test("N deploy jobs")
    func deployJobs() {
        expectLinear({ n in
            "on: push\njobs:\n" + (0..<n).map { i in
                "  d\(i):\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n"
                    + "        with:\n          task-definition: td.json\n          service: s\n          cluster: c\n"
            }.joined()
        }, base: 300, files: ["td.json": #"{"family":"f","containerDefinitions":[{"name":"web","image":"x:latest"}]}"#])
    }

    @Test("N jobs each needing the 50 before it")
    func manyNeeds() {
        expectLinear({ n in
            "on: push\njobs:\n  j0:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n" + (1..<n).map { i in
                "  j\(i):\n    needs: [\((max(0, i - 50)..<i).map { "j\($0)" }.joined(separator: ", "))]\n    runs-on: ubuntu-latest\n"
                    + "    steps:\n      - run: aws ecs update-service --cluster c --service s\n"
            }.joined()
        }, base: 150)
    }

    @Test("N jobs that push a mutable tag, register and deploy")
    func pushesAndDeploys() {
        expectLinear({ n in
            "on: push\njobs:\n" + (0..<n).map { i in
                "  d\(i):\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                    + "          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest\n"
                    + "          aws ecs register-task-definition --cli-input-json file://td.json\n"
                    + "          aws ecs update-service --cluster c --service s --force-new-deployment\n"
                    + "      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n"
                    + "        with:\n          task-definition: td.json\n          service: s\n          cluster: c\n"
            }.joined()
        }, base: 150, files: ["td.json": #"{"family":"f","containerDefinitions":[{"name":"web","image":"x:latest"}]}"#])
    }
}

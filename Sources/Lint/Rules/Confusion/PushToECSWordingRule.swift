import YAML

/// Step or job names that say an image goes "to ECS".
public struct PushToECSWordingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "push-to-ecs-wording",
        family: .confusion,
        severity: .note,
        summary: "A workflow, run, job or step name says an image is pushed or uploaded to ECS; images are pushed to ECR.",
        rationale: """
            The wording is a symptom of mixing up the registry (ECR) and the service (ECS); the next person reads the \
            log and looks for the image in the wrong place, or copies the wrong command.
            """,
        useInstead: "Name it after what happens: \"Push image to Amazon ECR\", then \"Deploy to Amazon ECS\".",
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - name: ↓Build and push image to ECS
                        run: docker push $IMAGE
                """),
            RuleExample("""
                name: ↓Push image to ECS
                run-name: ↓Upload ${{ github.sha }} to ECS
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker push $IMAGE
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Build and push image to Amazon ECR
                        run: docker push $IMAGE
                      - name: Deploy to Amazon ECS
                        run: aws ecs update-service --cluster c --service s --task-definition t
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        func check(_ node: Node?) {
            guard case .scalar(let text, _)? = node?.kind, PushToECSWordingRule.saysPushToECS(text), let node else { return }
            findings.append(Finding("'\(text)' says the image goes to ECS; images are pushed to ECR (the registry), ECS runs them", at: context.location(of: node)))
        }
        // The workflow's own `name:` and `run-name:` are shown on every run too.
        check(context.workflow.name)
        check(context.workflow.root["run-name"])
        // Names are read in place (jobs by index: a JobFacts copy retains every field of its view).
        let jobs = context.jobs
        for index in jobs.indices {
            check(jobs[index].view.name)
            for step in jobs[index].steps { check(step.view.name) }
        }
        return findings
    }

    static func saysPushToECS(_ text: String) -> Bool {
        guard DeploymentFacts.containsECSWord(text) else { return false }
        if let decided = asciiSaysPushToECS(text) { return decided }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.fastContains("ecr") else { return false }
        guard let verb = words.firstIndex(where: { $0.hasPrefix("push") || $0.hasPrefix("upload") || $0 == "publish" }) else { return false }
        guard let to = words[verb...].firstIndex(where: { $0 == "to" || $0 == "into" }), to + 1 < words.count else { return false }
        let target = words[(to + 1)...].prefix(3)
        return target.fastContains("ecs") && !words[verb...].contains(where: { $0 == "deploy" || $0 == "deploys" })
    }

    /// `saysPushToECS` past the ECS word for an ASCII name, on its bytes: the words are the runs of letters and
    /// digits (what `isLetter` and `isNumber` accept in ASCII), compared lowercased without building Strings.
    private static func asciiSaysPushToECS(_ text: String) -> Bool? {
        ScalarBytes.with(text) { bytes -> Bool? in
            guard ScalarBytes.isASCII(bytes) else { return nil }
            func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
            var words: [Range<Int>] = []
            var i = 0
            while i < bytes.count {
                guard isAlphanumeric(bytes[i]) else { i += 1; continue }
                let start = i
                while i < bytes.count, isAlphanumeric(bytes[i]) { i += 1 }
                words.append(start..<i)
            }
            func starts(_ k: Int, _ prefix: StaticString) -> Bool {
                ScalarBytes.hasLowercasedPrefix(bytes, at: words[k].lowerBound, prefix.utf8Start, prefix.utf8CodeUnitCount)
                    && words[k].count >= prefix.utf8CodeUnitCount
            }
            func spells(_ k: Int, _ word: StaticString) -> Bool { words[k].count == word.utf8CodeUnitCount && starts(k, word) }
            guard !words.indices.contains(where: { spells($0, "ecr") }) else { return false }
            guard let verb = words.indices.first(where: { starts($0, "push") || starts($0, "upload") || spells($0, "publish") }) else {
                return false
            }
            guard let to = (verb..<words.count).first(where: { spells($0, "to") || spells($0, "into") }), to + 1 < words.count else {
                return false
            }
            let target = (to + 1)..<min(to + 4, words.count)
            return target.contains { spells($0, "ecs") } && !(verb..<words.count).contains { spells($0, "deploy") || spells($0, "deploys") }
        }
    }
}

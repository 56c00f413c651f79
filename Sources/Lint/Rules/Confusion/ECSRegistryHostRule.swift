import YAML

/// Image references and registry hosts that name ECS instead of ECR, or ECR hosts that are malformed.
public struct ECSRegistryHostRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "ecs-registry-host",
        family: .confusion,
        severity: .error,
        summary: "An image reference or registry host names ECS (`*.dkr.ecs.*`, `ecs.<region>.amazonaws.com/...`) or is a malformed ECR host.",
        rationale: """
            Images live in ECR, the registry; ECS only runs them. There is no `dkr.ecs` host, and \
            `ecs.<region>.amazonaws.com` is the ECS API endpoint, not a registry, so a push or pull there fails \
            (often only at deploy time, when tasks cannot pull). An ECR host has the exact form \
            `<12-digit account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]` (or `public.ecr.aws`); anything close \
            to it but different (11 digits, `dkr-ecr` on `amazonaws.com`, a missing region) is a typo.
            """,
        useInstead: """
            Use the registry the `amazon-ecr-login` step outputs (`${{ steps.login-ecr.outputs.registry }}`) or \
            `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`.
            """,
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    env:
                      REGISTRY: ↓123456789012.dkr.ecs.us-east-1.amazonaws.com
                    steps:
                      - run: docker push $REGISTRY/app:${{ github.sha }}
                """),
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          docker build -t app .
                          docker push ↓12345678901.dkr.ecr.us-east-1.amazonaws.com/app:${{ github.sha }}
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{ github.sha }}
                          aws ecs update-service --cluster c --service s --endpoint-url https://ecs.us-east-1.amazonaws.com
                          docker push $REGISTRY/app:latest
                """),
        ]
    )

    public func check(workflow context: WorkflowContext) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        // 1. ECS hosts written anywhere in the file, at their exact position.
        // Indexing the struct entries reads each text in place; destructuring tuples copied every node.
        // Most files hold no `ecs` at all: one pass over the file's bytes then stands for every scalar.
        let scalars = SourceBytes.with(context.source, { SourceBytes.mayHideText($0) || ScalarBytes.contains($0, "ecs", anchor: 1) })
            ? context.scalarEntries : []
        for index in scalars.indices {
            guard case .scalar(let text, _) = scalars[index].node.kind else { continue }
            do {
                for (needle, range) in ECSRegistryHostRule.ecsHosts(in: text) {
                    let mapped = ScalarText(node: scalars[index].node, source: context.source)
                    let location = mapped.location(in: context.source, from: range.lowerBound, to: range.upperBound)
                    if reported.insert("\(location.line):\(location.column)").inserted {
                        findings.append(Finding("'\(needle)' names ECS, which is not a registry; images are pushed to and pulled from ECR (<account>.dkr.ecr.<region>.amazonaws.com)", at: location))
                    }
                }
            }
        }
        // 2. Malformed ECR hosts used as push, pull, tag or login targets (after variable resolution).
        // Commands are read by index: destructuring each tuple retained its three references.
        let commands = context.allCommands
        for commandIndex in commands.indices {
            let command = commands[commandIndex].command
            guard let name = command.command.name, name.isWord("docker") || name.isWord("podman"), command.resolved.count > 2 else { continue }
            let script = commands[commandIndex].script
            let words = command.resolved
            guard ECSRegistryHostRule.verbs.contains(words[1]) || (words[1] == "buildx" && words.count > 2 && words[2] == "build") else { continue }
            for (index, value) in words.enumerated().dropFirst(2) where !value.hasPrefix("-") {
                let host = value.fastContains("/") ? String(value.prefix { $0 != "/" }) : (words[1] == "login" ? value : "")
                guard !host.isEmpty, ImageReference.classify(host: host) == .malformedECR else { continue }
                let word = command.command.words[index]
                let location = context.location(of: word, in: script)
                if reported.insert("\(location.line):\(location.column)").inserted {
                    findings.append(Finding("'\(host)' is not a valid ECR registry host (expected <12-digit account>.dkr.ecr.<region>.amazonaws.com)", at: location))
                }
            }
        }
        return findings
    }

    /// Docker verbs whose arguments name a registry host.
    private static let verbs: Set<String> = ["push", "pull", "tag", "login", "build"]

    /// ECS "registry" hosts inside `text`: `*.dkr.ecs.*` and `ecs.<region>.amazonaws.com/<path>`.
    static func ecsHosts(in text: String) -> [(String, Range<Int>)] {
        // Every scalar of the file comes here and nearly none holds `ecs`; memchr on its `c` decides.
        guard ScalarBytes.with(text, { ScalarBytes.contains($0, "ecs", anchor: 1) }) else { return [] }
        let bytes = Array(text.utf8)
        var result: [(String, Range<Int>)] = []
        func isHostByte(_ b: UInt8) -> Bool {
            b == 0x2E || b == 0x2D || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
        func hostBounds(around i: Int) -> Range<Int> {
            var s = i, e = i
            while s > 0, isHostByte(bytes[s - 1]) { s -= 1 }
            while e < bytes.count, isHostByte(bytes[e]) { e += 1 }
            return s..<e
        }
        for range in text.utf8Ranges(of: ".dkr.ecs") {
            let bounds = hostBounds(around: range.lowerBound)
            result.append((String(decoding: bytes[bounds], as: UTF8.self), bounds))
        }
        for range in text.utf8Ranges(of: "ecs.") {
            // `ecs.<region>.amazonaws.com/` used as a registry: followed by a path, not preceded by a scheme.
            if range.lowerBound > 0, isHostByte(bytes[range.lowerBound - 1]) { continue }
            let bounds = hostBounds(around: range.lowerBound)
            let host = String(decoding: bytes[bounds], as: UTF8.self)
            guard host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn"), bounds.upperBound < bytes.count,
                  bytes[bounds.upperBound] == 0x2F else { continue }
            let before = String(decoding: bytes[max(0, bounds.lowerBound - 3)..<bounds.lowerBound], as: UTF8.self)
            if before == "://" { continue }
            result.append((host, bounds))
        }
        return result
    }
}

import Lint
import Testing

/// One documented example of one rule, as a test case.
struct RuleExampleCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let example: RuleExample
    let triggers: Bool
    let number: Int

    var testDescription: String { "\(ruleID) \(triggers ? "triggering" : "non-triggering") #\(number)" }

    static let all: [RuleExampleCase] = RuleRegistry.all.flatMap { rule in
        rule.description.triggeringExamples.enumerated().map { RuleExampleCase(ruleID: rule.id, example: $0.element, triggers: true, number: $0.offset + 1) }
            + rule.description.nonTriggeringExamples.enumerated().map { RuleExampleCase(ruleID: rule.id, example: $0.element, triggers: false, number: $0.offset + 1) }
    }
}

/// Every rule's documented examples run as tests: each `↓` must be reported, and nothing else.
@Suite("Rule examples")
struct RuleExampleTests {
    @Test("documented example", arguments: RuleExampleCase.all)
    func example(_ testCase: RuleExampleCase) throws {
        let example = testCase.example
        let location = Testing.SourceLocation(fileID: "LintTests/\(example.sourceFile.split(separator: "/").last ?? "")",
                                              filePath: example.sourceFile, line: example.sourceLine, column: 1)
        var files: [String: String] = [:]
        var expected: Set<String> = []
        for (path, marked) in example.files {
            let parsed = MarkedText(marked)
            files[path] = parsed.text
            for mark in parsed.marks { expected.insert("\(path):\(mark.line):\(mark.column)") }
        }
        let rule = try #require(RuleRegistry.rule(testCase.ruleID))
        let kind: LintTarget.Kind = example.path.hasSuffix(".json") ? .taskDefinition : .workflow
        let result = Linter(rules: [rule]).lint([LintTarget(path: example.path, kind: kind)], in: InMemoryRepository(files))
        let actual = Set(result.diagnostics.map { "\($0.location.path):\($0.location.line):\($0.location.column)" })
        if testCase.triggers {
            #expect(!expected.isEmpty, "a triggering example must mark its positions with ↓", sourceLocation: location)
            #expect(actual == expected, "\(testCase.ruleID): expected findings at \(expected.sorted()), got \(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" })", sourceLocation: location)
        } else {
            #expect(actual.isEmpty, "\(testCase.ruleID) must not fire, but reported \(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" })", sourceLocation: location)
        }
    }

    @Test("non-triggering examples are silent for every rule, not only their own")
    func nonTriggeringExamplesAreCleanForTheirFamily() {
        for rule in RuleRegistry.all {
            for example in rule.description.nonTriggeringExamples {
                let files = example.files.mapValues(RuleExample.removingMarkers)
                let kind: LintTarget.Kind = example.path.hasSuffix(".json") ? .taskDefinition : .workflow
                let result = Linter().lint([LintTarget(path: example.path, kind: kind)], in: InMemoryRepository(files))
                let sameRule = result.diagnostics.filter { $0.ruleID == rule.id }
                #expect(sameRule.isEmpty, "\(rule.id) fires on its own non-triggering example")
            }
        }
    }
}

import YAML

/// Workflow files that are not valid YAML.
public struct InvalidYAMLRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "invalid-yaml",
        family: .hygiene,
        severity: .error,
        summary: "The workflow file cannot be parsed as YAML: a syntax error, a tab used for indentation, a duplicate key, invalid UTF-8, an undefined alias.",
        rationale: """
            GitHub rejects the whole file, so none of its jobs run, and every other check is blind to it. The other \
            files are still linted.
            """,
        useInstead: "Fix the YAML at the reported position (spaces for indentation, each key once per mapping).",
        triggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    ↓runs-on: ubuntu-24.04
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ok
                """),
        ]
    )

    public func check(unparsable source: SourceText, error: YAMLError) -> [Finding] {
        guard !source.path.lowercased().hasSuffix(".json") else { return [] }
        var message = error.message
        if let context = error.context { message += " (\(context))" }
        if error.reason == .duplicateKey, let first = error.related { message += "; first defined at \(first.line):\(first.column)" }
        let related = error.related.map { [RelatedLocation(location: SourceLocation(path: source.path, line: $0.line, column: $0.column), label: error.reason == .duplicateKey ? "first definition" : "context")] } ?? []
        return [Finding("invalid YAML: \(message)", at: SourceLocation(path: source.path, line: error.mark.line, column: error.mark.column), related: related)]
    }
}

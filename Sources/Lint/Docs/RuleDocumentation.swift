/// Renders a rule's description as Markdown: the text of `wfgen explain`, `docs/rules/<id>.md` and SARIF help.
///
/// Every page has the same sections (ruff's layout): what it does, why it is bad, example, use instead.
public enum RuleDocumentation {
    /// The Markdown page for one rule.
    public static func markdown(for rule: RuleDescription) -> String {
        var out = "# \(rule.id)\n\n"
        out += "Family: \(rule.family.rawValue) (\(rule.family.title)) · Default severity: \(rule.severity.rawValue)"
        out += " · Auto-fix: \(rule.autoFix == nil ? "no" : "yes (`wfgen lint --fix`)")\n\n"
        out += "## What it does\n\n\(rule.summary)\n\n"
        out += "## Why is this bad?\n\n\(rule.rationale)\n\n"
        out += "## Example\n\n"
        for example in rule.triggeringExamples where example.isDocumented { out += exampleText(example) }
        out += "## Use instead\n\n\(rule.useInstead)\n\n"
        for example in rule.nonTriggeringExamples where example.isDocumented { out += exampleText(example) }
        if let autoFix = rule.autoFix { out += "## Fix\n\n\(autoFix)\n\n" }
        out += "## Suppression\n\n`# wfgen: ignore[\(rule.id)] reason` on the line or the line above, or `disable: [\(rule.id)]` in `.wfgen.yml`.\n"
        return out
    }

    /// An example's main file, then the files beside it (task definitions) that it needs, each under its path.
    private static func exampleText(_ example: RuleExample) -> String {
        var out = "```\(language(example.path))\n\(example.displayCode.trimmingTrailingNewlines())\n```\n\n"
        for path in example.files.keys.sorted() where path != example.path {
            let code = RuleExample.removingMarkers(example.files[path] ?? "")
            out += "`\(path)`:\n\n```\(language(path))\n\(code.trimmingTrailingNewlines())\n```\n\n"
        }
        return out
    }

    /// The rules index: one line per rule, grouped by family.
    public static func index(_ rules: [RuleDescription]) -> String {
        var out = ""
        for family in RuleFamily.allCases {
            let members = rules.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            out += "\(family.title) (\(family.rawValue))\n"
            for rule in members {
                let id = rule.id.padding(toLength: 34)
                out += "  \(id) \(rule.severity.rawValue.padding(toLength: 8)) \(rule.summary.replacingAll("`", with: ""))\n"
            }
            out += "\n"
        }
        return out
    }

    /// The Markdown rules index for `docs/linter.md`.
    public static func markdownIndex(_ rules: [RuleDescription]) -> String {
        var out = "| rule | family | severity | fix | what it finds |\n|---|---|---|---|---|\n"
        for rule in rules {
            out += "| [`\(rule.id)`](rules/\(rule.id).md) | \(rule.family.rawValue) | \(rule.severity.rawValue) | \(rule.autoFix == nil ? "" : "yes") | \(rule.summary.replacingAll("|", with: "\\|")) |\n"
        }
        return out
    }

    private static func language(_ path: String) -> String { path.hasSuffix(".json") ? "json" : "yaml" }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

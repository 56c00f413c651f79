/// The library side of `wfgen explain` and `wfgen rules`.
public enum RuleDocsCommand {
    /// Writes the documentation of rule `id`; an unknown id is a usage error listing the known ones.
    public static func explain(_ id: String, rules: [any Rule] = RuleRegistry.all, output: inout some TextOutputStream,
                               errors: inout some TextOutputStream) -> LintExitCode {
        guard let rule = rules.first(where: { $0.id == id }) else {
            errors.write("wfgen: unknown rule '\(id)'. Known rules:\n")
            for known in rules { errors.write("  \(known.id)\n") }
            return .usage
        }
        output.write(RuleDocumentation.markdown(for: rule.description))
        return .clean
    }

    /// Writes the index of all rules.
    public static func list(rules: [any Rule] = RuleRegistry.all, output: inout some TextOutputStream) {
        output.write(RuleDocumentation.index(rules.map(\.description)))
    }
}

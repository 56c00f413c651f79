/// One shell word with its quotes removed and its position in the script.
public struct ShellWord: Sendable, Hashable {
    /// The word as written, quotes included.
    public let raw: String
    /// The word with quotes and backslash escapes removed; `$VAR`, `${{ }}` and `$(...)` are kept as text.
    public let value: String
    /// UTF-8 offset in the script where the word starts.
    public let start: Int
    /// UTF-8 offset just past the word.
    public let end: Int
}

/// A redirection such as `>> "$GITHUB_ENV"` or `2>&1`.
public struct ShellRedirect: Sendable, Hashable {
    /// The operator: `>`, `>>`, `<`, `<<`, `<<<`, `>&`...
    public let op: String
    /// What it redirects to or from.
    public let target: ShellWord?
}

/// A simple command of a script: `NAME=v cmd arg... > file`, with the separators around it.
public struct ShellCommand: Sendable, Hashable {
    /// The command's words after leading keywords (`if`, `then`, `!`, `sudo`...) and assignments.
    public let words: [ShellWord]
    /// Leading `NAME=value` words, and the arguments of `export`/`local`/`declare`/`readonly`.
    public let assignments: [ShellWord]
    /// Redirections.
    public let redirects: [ShellRedirect]
    /// Body of a here-document fed to the command, if any.
    public let hereDocument: ShellWord?
    /// True when the previous command pipes into this one.
    public let isPipedInto: Bool
    /// True when this command pipes into the next one.
    public let pipesOut: Bool
    /// 0 at top level, 1 inside `$(...)` or backquotes, and so on.
    public let substitutionDepth: Int

    /// The command name (`docker`, `aws`...), the first word's value.
    public var name: String? { words.first?.value }

    /// Values of the words after the name.
    public var arguments: [ShellWord] { Array(words.dropFirst()) }

    /// True when the words start with the given values (`["aws", "ecs", "update-service"]`).
    public func starts(with values: [String]) -> Bool {
        guard words.count >= values.count else { return false }
        return zip(words, values).allSatisfy { $0.value == $1 }
    }

    /// The word after an option such as `--task-definition` (also `--task-definition=value`, returned as a sub-range).
    public func optionValue(_ option: String) -> ShellWord? {
        for (index, word) in words.enumerated() {
            if word.value == option, index + 1 < words.count { return words[index + 1] }
            if word.value.hasPrefix(option + "=") {
                let value = String(word.value.dropFirst(option.count + 1))
                let startShift = word.raw.hasPrefix(option + "=") ? option.utf8.count + 1 : 0
                return ShellWord(raw: value, value: value, start: word.start + startShift, end: word.end)
            }
        }
        return nil
    }

    /// Every value of a repeatable option (`-t a -t b`, `--tag=a`).
    public func optionValues(_ options: Set<String>) -> [ShellWord] {
        var result: [ShellWord] = []
        for option in options.sorted() {
            for (index, word) in words.enumerated() {
                if word.value == option, index + 1 < words.count { result.append(words[index + 1]) }
                if option.hasPrefix("--"), word.value.hasPrefix(option + "=") {
                    let value = String(word.value.dropFirst(option.count + 1))
                    let startShift = word.raw.hasPrefix(option + "=") ? option.utf8.count + 1 : 0
                    result.append(ShellWord(raw: value, value: value, start: word.start + startShift, end: word.end))
                }
            }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// True when any word equals `flag`.
    public func has(flag: String) -> Bool { words.contains { $0.value == flag || $0.value.hasPrefix(flag + "=") } }

    /// The target of a `>`/`>>` redirect, if any.
    public var outputTarget: ShellWord? { redirects.first { $0.op == ">>" || $0.op == ">" }?.target }
}

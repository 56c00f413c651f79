import Foundation
import TextDiff

/// The exit codes of `wfgen lint`.
public enum LintExitCode: Int32, Sendable {
    /// No finding at or above the fail level.
    case clean = 0
    /// Findings at or above the fail level.
    case findings = 1
    /// Bad usage, a bad configuration file, or an input that cannot be read.
    case usage = 2
    /// A bug in wfgen.
    case internalError = 3
}

/// What `wfgen lint` does with the fixes of auto-fixable findings.
public enum FixMode: String, Sendable, CaseIterable {
    /// Report findings only.
    case report
    /// Apply the fixes to the files, print them, then report the remaining findings.
    case fix
    /// Print the fixes as a unified diff and write nothing; exit 1 when there is anything to fix.
    case diff
}

/// Everything `wfgen lint` was asked to do.
public struct LintInvocation: Sendable {
    /// Files or folders as given (relative to `workingDirectory`); empty means `.github/workflows`.
    public var paths: [String]
    /// The output format.
    public var format: OutputFormat
    /// Hide findings below this (overrides the config file).
    public var minimumSeverity: Severity?
    /// Fail (exit 1) for findings at or above this (overrides the config file).
    public var failLevel: Severity?
    /// An explicit configuration file; otherwise `<root>/.wfgen.yml` when present.
    public var configPath: String?
    /// The repository root; otherwise the working directory.
    public var root: String?
    /// The directory relative paths are resolved against (the CLI passes the process's current directory).
    public var workingDirectory: String
    /// The rules to run.
    public var rules: [any Rule]
    /// Whether to report, apply (`--fix`) or show (`--diff`) fixes.
    public var fixMode: FixMode

    /// Creates an invocation.
    public init(paths: [String] = [], format: OutputFormat = .text, minimumSeverity: Severity? = nil, failLevel: Severity? = nil,
                configPath: String? = nil, root: String? = nil, workingDirectory: String, rules: [any Rule] = RuleRegistry.all,
                fixMode: FixMode = .report) {
        self.fixMode = fixMode
        self.paths = paths
        self.format = format
        self.minimumSeverity = minimumSeverity
        self.failLevel = failLevel
        self.configPath = configPath
        self.root = root
        self.workingDirectory = workingDirectory
        self.rules = rules
    }
}

/// The library side of `wfgen lint`: finds files, lints them, writes the report and returns the exit code.
public enum LintRunner {
    /// Runs a lint; the report goes to `output`, problems with the invocation to `errors`.
    public static func run(_ invocation: LintInvocation, output: inout some TextOutputStream, errors: inout some TextOutputStream) -> LintExitCode {
        if let problem = RegistryCheck.problem(in: invocation.rules) {
            errors.write("wfgen: internal error: \(problem)\n")
            return .internalError
        }
        let cwd = URL(fileURLWithPath: invocation.workingDirectory).standardizedFileURL
        let root = invocation.root.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            errors.write("wfgen: repository root '\(root.path)' is not a folder\n")
            return .usage
        }

        // Configuration.
        var configuration = LintConfiguration()
        let configURL = invocation.configPath.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? root.appendingPathComponent(".wfgen.yml")
        // A named `--config` is read wherever it is; the default `.wfgen.yml` only inside the root. Either is
        // checked for size and type before a byte is read.
        let configRead = invocation.configPath != nil
            ? SafeFileReader.read(configURL.path, limit: LintConfiguration.maximumFileSize)
            : DiskRepository(root: root).readChecked(".wfgen.yml").flatMap { bytes -> Result<[UInt8], FileReadRefusal> in
                bytes.count <= LintConfiguration.maximumFileSize ? .success(bytes)
                    : .failure(.tooLarge(size: bytes.count, limit: LintConfiguration.maximumFileSize))
            }
        switch configRead {
        case .success(let data):
            do {
                configuration = try LintConfiguration.parse(String(decoding: data, as: UTF8.self), knownRules: Set(invocation.rules.map(\.id)))
            } catch {
                errors.write("\(configURL.path):\(error.line):\(error.column): error: \(error.message)\n")
                return .usage
            }
        case .failure(.missing) where invocation.configPath == nil:
            break
        case .failure(let refusal):
            errors.write("wfgen: cannot read configuration file '\(configURL.path)': \(refusal.description)\n")
            return .usage
        }
        if let minimum = invocation.minimumSeverity { configuration.minimumSeverity = minimum }
        if let fail = invocation.failLevel { configuration.failLevel = fail }

        // Files.
        let requested = invocation.paths.isEmpty ? [root.appendingPathComponent(".github/workflows").path] : invocation.paths
        var targets: [LintTarget] = []
        var missing: [String] = []
        var namedFiles: [URL] = []
        var namedFolders: [URL] = []
        var unreadableFolders: [(path: String, reason: String)] = []
        for path in requested {
            let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
            var directory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) else {
                missing.append(path)
                continue
            }
            if directory.boolValue {
                let scan = FileDiscovery.scan(url, root: root)
                targets += scan.targets
                unreadableFolders += scan.unreadableFolders
                namedFolders.append(url)
            } else {
                namedFiles.append(url)
                let relative = FileDiscovery.relativePath(of: url, to: root)
                targets.append(LintTarget(path: relative, kind: url.pathExtension.lowercased() == "json" ? .taskDefinition : .workflow))
            }
        }
        for path in missing { errors.write("wfgen: no such file or folder: \(path)\n") }
        for folder in unreadableFolders { errors.write("wfgen: cannot read folder \(folder.path): \(folder.reason)\n") }
        if (!missing.isEmpty || !unreadableFolders.isEmpty) && targets.isEmpty { return .usage }
        var inputProblems = !missing.isEmpty || !unreadableFolders.isEmpty

        // Each file is read once: `--fix` patches exactly the text its findings were computed from.
        let disk = DiskRepository(root: root, namedFiles: namedFiles, namedFolders: namedFolders)
        let repository: RepositoryFiles = invocation.fixMode == .report ? disk : ReadOnceRepository(base: disk)
        let linter = Linter(rules: invocation.rules, configuration: configuration)
        var result = linter.lint(targets, in: repository)
        for path in result.unreadable {
            errors.write("wfgen: cannot read \(path)\(result.unreadableReasons[path].map { ": " + $0.description } ?? "")\n")
        }

        switch invocation.fixMode {
        case .report:
            break
        case .diff:
            let files = FixPlanner(linter: linter).plan(result, targets: targets, repository: repository)
            // Every printed line is masked with every secret of the run, the fixed texts' findings' included.
            let diffMask = SecretMask(secrets: result.secrets.union(files.flatMap(\.sensitiveTexts)))
            for file in files {
                // Every printed line is masked like the text reporter's source lines: no secret shows in full.
                output.write(UnifiedDiff.diff(old: String(decoding: file.original, as: UTF8.self),
                                              new: String(decoding: file.fixed, as: UTF8.self),
                                              oldName: "a/" + file.path, newName: "b/" + file.path,
                                              displayLine: { diffMask.mask($0) }))
            }
            if inputProblems || !result.unreadable.isEmpty { return .usage }
            return files.isEmpty ? .clean : .findings
        case .fix:
            let files = FixPlanner(linter: linter).plan(result, targets: targets, repository: repository)
            // Machine-readable formats keep stdout for the report; the list of changes goes to stderr.
            var changes = ""
            var refusals: [String] = []
            for file in files {
                do {
                    try FixWriter.write(file, root: root)
                } catch {
                    // The other files are still fixed; this one is reported and the run exits 2.
                    refusals.append(error.message)
                    continue
                }
                for fix in file.applied { changes += "\(file.path):\(fix.line): \(fix.ruleID): fixed: \(fix.summary)\n" }
            }
            for refusal in refusals { errors.write("wfgen: \(ControlCharacters.escape(refusal))\n") }
            if !refusals.isEmpty { inputProblems = true }
            if !files.isEmpty {
                // Secrets of the text before the fix stay masked in the report of the text after it.
                let before = result.secrets.union(files.flatMap(\.sensitiveTexts))
                result = linter.lint(targets, in: disk)
                result.secrets.formUnion(before)
            }
            for diagnostic in result.diagnostics {
                guard case .notFixable(let reason)? = diagnostic.fix else { continue }
                changes += "\(diagnostic.location.path):\(diagnostic.location.line): \(diagnostic.ruleID): not fixed: \(reason)\n"
            }
            let changeMask = SecretMask(secrets: result.secrets)
            let printedChanges = changes.split(separator: "\n").map { ControlCharacters.escape(changeMask.mask(String($0))) + "\n" }.joined()
            if invocation.format == .text { output.write(printedChanges) } else { errors.write(printedChanges) }
        }

        // Only text (source lines) and SARIF (fingerprints) quote the source.
        let quotesSource = invocation.format == .text || invocation.format == .sarif
        let sources = quotesSource ? SourceLines(paths: Set(result.diagnostics.map(\.location.path)), repository: disk, secrets: result.secrets)
            : SourceLines(secrets: result.secrets)
        let reporter: any Reporter
        switch invocation.format {
        case .text: reporter = TextReporter()
        case .json: reporter = JSONReporter()
        case .sarif: reporter = SARIFReporter()
        case .github: reporter = GitHubReporter()
        }
        output.write(reporter.render(result.diagnostics, sources: sources))
        for (path, count) in result.omittedFindings.sorted(by: { $0.key < $1.key }) {
            errors.write("wfgen: \(ControlCharacters.escape(path)): \(count) more finding\(count == 1 ? "" : "s") not reported "
                         + "(at most \(Linter.maximumFindingsPerFile) per file)\n")
        }
        if invocation.format == .text {
            let failing = result.diagnostics.filter { $0.severity >= configuration.failLevel }.count
            errors.write("\(result.fileCount) file\(result.fileCount == 1 ? "" : "s") linted, \(result.diagnostics.count) finding\(result.diagnostics.count == 1 ? "" : "s") (\(failing) at or above \(configuration.failLevel.rawValue))\n")
        }
        if inputProblems || !result.unreadable.isEmpty { return .usage }
        return result.diagnostics.contains { $0.severity >= configuration.failLevel } ? .findings : .clean
    }
}

/// Self-checks of a rule list, so a broken registry is reported as an internal error instead of wrong output.
public enum RegistryCheck {
    /// A description of what is wrong with `rules`, or nil.
    public static func problem(in rules: [any Rule]) -> String? {
        let ids = rules.map(\.id)
        if Set(ids).count != ids.count { return "duplicate rule ids in the registry" }
        if ids != ids.sorted() { return "the rule registry is not sorted by id" }
        for rule in rules where rule.description.triggeringExamples.isEmpty || rule.description.nonTriggeringExamples.isEmpty {
            return "rule \(rule.id) has no examples"
        }
        return nil
    }
}

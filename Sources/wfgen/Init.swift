import ArgumentParser
import Foundation
import Generate
import Lint

extension WFGen {
    /// `wfgen init`: set up an existing repository to define its workflows in Swift, with wfgen as a dependency.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write Package.swift and workflows-src/ into a repository so `swift run wfgen` generates its workflows.",
            discussion: """
                Writes Package.swift (wfgen as a package dependency), workflows-src/main.swift, a starter pipeline in \
                workflows-src/Pipeline.swift and workflows-src/Imported.swift, and adds .build/ and .swiftpm/ to \
                .gitignore. Never overwrites a file: when one of them exists, nothing is written (exit 2).
                """)

        @Option(help: "Repository root to set up (default: the current folder).")
        var root: String?

        @Option(name: .customLong("wfgen-path"), help: "Depend on the wfgen checkout at this path instead of its URL (offline use).")
        var wfgenPath: String?

        @Option(name: .customLong("wfgen-url"), help: "Git URL of wfgen (default: \(Scaffold.defaultURL)).")
        var wfgenURL: String?

        @Option(name: .customLong("github"), help: "The repository on GitHub, OWNER/REPO, that the IAM trust policies name (default: from the git remote `origin`).")
        var github: String?

        @Option(name: .customLong("wfgen-version"), help: "Lowest wfgen version to accept with --wfgen-url (default: this wfgen's, \(WFGenVersion.current)).")
        var wfgenVersion: String?

        func validate() throws {
            if wfgenPath != nil, wfgenURL != nil || wfgenVersion != nil {
                throw ValidationError("--wfgen-path cannot be combined with --wfgen-url or --wfgen-version")
            }
            if let github, Scaffold.gitHubSlug(fromRemote: "https://github.com/" + github) == nil {
                throw ValidationError("--github \(github) is not OWNER/REPO")
            }
        }

        func run() throws {
            var output = StandardOutput()
            var errors = StandardError()
            let status = InitCommand(root: root ?? FileManager.default.currentDirectoryPath,
                                     wfgenPath: wfgenPath, wfgenURL: wfgenURL, wfgenVersion: wfgenVersion, github: github)
                .run(output: &output, errors: &errors)
            try output.finish()
            if status != .ok { throw ExitCode(status.rawValue) }
        }
    }
}

/// The work of `wfgen init`, apart from argument parsing so tests can run it in-process.
struct InitCommand {
    let root: String
    let wfgenPath: String?
    let wfgenURL: String?
    let wfgenVersion: String?
    let github: String?

    func run(output: inout some TextOutputStream, errors: inout some TextOutputStream) -> CommandStatus {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard isDirectory(rootURL.path) else {
            errors.write("wfgen init: \(root) is not a directory\n")
            return .inputError
        }
        let source: Scaffold.Source
        if let wfgenPath {
            let checkout = URL(fileURLWithPath: wfgenPath, isDirectory: true).standardizedFileURL
            guard FileManager.default.fileExists(atPath: checkout.appendingPathComponent("Package.swift").path) else {
                errors.write("wfgen init: --wfgen-path \(wfgenPath) holds no Package.swift; give the folder of a wfgen checkout\n")
                return .inputError
            }
            source = .path(checkout.path)
        } else {
            source = .url(wfgenURL ?? Scaffold.defaultURL, from: wfgenVersion ?? WFGenVersion.current)
        }
        let scaffold = Scaffold(repositoryName: rootURL.lastPathComponent, source: source,
                                gitHubSlug: github ?? originRemote(of: rootURL).flatMap(Scaffold.gitHubSlug(fromRemote:)))

        // Nothing is written unless every file can be: an existing one is the user's, never replaced.
        let existing = scaffold.files.map(\.path).filter {
            FileManager.default.fileExists(atPath: rootURL.appendingPathComponent($0).path)
        }
        if !existing.isEmpty {
            for path in existing { errors.write("\(path): error: exists already; wfgen init never overwrites a file\n") }
            if existing.contains("Package.swift") {
                errors.write("""
                    To add wfgen to an existing package by hand, add to its dependencies
                        \(source.dependency),
                    and a target
                        .executableTarget(name: "wfgen", dependencies: [.product(name: "WFGenKit", package: \
                    \(swiftLiteral(source.identity)))], path: "workflows-src"),
                    then write workflows-src/main.swift calling `WFGenMain.run(definitions)` (docs/compiler.md).

                    """)
            }
            errors.write("wfgen init: nothing written\n")
            return .inputError
        }

        var created: [URL] = []
        do {
            for file in scaffold.files {
                let url = rootURL.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try ExclusiveFile.create(url, contents: file.contents)
                created.append(url)
            }
            let ignored = try GitIgnore(url: rootURL.appendingPathComponent(".gitignore")).add(Scaffold.ignoredPaths)
            for file in scaffold.files { output.write("created \(file.path)\n") }
            if !ignored.isEmpty { output.write("added \(ignored.joined(separator: " ")) to .gitignore\n") }
        } catch {
            for url in created.reversed() { try? FileManager.default.removeItem(at: url) }
            errors.write("wfgen init: \(ExclusiveFile.describe(error)); nothing written\n")
            return .inputError
        }
        output.write("""

            Next, at \(rootURL.path):
              swift run wfgen         # generate .github/workflows/ and generated/ from workflows-src/
              swift run wfgen check   # fails with a diff when they are out of date (CI, pre-commit)

            """)
        return .ok
    }

    /// The URL of the git remote `origin`, read from `.git/config` (no git process, no network); nil when absent.
    private func originRemote(of root: URL) -> String? {
        guard let config = try? RepositoryFiles(root: root.path).read(".git/config") else { return nil }
        var inOrigin = false
        for line in config.split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") {
                inOrigin = text == "[remote \"origin\"]"
            } else if inOrigin, text.hasPrefix("url"), let equals = text.firstIndex(of: "=") {
                return text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

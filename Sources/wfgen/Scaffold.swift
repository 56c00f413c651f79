import Foundation
import Import
import Lint

/// The files `wfgen init` writes into an existing repository: a Package.swift that depends on wfgen, a
/// `workflows-src/` with an entry point and a starter pipeline, and the `.gitignore` lines a Swift package needs.
struct Scaffold {
    /// Where the wfgen package comes from.
    enum Source: Equatable {
        /// A checkout on this machine (offline use, the tests): `.package(path:)`.
        case path(String)
        /// A git URL at a version: `.package(url:from:)`.
        case url(String, from: String)

        /// The package identity SwiftPM derives, which `.product(name:package:)` must name: the last path component,
        /// lowercased, without `.git`.
        var identity: String {
            let location: String
            switch self {
            case .path(let path): location = path
            case .url(let url, _): location = url
            }
            var last = location.split(separator: "/").last.map(String.init) ?? location
            if last.hasSuffix(".git") { last.removeLast(4) }
            return last.lowercased()
        }

        var dependency: String {
            switch self {
            case .path(let path): ".package(path: \(swiftLiteral(path)))"
            case .url(let url, let version): ".package(url: \(swiftLiteral(url)), from: \(swiftLiteral(version)))"
            }
        }
    }

    /// The canonical location of wfgen, used when neither `--wfgen-path` nor `--wfgen-url` is given.
    static let defaultURL = "https://github.com/wfgen/wfgen"

    /// The repository's name, used for the package and the starter service.
    let repositoryName: String
    let source: Source
    /// `OWNER/REPO` on GitHub, which the generated OIDC trust policies name; nil when unknown.
    let gitHubSlug: String?

    /// `OWNER/REPO` of a github.com remote URL (`https://github.com/O/R(.git)`, `git@github.com:O/R(.git)`,
    /// `ssh://git@github.com/O/R`); nil for anything else.
    static func gitHubSlug(fromRemote remote: String) -> String? {
        let url = remote.trimmingCharacters(in: .whitespacesAndNewlines)
        var path: Substring?
        for prefix in ["https://github.com/", "http://github.com/", "git@github.com:", "ssh://git@github.com/",
                       "git://github.com/"] where url.hasPrefix(prefix) {
            path = url.dropFirst(prefix.count)
        }
        guard var path else { return nil }
        if path.hasSuffix("/") { path = path.dropLast() }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// Paths relative to the repository root, and their contents; `.gitignore` is handled apart (it is extended).
    var files: [(path: String, contents: String)] {
        [("Package.swift", packageManifest), ("workflows-src/main.swift", entryPoint),
         ("workflows-src/Pipeline.swift", starterPipeline), (ImportRegistry.path, ImportRegistry.empty)]
    }

    /// Lines `.gitignore` must hold for a Swift package's build products.
    static let ignoredPaths = [".build/", ".swiftpm/"]

    var packageManifest: String {
        """
        // swift-tools-version:6.0
        // Written by `wfgen init`. workflows-src/ defines this repository's workflows and ECS task definitions:
        // `swift run wfgen` generates them, `swift run wfgen check` fails when the generated files are out of date.
        import PackageDescription

        let package = Package(
            name: \(swiftLiteral(repositoryName + "-workflows")),
            platforms: [.macOS(.v14)],
            dependencies: [
                \(source.dependency),
            ],
            targets: [
                .executableTarget(
                    name: "wfgen",
                    dependencies: [.product(name: "WFGenKit", package: \(swiftLiteral(source.identity)))],
                    path: "workflows-src"
                ),
            ],
            swiftLanguageModes: [.v6]
        )

        """
    }

    var entryPoint: String {
        """
        import WFGenKit

        // `swift run wfgen` generates .github/workflows/ and generated/ from these definitions; `swift run wfgen check`
        // fails with a diff when those files are out of date. `wfgen import` adds to `Imported.definitions`.
        WFGenMain.run(Definitions(workflows: [], pipelines: [starterPipeline()]) + Imported.definitions)

        """
    }

    /// A pipeline that compiles and generates as written, with every value a user must change in one place.
    var starterPipeline: String {
        let service = Self.serviceName(repositoryName)
        let github = gitHubSlug.map { "GitHubRepository(\(swiftLiteral($0)))" }
        return """
            import WFGenKit

            /// A starter pipeline written by `wfgen init`: build the image in the repository root, push it to ECR
            /// (tag = commit SHA), render it into a task definition and deploy it to one ECS service, waiting for
            /// stability. Change the account, region, cluster, role names and sizes to yours; docs/compiler.md in
            /// wfgen lists everything a pipeline can say.
            func starterPipeline() -> Pipeline {
                let account = AWSAccountID("123456789012")
                let region = AWSRegion("us-east-1")
                let registry = ImageRegistry(
                    account: account, region: region,
                    credentials: .oidc(role: IAMRole(account: account, name: "github-ecr-push")))
                let production = DeploymentEnvironment(
                    "production", account: account, region: region, cluster: \(swiftLiteral(service)),
                    credentials: .oidc(role: IAMRole(account: account, name: "github-ecs-deploy")))

                let app = Service(
                    \(swiftLiteral(service)), repository: \(swiftLiteral(service)),
                    build: ImageBuild(context: ".", dockerfile: "Dockerfile"),
                    containerName: "app"
                ) { environment, repository in
                    TaskDefinition(
                        family: "\(service)-\\(environment.name)",
                        size: FargateSize(cpu: .quarterVCPU, memoryMiB: 512),
                        executionRole: IAMRole(account: environment.account, name: "\(service)-execution"),
                        containers: [
                            ContainerDefinition(
                                "app", repository: repository,
                                portMappings: [PortMapping(8080, name: "http", appProtocol: .http)],
                                environment: ["APP_ENV": environment.name],
                                healthCheck: .http(port: 8080, path: "/health", interval: 15, timeout: 5, retries: 3,
                                                   startPeriod: 20),
                                logging: AWSLogs(group: "/ecs/\(service)", region: environment.region,
                                                 streamPrefix: "app")),
                        ])
                }

                return Pipeline(
                    \(swiftLiteral(service)), title: "Deploy \(service)",
                    on: [.workflowDispatch(), .push(branches: ["main"])],
                    registry: registry, services: [app], environments: [production],
                    // The repository whose jobs assume the roles: generated/iam/ holds their trust policies.
                    github: \(github ?? "nil /* GitHubRepository(\"OWNER/REPO\") to generate the IAM trust policies */"))
            }

            """
    }

    /// A name ECR, ECS and a file name all accept: lowercase letters, digits and single dashes.
    static func serviceName(_ repository: String) -> String {
        var name = ""
        for character in repository.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "app" : String(name.prefix(40))
    }
}

/// A Swift string literal holding `text`: the importer's, so both write literals one way.
func swiftLiteral(_ text: String) -> String { SwiftSyntax.quoted(text) }

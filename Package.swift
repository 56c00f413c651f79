// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wfgen",
    platforms: [.macOS(.v14)],
    products: [
        // What a consumer repository depends on: `import WFGenKit` brings the DSL (Workflow, ECS), `Definitions`
        // and `WFGenMain`, the command line its `workflows-src/main.swift` runs (docs/compiler.md).
        .library(name: "WFGenKit", targets: ["WFGenKit"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "ECS", targets: ["ECS"]),
        .library(name: "Generate", targets: ["Generate"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Lint", targets: ["Lint"]),
        .library(name: "Import", targets: ["Import"]),
        // The prebuilt binary (make release, pre-commit, the Action, the packages): lint, init, import; no
        // definitions compiled in. Not named `wfgen`: a dependency's executable product of that name would win
        // `swift run wfgen` over the consumer's own (SwiftPM 6.3), so only the root package's own target
        // `wfgen` (workflows-src/, below; not a product, so consumers never see it) carries that name.
        .executable(name: "wfgen-cli", targets: ["WFGenTool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only C in the package: libyaml, found through pkg-config (yaml-0.1).
        .systemLibrary(
            name: "CYAMLBridge",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Swift over libyaml: positioned parsing, safe deterministic emitting. The only importer of CYAMLBridge.
        .target(name: "YAML", dependencies: ["CYAMLBridge"]),
        // Compiler (issue 3): typed workflows, typed ECS, generation and drift check, and the definitions.
        .target(name: "Workflow", dependencies: ["YAML"]),
        .target(name: "ECS", dependencies: ["Workflow"]),
        .target(name: "Generate", dependencies: ["Workflow", "ECS", "YAML", "TextDiff"]),
        // `wfgen import`: existing workflows and task-definition JSON → typed values → Swift DSL source.
        .target(name: "Import", dependencies: ["YAML", "Workflow", "ECS"]),
        // `diff -u` of two texts, for `wfgen check` and `wfgen lint --diff`.
        .target(name: "TextDiff"),
        // The command line as a library: every command, run by a consumer's workflows-src/main.swift with its
        // definitions, or by the prebuilt binary without any.
        .target(
            name: "WFGenKit",
            dependencies: [
                "YAML", "Workflow", "ECS", "Generate", "Import", "Lint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/wfgen"
        ),
        .executableTarget(name: "WFGenTool", dependencies: ["WFGenKit"], path: "Sources/wfgen-cli"),
        // This repository's own definitions (its CI and the demo), laid out as in any consumer repository:
        // `swift run wfgen` at the root runs them.
        .executableTarget(name: "wfgen", dependencies: ["WFGenKit"], path: "workflows-src"),
        .executableTarget(name: "yaml-bench", dependencies: ["YAML"], path: "Benchmarks/yaml-bench"),
        // Helpers the test targets share: package root, temporary directories, child processes, peer tools.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "TextDiffTests", dependencies: ["TextDiff"]),
        .testTarget(name: "WFGenKitTests", dependencies: ["WFGenKit"]),
        // The linter: works on parsed YAML (hand-written files may be invalid), never on the typed model.
        .target(name: "Lint", dependencies: ["YAML", "TextDiff"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "YAML"], exclude: ["Fixtures", "Golden", "Schemas"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "YAML"], exclude: ["Golden"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Workflow", "ECS", "YAML"]),
        .testTarget(name: "ECSTests", dependencies: ["ECS", "Workflow", "Generate"], exclude: ["Golden"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "wfgen", "Workflow", "ECS", "YAML", "TestSupport"]),
        // Where users meet wfgen: the pre-commit hooks (run by the real pre-commit), the pull-request check in
        // this repository's CI, and the composite GitHub Action in action.yml.
        .testTarget(name: "IntegrationTests", dependencies: ["Lint", "YAML", "Workflow", "ECS", "Generate", "TestSupport"],
                    exclude: ["Migration/before", "Migration/after"]),
    ],
    swiftLanguageModes: [.v6]
)

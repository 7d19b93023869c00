// swift-tools-version:6.0
import PackageDescription

// No third-party packages: the owner asked for none.
let package = Package(
    name: "call-lint",
    products: [
        .executable(name: "call-lint", targets: ["call-lint"]),
        .library(name: "CallLint", targets: ["CallLint"]),
    ],
    targets: [
        // The engine: JSON parser, rules, fixes, output formats. Standard library only, so the
        // hot path never pays for Foundation start-up.
        .target(
            name: "CallLint",
            plugins: ["EmbedRuleDocuments"]
        ),
        // The command line: options, file discovery, I/O, exit codes.
        .target(
            name: "CallLintCommand",
            dependencies: ["CallLint"]
        ),
        .executableTarget(
            name: "call-lint",
            dependencies: ["CallLintCommand"]
        ),
        // Turns rules/*.md into Swift string literals at build time, so the binary carries its
        // rule documentation and needs no files beside it.
        .executableTarget(name: "RuleDocumentEmbedder"),
        .plugin(
            name: "EmbedRuleDocuments",
            capability: .buildTool(),
            dependencies: ["RuleDocumentEmbedder"]
        ),
        .testTarget(
            name: "CallLintTests",
            dependencies: ["CallLint", "CallLintCommand"]
        ),
    ]
)

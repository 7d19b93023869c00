import Foundation
import PackagePlugin

/// Embeds every `rules/*.md` of the package into the target as Swift source, so that
/// `call-lint --explain` and the rule catalog work from a binary copied anywhere.
@main
struct EmbedRuleDocuments: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let documents = try FileManager.default
            .contentsOfDirectory(at: rulesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleDocuments.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(documents.count) rule documents",
                executable: try context.tool(named: "RuleDocumentEmbedder").url,
                arguments: [output.path] + documents.map(\.path),
                inputFiles: documents,
                outputFiles: [output]
            )
        ]
    }
}

import Foundation
@_exported import TestSupport
import Testing
import YAML

/// The `wfgen` executable that `swift test` built next to the test bundle, if any.
let wfgenBinary: String? = {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        .map { $0.appendingPathComponent("wfgen").path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// A YAML file of the package, parsed with positions.
func parsePackageYAML(_ relative: String) throws -> Node {
    let text = try String(contentsOfFile: packageRoot + "/" + relative, encoding: .utf8)
    return try #require(try YAMLParser().parse(text).root, "\(relative) is empty")
}

extension Node {
    /// The scalar at a key path, e.g. `["runs", "using"]`.
    func scalar(at path: [String]) -> String? {
        var node: Node? = self
        for key in path { node = node?[key] }
        return node?.scalar
    }
}

// Fuzz target: the whole lint of one workflow (every rule, the value resolver, the shell reader, the
// cross-file rules against a small task definition) and every output format.
//
// Any input must lint without crashing, hanging or growing without bound; every diagnostic must carry a
// position inside the file; JSON and SARIF output must be valid JSON.
import Foundation
import Lint
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let repository = FuzzRepository(workflow: inputBytes(data, size))
    let target = LintTarget(path: FuzzRepository.workflowPath, kind: .workflow)
    let result = Linter().lint([target], in: repository)
    let lines = LineIndex(bytes: repository.workflow)
    let lineCount = lines.lineCount
    for diagnostic in result.diagnostics {
        let location = diagnostic.location
        require(!diagnostic.ruleID.isEmpty && !diagnostic.message.isEmpty, "diagnostic without rule or message: \(diagnostic)")
        require(location.line >= 1 && location.column >= 1 && location.endLine >= location.line,
                "diagnostic \(diagnostic.ruleID) at \(location.line):\(location.column)-\(location.endLine):\(location.endColumn)")
        if location.path == FuzzRepository.workflowPath {
            // The end of a file that ends with a line break is the start of the (empty) line after the last one.
            let atEnd = location.line == lineCount + 1 && location.column == 1 && lines.starts.last == repository.workflow.count
            require(location.line <= max(1, lineCount) || atEnd, "\(diagnostic.ruleID) at line \(location.line) of a \(lineCount)-line file")
            // The column counts characters as libyaml does; it may sit just past the line's last one.
            guard !atEnd else { continue }
            let line = lines.contentRange(ofLine: location.line - 1, in: repository.workflow)
            let characters = repository.workflow[line].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            require(location.column <= characters + 1,
                    "\(diagnostic.ruleID) at column \(location.column) of line \(location.line), which has \(characters) characters")
        }
    }
    let sources = SourceLines(paths: Set(result.diagnostics.map(\.location.path)), repository: repository)
    _ = TextReporter().render(result.diagnostics, sources: sources)
    _ = GitHubReporter().render(result.diagnostics, sources: sources)
    // SARIF carries every rule's full documentation, a fixed cost that is most of a run's time: it is rendered
    // for one input in 32 (chosen by size, so a given input always does the same).
    var reporters: [(String, any Reporter)] = [("json", JSONReporter())]
    if size % 32 == 7 { reporters.append(("sarif", SARIFReporter(version: "fuzz"))) }
    for (name, reporter) in reporters {
        let output = reporter.render(result.diagnostics, sources: sources)
        require((try? JSONSerialization.jsonObject(with: Data(output.utf8))) != nil, "\(name) output is not JSON:\n\(output)")
    }
    return 0
}

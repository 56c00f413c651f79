import Foundation
import Testing
@testable import YAML

/// Feeds wfgen's emitted YAML to an independent YAML 1.1 reader (PyYAML's SafeLoader) and checks
/// that it reads the very values wfgen meant, types included.
@Suite struct PyYAMLDifferentialTests {
    static let caseCount = 6_000

    /// A type-tagged, order-preserving text form that both sides can compute exactly.
    static func canonical(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "~"
        case .bool(let b): return b ? "T" : "F"
        case .int(let i): return "i\(i)"
        case .float(let d): return d.isNaN ? "fnan" : "f" + String(d.bitPattern, radix: 16)
        case .string(let s): return "s" + s.utf8.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let entries): return "{" + entries.map { canonical($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        case .commented(let inner, _): return canonical(inner)
        }
    }

    static let script = #"""
    import json, struct, sys, yaml
    def canon(v):
        if v is None: return "~"
        if isinstance(v, bool): return "T" if v else "F"
        if isinstance(v, int): return "i%d" % v
        if isinstance(v, float):
            if v != v: return "fnan"
            return "f%x" % struct.unpack(">Q", struct.pack(">d", v))[0]
        if isinstance(v, str): return "s" + v.encode("utf-8", "surrogatepass").hex()
        if isinstance(v, list): return "[" + ",".join(canon(x) for x in v) + "]"
        if isinstance(v, dict): return "{" + ",".join(canon(k) + ":" + canon(x) for k, x in v.items()) + "}"
        return "?" + type(v).__name__
    for text in json.load(sys.stdin):
        try:
            print(canon(yaml.load(text, Loader=yaml.SafeLoader)))
        except Exception as e:
            print("!" + type(e).__name__ + ": " + str(e).replace("\n", " "))
    """#

    @Test(.enabled(if: Peers.shouldRun("python"))) func pyyamlReadsWhatWfgenMeant() throws {
        let python = try #require(Peers.path("python"), "the venv's python is missing: run `make venv`")
        var generator = NastyValueGenerator(seed: 0xD1FF_2026)
        var trees: [YAMLValue] = []
        var texts: [String] = []
        for index in 0..<Self.caseCount {
            // PyYAML merges equal keys of different spellings (1 and 1.0, True and 1), so keys are strings here.
            var tree = generator.tree(stringKeysOnly: true)
            if index % 4 == 0 { tree = RoundTripPropertyTests.sprinkleComments(tree, seed: index) }
            trees.append(tree)
            texts.append(try YAMLEmitter().emit(tree, header: ["case \(index)"]))
        }
        let input = try JSONEncoder().encode(texts)
        let result = try Peers.run(python, ["-c", Self.script], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == trees.count, "PyYAML answered \(lines.count) of \(trees.count) cases: \(result.stderr)")
        var mismatches: [String] = []
        for (index, (tree, line)) in zip(trees, lines).enumerated() where Self.canonical(tree) != line {
            mismatches.append("case \(index): \(tree)\n--- emitted ---\n\(texts[index])--- PyYAML ---\n\(line)")
            if mismatches.count >= 3 { break }
        }
        if !mismatches.isEmpty { Issue.record("\(FailureReport.write(mismatches, name: "pyyaml"))") }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

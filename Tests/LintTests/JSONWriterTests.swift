import Foundation
import Lint
import Testing

/// The JSON reporter writes its output by hand (for speed); it must stay byte-identical to what `JSONEncoder`
/// produced before, on text no golden file holds: every control character, quotes, backslashes, DEL, non-ASCII,
/// findings with and without related locations, and no findings at all.
@Suite struct JSONWriterTests {
    /// The reporter's fields as it encoded them with `JSONEncoder`.
    struct EncodedEntry: Codable {
        struct Related: Codable {
            let path: String
            let line: Int
            let column: Int
            let label: String
        }

        let rule: String
        let family: String
        let severity: String
        let message: String
        let path: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let related: [Related]
    }

    static let awkward: String = {
        var text = ""
        for value in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return text + "\u{85}\u{2028}\u{2029}é😀\u{FEFF} /path\\end"
    }()

    func encoded(_ entries: [EncodedEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }

    @Test func matchesJSONEncoderOnAwkwardText() throws {
        let primary = SourceLocation(path: "a/\(Self.awkward).yml", line: 3, column: 7, endLine: 4, endColumn: 2)
        let related = [
            RelatedLocation(location: SourceLocation(path: "b.yml", line: 1, column: 1), label: Self.awkward),
            RelatedLocation(location: SourceLocation(path: "c\"d.yml", line: 12, column: 30), label: "second"),
        ]
        let diagnostics = [
            Diagnostic(ruleID: "unpinned-action", severity: .warning, message: Self.awkward, location: primary, related: related),
            Diagnostic(ruleID: "hardcoded-credential", severity: .error, message: "plain", location: primary),
        ]
        let expected = try encoded(diagnostics.map { d in
            EncodedEntry(rule: d.ruleID, family: RuleRegistry.rule(d.ruleID)?.description.family.rawValue ?? "",
                         severity: d.severity.rawValue, message: d.message, path: d.location.path, line: d.location.line,
                         column: d.location.column, endLine: d.location.endLine, endColumn: d.location.endColumn,
                         related: d.related.map { .init(path: $0.location.path, line: $0.location.line,
                                                        column: $0.location.column, label: $0.label) })
        })
        #expect(JSONReporter().render(diagnostics, sources: SourceLines()) == expected)
    }

    @Test func matchesJSONEncoderWithoutFindings() throws {
        #expect(JSONReporter().render([], sources: SourceLines()) == (try encoded([])))
    }
}

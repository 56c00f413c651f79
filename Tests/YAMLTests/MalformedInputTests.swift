import Testing
@testable import YAML

/// Every hostile or broken input is a typed error with a position — never a crash.
@Suite struct MalformedInputTests {
    func error(_ bytes: [UInt8], limits: ParseLimits = ParseLimits()) -> YAMLError? {
        do {
            _ = try YAMLParser(limits: limits).parseStream(bytes)
            return nil
        } catch {
            return error
        }
    }

    func error(_ text: String, limits: ParseLimits = ParseLimits()) -> YAMLError? {
        error(Array(text.utf8), limits: limits)
    }

    @Test(arguments: [
        // (input, line, column, words libyaml uses)
        ("a: [1, 2\n", 2, 1, "did not find expected ',' or ']'"),
        ("a: b: c\n", 1, 5, "mapping values are not allowed"),
        ("a:\n\t- b\n", 2, 1, "found character that cannot start any token"),
        ("a: 'unclosed\n", 2, 1, "found unexpected end of stream"),
        ("a: \"unclosed\nb: 1\n", 3, 1, "found unexpected end of stream"),
        ("- a\nb: c\n", 2, 1, "did not find expected '-' indicator"),
        ("a: {x: 1\n", 2, 1, "did not find expected ',' or '}'"),
        ("key: @bad\n", 1, 6, "found character that cannot start any token"),
    ])
    func malformedYAMLGivesLibyamlsProblemAtItsPosition(text: String, line: Int, column: Int, problem: String) throws {
        let e = try #require(error(text))
        #expect(e.reason == .syntax)
        #expect(e.mark.line == line && e.mark.column == column)
        #expect(e.message.contains(problem), "\(e.message)")
    }

    @Test func duplicateKeysReportBothPositions() throws {
        let e = try #require(error("on: push\njobs:\n  a: 1\n  b: 2\n  a: 3\n"))
        #expect(e.reason == .duplicateKey)
        #expect(e.message == "duplicate key 'a'")
        #expect(e.mark == Mark(line: 5, column: 3, offset: 31))
        #expect(e.related == Mark(line: 3, column: 3, offset: 17))
    }

    @Test func quotedAndPlainSpellingsOfAKeyAreDuplicates() throws {
        let e = try #require(error("on: push\n'on': pull_request\n"))
        #expect(e.reason == .duplicateKey && e.mark.line == 2)
    }

    @Test func invalidUTF8IsAnEncodingErrorAtTheByte() throws {
        let e = try #require(error([0x61, 0x3A, 0x0A, 0x62, 0x3A, 0x20, 0xC3, 0x28, 0x0A]))
        #expect(e.reason == .encoding)
        // libyaml points at the byte that breaks the sequence: 0x28 after the lead byte 0xC3.
        #expect(e.mark == Mark(line: 2, column: 5, offset: 7), "\(e)")
        #expect(e.message == "invalid trailing UTF-8 octet #x28")
        let lone = try #require(error([0x61, 0x3A, 0x20, 0xFF]))
        #expect(lone.reason == .encoding && lone.message.contains("#xFF"))
    }

    @Test func nulByteIsRejected() throws {
        let e = try #require(error([0x61, 0x3A, 0x20, 0x62, 0x00, 0x0A]))
        #expect(e.reason == .encoding)
        #expect(e.mark == Mark(line: 1, column: 5, offset: 4))
    }

    @Test func utf16IsNotAcceptedAsUTF8() throws {
        let e = try #require(error([0xFF, 0xFE, 0x61, 0x00]))
        #expect(e.reason == .encoding)
    }

    @Test func tenThousandOpenBracketsHitTheDepthCap() throws {
        let e = try #require(error(String(repeating: "[", count: 10_000)))
        #expect(e.reason == .depthLimit)
        #expect(e.mark.line == 1 && e.mark.column == 257)
        let maps = try #require(error(String(repeating: "{a: ", count: 10_000)))
        #expect(maps.reason == .depthLimit)
    }

    @Test func deepBlockNestingHitsTheDepthCap() throws {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k:\n" }
        let e = try #require(error(text))
        #expect(e.reason == .depthLimit)
    }

    @Test func nestingUnderTheCapParses() throws {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(error(text) == nil)
    }

    @Test func billionLaughsIsStoppedByTheAliasCap() throws {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        let e = try #require(error(text))
        #expect(e.reason == .aliasExpansionLimit)
        #expect(e.mark.line >= 4 && e.mark.line <= 6)
    }

    @Test func modestAliasUseIsFine() throws {
        let text = "defaults: &d {a: 1, b: 2}\njobs: [*d, *d, *d]\n"
        #expect(error(text) == nil)
    }

    @Test func undefinedAliasIsAnError() throws {
        let e = try #require(error("a: *nowhere\n"))
        #expect(e.reason == .unknownAnchor || e.reason == .syntax)
        #expect(e.mark.line == 1)
    }

    @Test func sizeCapIsConfigurable() throws {
        let big = "k: " + String(repeating: "x", count: 2_000) + "\n"
        let e = try #require(error(big, limits: ParseLimits(maxBytes: 1_000)))
        #expect(e.reason == .sizeLimit)
        #expect(e.mark == .start)
        #expect(error(big) == nil)
    }

    @Test func aLargeRealisticFileParsesUnderTheDefaultCap() throws {
        var text = "jobs:\n"
        for i in 0..<25_000 { text += "  job\(i):\n    runs-on: ubuntu-latest\n    steps:\n    - run: echo \(i)\n" }
        #expect(text.utf8.count > 1_500_000)
        let root = try #require(try YAMLParser().parse(text).root)
        #expect(root["jobs"]?.mapping?.count == 25_000)
    }

    @Test func errorsDescribeThemselvesWithPositionAndContext() throws {
        let e = try #require(error("a: [1, 2\n"))
        #expect(e.description == "2:1: did not find expected ',' or ']' (while parsing a flow sequence at 1:4)")
    }
}

import Testing
@testable import YAML

@Suite struct ParsePositionTests {
    let parser = YAMLParser()

    @Test func marksAreOneBasedWithByteOffsets() throws {
        let text = "name: ci\non:\n  push:\n    branches: [main]\n"
        let root = try #require(try parser.parse(text).root)
        let branches = try #require(root["on"]?["push"]?["branches"])
        #expect(branches.start == Mark(line: 4, column: 15, offset: 35))
        let main = try #require(branches.sequence?.first)
        #expect(main.scalar == "main")
        #expect(main.start == Mark(line: 4, column: 16, offset: 36))
        #expect(main.end == Mark(line: 4, column: 20, offset: 40))
        let key = try #require(root.pair("on")?.key)
        #expect(key.start == Mark(line: 2, column: 1, offset: 9))
    }

    @Test func nonASCIILinesGiveCharacterColumnsAndByteOffsets() throws {
        let text = "title: héllo wörld\nnext: x\nemoji: 😀 ok\nafter: y\n"
        let root = try #require(try parser.parse(text).root)
        let next = try #require(root["next"])
        #expect(next.start.line == 2 && next.start.column == 7)
        #expect(Array(text.utf8)[next.start.offset] == UInt8(ascii: "x"))
        let emoji = try #require(root["emoji"])
        #expect(emoji.end.column == 12)
        let after = try #require(root["after"])
        #expect(Array(text.utf8)[after.start.offset] == UInt8(ascii: "y"))
        #expect(after.start.line == 4 && after.start.column == 8)
    }

    /// Found by the fuzz-yaml target: libyaml puts the end of a file without a final line break on a phantom
    /// next line, so the root ended at line 2 of a one-line file (and a finding's end past the last line).
    @Test func fileWithoutFinalLineBreakEndsOnItsLastLine() throws {
        let ascii = try #require(try parser.parse("name: Deploy\non: push").root)
        #expect(ascii.end == Mark(line: 2, column: 9, offset: 21))
        #expect(ascii["on"]?.end == Mark(line: 2, column: 9, offset: 21))
        let unicode = try #require(try parser.parse("name: héllo\non: pü").root)
        #expect(unicode.end == Mark(line: 2, column: 7, offset: 20))
        // A line separator: a line break to libyaml, not to an editor.
        let separator = try #require(try parser.parse("a: \"x\u{2028} y\"\nb: zé").root)
        #expect(separator.end == Mark(line: 2, column: 6, offset: 18))
        let withBreak = try #require(try parser.parse("a: 1\n").root)
        #expect(withBreak.end.offset == 5 && withBreak.end.line <= 2)
    }

    @Test func crlfLineBreaksCountAsOneLine() throws {
        let text = "a: 1\r\nb: two\r\n"
        let root = try #require(try parser.parse(text).root)
        let b = try #require(root["b"])
        #expect(b.start == Mark(line: 2, column: 4, offset: 9))
        #expect(b.scalar == "two")
    }

    @Test func blockScalarStartsAtItsIndicator() throws {
        let text = "run: |\n  echo hi\n  echo there\nx: 1\n"
        let root = try #require(try parser.parse(text).root)
        let run = try #require(root["run"])
        #expect(run.scalar == "echo hi\necho there\n")
        #expect(run.scalarStyle == .literal)
        #expect(run.start == Mark(line: 1, column: 6, offset: 5))
        #expect(run.end.line == 4)
    }

    @Test func stylesAndTagsAreKept() throws {
        let text = "a: plain\nb: 'single'\nc: \"double\"\nd: !!str 12\ne: >\n  folded\n  text\n"
        let root = try #require(try parser.parse(text).root)
        #expect(root["a"]?.scalarStyle == .plain)
        #expect(root["b"]?.scalarStyle == .singleQuoted)
        #expect(root["c"]?.scalarStyle == .doubleQuoted)
        #expect(root["d"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["d"]?.value == .string("12"))
        #expect(root["e"]?.scalar == "folded text\n")
        #expect(root["e"]?.scalarStyle == .folded)
    }

    @Test func mappingsKeepSourceOrder() throws {
        let root = try #require(try parser.parse("z: 1\na: 2\nm: 3\n").root)
        #expect(root.mapping?.map { $0.key.scalar ?? "" } == ["z", "a", "m"])
    }

    @Test func anchorsAndAliasesResolveToCopiesAtTheAliasPosition() throws {
        let text = "base: &env\n  A: 1\n  B: two\nother: *env\n"
        let root = try #require(try parser.parse(text).root)
        let other = try #require(root["other"])
        #expect(other.isAlias)
        #expect(other.value == root["base"]?.value)
        #expect(other.start == Mark(line: 4, column: 8, offset: 34))
    }

    @Test func multiDocumentStreams() throws {
        let docs = try parser.parseStream("a: 1\n---\nb: 2\n---\n")
        #expect(docs.count == 3)
        #expect(docs[0].root?["a"]?.value == .int(1))
        #expect(docs[1].root?["b"]?.value == .int(2))
        #expect(docs[2].root?.value == .null)  // an explicit empty document holds a null scalar
        #expect(docs[1].span.start.line == 2)
    }

    @Test func emptyInputIsAnEmptyDocument() throws {
        #expect(try parser.parse("").root == nil)
        #expect(try parser.parse("# only a comment\n").root == nil)
    }

    @Test func singleDocumentParseRejectsStreams() {
        #expect(throws: YAMLError.self) { try parser.parse("a: 1\n---\nb: 2\n") }
    }

    @Test(arguments: [
        ("null", YAMLValue.null), ("~", .null), ("", .null), ("Null", .null),
        ("true", .bool(true)), ("False", .bool(false)), ("yes", .string("yes")), ("on", .string("on")),
        ("12", .int(12)), ("-3", .int(-3)), ("+7", .int(7)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("0777", .int(777)), ("1:30", .string("1:30")),
        ("1.5", .float(1.5)), ("1e3", .float(1000)), ("-.inf", .float(-.infinity)), (".NaN", .float(.nan)),
        ("3.10", .float(3.1)), ("1.2.3", .string("1.2.3")), ("2001-12-14", .string("2001-12-14")),
        ("${{ github.sha }}", .string("${{ github.sha }}")),
    ])
    func plainScalarsResolveByTheYAML12CoreSchema(text: String, expected: YAMLValue) throws {
        let root = try #require(try parser.parse("k: \(text)\n").root)
        #expect(root["k"]?.value == expected)
    }

    @Test func quotedScalarsAreAlwaysStrings() throws {
        let root = try #require(try parser.parse("a: '1'\nb: \"true\"\nc: 'null'\n").root)
        #expect(root.value == .map([("a", "1"), ("b", "true"), ("c", "null")]))
    }
}

import Testing
import YAML

/// `LineIndex` breaks lines as editors do, and the parser's marks name the same lines, whatever breaks the file uses.
@Suite struct LineIndexTests {
    /// The six breaks libyaml knows, with a name for test output.
    static let breaks: [(name: String, text: String)] = [
        ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"), ("NEL", "\u{85}"), ("LS", "\u{2028}"), ("PS", "\u{2029}"),
    ]

    @Test(arguments: ["LF", "CRLF", "CR"])
    func editorBreaksEndALine(name: String) throws {
        let lineBreak = try #require(Self.breaks.first { $0.name == name }?.text)
        let text = ["a: 1", "bé: 二", "", "c: x"].joined(separator: lineBreak) + lineBreak
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes: bytes)
        #expect(index.starts.count == 5)
        #expect(index.lineCount == 4)
        let lines = (0..<4).map { String(decoding: bytes[index.contentRange(ofLine: $0, in: bytes)], as: UTF8.self) }
        #expect(lines == ["a: 1", "bé: 二", "", "c: x"])
        #expect(index.contentRange(ofLine: 9, in: bytes).isEmpty)
    }

    @Test(arguments: ["NEL", "LS", "PS"])
    func unicodeSeparatorsStayInsideTheLine(name: String) throws {
        let separator = try #require(Self.breaks.first { $0.name == name }?.text)
        let bytes = Array("a: \"x\(separator)  y\"\nb: 2\n".utf8)
        let index = LineIndex(bytes: bytes)
        #expect(index.lineCount == 2)
        #expect(String(decoding: bytes[index.contentRange(ofLine: 0, in: bytes)], as: UTF8.self) == "a: \"x\(separator)  y\"")
    }

    @Test func columnsCountScalarsNotBytes() {
        let bytes = Array("key: héllo 😀 x\n".utf8)
        let index = LineIndex(bytes: bytes)
        let x = bytes.lastIndex(of: UInt8(ascii: "x")) ?? 0
        #expect(index.mark(atOffset: x, in: bytes) == Mark(line: 1, column: 14, offset: x))
        #expect(index.mark(atOffset: -3, in: bytes) == Mark.start)
        #expect(index.mark(atOffset: bytes.count + 7, in: bytes).offset == bytes.count)
    }

    @Test func emptyTextHasOneEmptyLine() {
        let index = LineIndex(bytes: [])
        #expect(index.starts == [0])
        #expect(index.lineCount == 1)
        #expect(index.contentRange(ofLine: 0, in: []).isEmpty)
    }

    /// Every node the parser positions, in documents broken by each kind of break libyaml knows (alone and mixed,
    /// with non-ASCII text before the break), names the line and column `LineIndex` gives for its byte offset.
    @Test(arguments: breaks.map(\.name) + ["mixed"])
    func agreesWithTheParserOnEveryNode(name: String) throws {
        let pick: (Int) -> String = { i in
            name == "mixed" ? Self.breaks[i % Self.breaks.count].text : (Self.breaks.first { $0.name == name }?.text ?? "\n")
        }
        let lines = ["# comment ¬", "name: ci", "on:", "  push:", "    branches: [main, \"ré\"]", "jobs:",
                     "  build:  # ⌘", "    steps:", "      - run: echo 日本", "      - uses: a/b@v1", "        with: {k: v}"]
        var text = ""
        for (i, line) in lines.enumerated() { text += line + pick(i) }
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes: bytes)
        let root = try #require(try YAMLParser().parse(bytes).root)
        var stack = [root]
        var checked = 0
        while let node = stack.popLast() {
            #expect(index.mark(atOffset: node.start.offset, in: bytes) == node.start, "\(name): \(node.start)")
            checked += 1
            switch node.kind {
            case .scalar: break
            case .sequence(let items): stack += items
            case .mapping(let pairs): for pair in pairs { stack += [pair.key, pair.value] }
            }
        }
        #expect(checked > 20)
    }
}

import Testing
import YAML

/// Node packs its span and keeps tags in a box; every public property must still read back what was set.
@Suite struct NodeStorageTests {
    let near = Span(start: Mark(line: 2, column: 3, offset: 14), end: Mark(line: 2, column: 9, offset: 20))

    @Test(arguments: [
        Span(start: Mark(line: 1 << 40, column: 3, offset: Int.max), end: Mark(line: 7, column: 1 << 32, offset: 1 << 31)),
        Span(start: Mark(line: -1, column: 0, offset: -5), end: .start),
        Span(start: Mark(line: (1 << 32) - 1, column: (1 << 32) - 1, offset: (1 << 31) - 1), end: .start),
    ])
    func spansOutsideThePackedRangeKeepEveryField(span: Span) {
        var node = Node(kind: .scalar("x", .plain), span: span, isAlias: true)
        #expect(node.span == span && node.start == span.start && node.end == span.end && node.isAlias)
        node.isAlias = false
        #expect(node.span == span && !node.isAlias)
        node.span = near
        #expect(node == Node(kind: .scalar("x", .plain), span: near))
        #expect(node.start == near.start && node.end == near.end)
    }

    @Test func tagsSurviveEditsOfKindSpanAndAliasFlag() {
        let tag = "tag:yaml.org,2002:str"
        var node = Node(kind: .scalar("1", .plain), tag: tag, span: near)
        node.kind = .sequence([])
        node.isAlias = true
        node.span = Span(start: .start, end: near.end)
        #expect(node.tag == tag && node.sequence == [] && node.isAlias && node.start == .start)
        node.tag = nil
        #expect(node == Node(kind: .sequence([]), span: Span(start: .start, end: near.end), isAlias: true))
    }

    @Test func accessorsSeeThroughTags() {
        let key = Node(kind: .scalar("on", .doubleQuoted), tag: "!k", span: near)
        let value = Node(kind: .sequence([Node(kind: .scalar("push", .plain), span: near)]), tag: "!v", span: near)
        let map = Node(kind: .mapping([Node.Pair(key: key, value: value)]), tag: "!m", span: near)
        #expect(key.scalar == "on" && key.scalarStyle == .doubleQuoted)
        #expect(map["on"] == value && map.pair("on")?.key == key && map["off"] == nil)
        #expect(value.sequence?.first?.scalar == "push" && map.mapping?.count == 1)
        #expect(map.value == YAMLValue.mapping([YAMLValue.Entry(key: "on", value: ["push"])]))
    }
}

// Fuzz target: the YAML parser (Sources/YAML) on arbitrary bytes.
//
// Any input must either parse or throw a YAMLError — never crash, hang or grow without bound. When it parses:
// every node's marks lie inside the input, agree with LineIndex (the line/column every diagnostic uses), and
// start ≤ end; and the document's value survives emit → parse unchanged (the emitter's round-trip promise).
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    guard let documents = try? YAMLParser().parseStream(bytes) else { return 0 }
    let lines = LineIndex(bytes: bytes)
    for document in documents {
        // Only the offsets of a document's span: libyaml puts the end of a file without a final line break on a
        // line of its own, and nothing is reported at a document's end.
        let span = document.span
        require(0 <= span.start.offset && span.start.offset <= span.end.offset && span.end.offset <= bytes.count,
                "document span \(span.start.offset)..<\(span.end.offset) outside 0...\(bytes.count)")
        guard let root = document.root else { continue }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            require(visited <= 1_000_000, "more than a million nodes from \(bytes.count) bytes")
            checkMarks(node.start, node.end, bytes: bytes, lines: lines, what: "node")
            if node.isAlias { continue }
            switch node.kind {
            case .scalar: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs): for pair in pairs { stack.append(pair.key); stack.append(pair.value) }
            }
        }
        checkRoundTrip(root.value)
    }
    return 0
}

private func checkMarks(_ start: Mark, _ end: Mark, bytes: [UInt8], lines: LineIndex, what: String) {
    require(start.offset >= 0 && start.offset <= end.offset && end.offset <= bytes.count,
            "\(what) span \(start.offset)..<\(end.offset) outside 0...\(bytes.count)")
    for mark in [start, end] {
        let expected = lines.mark(atOffset: mark.offset, in: bytes)
        require(mark.line == expected.line && mark.column == expected.column,
                "\(what) mark \(mark) at offset \(mark.offset), LineIndex says \(expected)")
    }
}

/// emit(value) must read back as the same value; values the emitter refuses (it throws) are fine.
private func checkRoundTrip(_ value: YAMLValue) {
    guard let text = try? YAMLEmitter().emit(value) else { return }
    do {
        let back = try YAMLParser().parse(text).root?.value ?? .null
        require(back == value, "round trip changed \(value) into \(back) via:\n\(text)")
    } catch {
        require(false, "emitted text does not parse (\(error)):\n\(text)")
    }
}

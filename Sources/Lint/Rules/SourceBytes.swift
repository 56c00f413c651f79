/// What a file's raw bytes tell about every scalar value in it, so that a rule searching all scalars for a rare
/// text can skip a file that cannot hold it after one pass over its bytes.
///
/// A scalar's value is its source text with blanks and line breaks folded, indentation removed, `''` unquoted in
/// single-quoted scalars and escapes decoded in double-quoted ones; aliases copy their anchor's nodes, whose text
/// is in the file too. So a run of characters holding no blank, line break, quote, `/` or `\` that occurs in a value
/// also occurs in the file's bytes, unless an escape hides it: `\x`, `\u` and `\U` decode to any character, and an
/// escaped line break joins the text around it.
enum SourceBytes {
    /// Calls `body` with the file's bytes.
    static func with<R>(_ source: SourceText, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        source.bytes.withUnsafeBufferPointer(body)
    }

    /// True when an escape may put text into a value that the bytes do not show. A backslash is judged without
    /// knowing whether it is in a double-quoted scalar: shell line continuations (`docker build \` in a `run:` block)
    /// follow a blank, and an escaped break after a blank joins nothing but that blank to the next line.
    static func mayHideText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while let p = ScalarBytes.index(of: 0x5C, in: bytes, from: i, through: bytes.count - 2) {
            let next = bytes[p + 1]
            if next == 0x78 || next == 0x75 || next == 0x55 { return true }
            // LF, CR, or the first byte of NEL, LS or PS.
            if next == 0x0A || next == 0x0D || next >= 0x80 {
                let previous = p > 0 ? bytes[p - 1] : 0x0A
                if previous != 0x20 && previous != 0x09 { return true }
            }
            i = p + 1
        }
        return false
    }
}

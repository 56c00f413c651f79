internal import CYAMLBridge

/// Writes `YAMLValue` trees as block-style YAML through libyaml's emitter.
///
/// Strings are plain only when every YAML reader loads them back as the same string
/// (see `ScalarResolver`), otherwise quoted; multi-line strings become literal blocks when
/// libyaml allows it. Comments, which libyaml cannot write, are spliced in afterwards at
/// positions read back from the emitted text, and the result is re-parsed to prove that
/// the comments changed nothing.
public struct YAMLEmitter: Sendable {
    /// Creates an emitter.
    public init() {}

    /// Emits one document, preceded by `header` lines written as `# line` comments.
    public func emit(_ value: YAMLValue, header: [String] = []) throws(YAMLError) -> String {
        var plain = try emitWithoutComments(value)
        // libyaml closes a document that ends in a keep-chomped block (`|+`) with `...`; at the end of
        // the stream the marker changes nothing, so drop it — and prove that by parsing back below.
        let droppedEndMarker = plain.hasSuffix("\n...\n")
        if droppedEndMarker { plain.removeLast(4) }
        let commented = try CommentSplicer.splice(into: plain, value: value)
        let headerText = header.map { Self.commentLine($0) + "\n" }.joined()
        let text = headerText + commented
        if droppedEndMarker || text != plain {
            let reparsed = try YAMLParser().parse(text)
            guard reparsed.root?.value ?? .null == value else {
                throw YAMLError(.emit, "comments or the dropped end marker changed the emitted document", at: .start)
            }
        }
        return text
    }

    /// A float written so that both YAML 1.1 (which wants a dot and a signed exponent) and 1.2 read a float.
    static func floatText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        var text = "\(d)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
            text = mantissa + "e" + exponent
        } else if !text.contains(".") {
            text += ".0"
        }
        return text
    }

    /// A comment line: `#`, a space, and the text with line breaks folded to spaces.
    static func commentLine(_ text: String) -> String {
        let flat = sanitize(text)
        return flat.isEmpty ? "#" : "# " + flat
    }

    /// Comment text on one line: CR and LF become spaces, trailing spaces are dropped.
    static func sanitize(_ text: String) -> String {
        var flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        while flat.last == " " { flat.removeLast() }
        return flat
    }

    private func emitWithoutComments(_ value: YAMLValue) throws(YAMLError) -> String {
        let writer = EventWriter()
        try writer.begin()
        try writer.write(value, isKey: false)
        try writer.end()
        return writer.output()
    }
}

/// Owns one libyaml emitter and the buffer it writes to.
private final class EventWriter {
    private var emitter = yaml_emitter_t()
    private var buffer: [UInt8] = []
    private var initialized = false

    init() {}

    deinit {
        if initialized { yaml_emitter_delete(&emitter) }
    }

    func begin() throws(YAMLError) {
        guard yaml_emitter_initialize(&emitter) == 1 else {
            throw YAMLError(.emit, "libyaml could not allocate an emitter", at: .start)
        }
        initialized = true
        yaml_emitter_set_output(&emitter, { context, bytes, size in
            guard let context, let bytes else { return 0 }
            let writer = Unmanaged<EventWriter>.fromOpaque(context).takeUnretainedValue()
            writer.buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: size))
            return 1
        }, Unmanaged.passUnretained(self).toOpaque())
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)

        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
    }

    func end() throws(YAMLError) {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
    }

    func output() -> String {
        String(decoding: buffer, as: UTF8.self)
    }

    func write(_ value: YAMLValue, isKey: Bool) throws(YAMLError) {
        switch value {
        case .commented(let inner, _):
            try write(inner, isKey: isKey)
        case .null:
            // Empty reads as null in every schema, and reads better in `workflow_dispatch:`; keys need a word.
            try scalar(isKey ? "null" : "", style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let b):
            try scalar(b ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .int(let i):
            try scalar(String(i), style: YAML_PLAIN_SCALAR_STYLE)
        case .float(let d):
            try scalar(YAMLEmitter.floatText(d), style: YAML_PLAIN_SCALAR_STYLE)
        case .string(let s):
            try scalar(s, style: Self.style(for: s))
        case .sequence(let items):
            var event = yaml_event_t()
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, items.isEmpty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try write(item, isKey: false) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .mapping(let entries):
            var event = yaml_event_t()
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, entries.isEmpty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
            try emit(&event)
            for entry in entries {
                try write(entry.key, isKey: true)
                try write(entry.value, isKey: false)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    /// The style to ask libyaml for; libyaml itself escalates to quotes when the text needs them.
    static func style(for text: String) -> yaml_scalar_style_t {
        // YAML 1.1 readers (libyaml, PyYAML) break lines at NEL, LS and PS; YAML 1.2 readers do not.
        // Only an escape in double quotes reads the same in both.
        if text.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
        if text.utf8.contains(0x0A) { return YAML_LITERAL_SCALAR_STYLE }
        return ScalarResolver.isPlainString(text) ? YAML_PLAIN_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE
    }

    private func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLError) {
        var event = yaml_event_t()
        // A trailing NUL gives libyaml a valid pointer even for the empty string; it is not counted.
        var bytes = Array(text.utf8) + [0]
        let length = Int32(bytes.count - 1)
        let ok = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, length, 1, 1, style)
        }
        guard ok == 1 else { throw YAMLError(.emit, "libyaml rejected a scalar of \(bytes.count) bytes", at: .start) }
        try emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(&emitter, &event) == 1 else {
            let problem = emitter.problem.map { String(cString: $0) } ?? "unknown libyaml emitter error"
            throw YAMLError(.emit, problem, at: .start)
        }
    }
}

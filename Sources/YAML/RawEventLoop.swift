internal import CYAMLBridge

/// libyaml's parser with nothing built on top: the baseline the node-tree parser is benchmarked against.
package enum RawEventLoop {
    /// Runs libyaml's event parser over `bytes`, touching each scalar's bytes; returns the event count (-1 on error).
    package static func countEvents(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return -1 }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while yaml_parser_parse(&parser, &event) == 1 {
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { return count }
            }
            return -1
        }
    }
}

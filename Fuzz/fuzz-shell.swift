// Fuzz target: the shell reader (Sources/Lint/Shell) on arbitrary scripts.
//
// It never fails by design, so the checks are on what it returns: every word, redirect target and
// here-document lies inside the script, is ordered, and its `raw` text is exactly the script's bytes there
// (diagnostics inside `run:` blocks are placed from these offsets).
import Lint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let script = String(decoding: inputBytes(data, size), as: UTF8.self)
    let utf8 = Array(script.utf8)
    let commands = ShellReader().read(script)
    var wordCount = 0
    for command in commands {
        let words = command.assignments + command.words + command.redirects.compactMap(\.target)
            + (command.hereDocument.map { [$0] } ?? [])
        wordCount += words.count
        for word in words {
            require(0 <= word.start && word.start <= word.end && word.end <= utf8.count,
                    "word \(String(reflecting: word.raw)) at \(word.start)..<\(word.end) outside 0...\(utf8.count)")
            if word != command.hereDocument {
                let written = String(decoding: utf8[word.start..<word.end], as: UTF8.self)
                require(written == word.raw, "word raw \(String(reflecting: word.raw)) but the script holds \(String(reflecting: written)) at \(word.start)")
            }
        }
        for (a, b) in zip(command.words, command.words.dropFirst()) {
            require(a.end <= b.start, "words out of order: \(a.raw)@\(a.start) then \(b.raw)@\(b.start)")
        }
    }
    // Linear output: words never outnumber the bytes they come from (plus one empty word per `""`-like token).
    require(wordCount <= utf8.count + 1, "\(wordCount) words from \(utf8.count) bytes")
    return 0
}

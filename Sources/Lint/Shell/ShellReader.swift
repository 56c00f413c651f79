/// Reads a `run:` script into simple commands with exact word positions.
///
/// It is not a full shell parser: it understands what deployment scripts use — line continuations, comments,
/// `;`/`&&`/`||`/`|`/`&`, single and double quotes, `$VAR`/`${VAR}`, `$(...)` and backquotes (read recursively),
/// `${{ }}` expressions, redirections and here-documents — and never fails: anything it does not understand
/// becomes plain words.
public struct ShellReader: Sendable {
    private static let keywords: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "}",
                                                "time", "sudo", "exec", "nohup", "command"]
    private static let terminators: Set<String> = ["fi", "done", "esac", "}", "then", "else", "do"]
    private static let declarators: Set<String> = ["export", "local", "declare", "readonly", "typeset"]

    /// Creates a reader.
    public init() {}

    /// Reads a whole script.
    public func read(_ script: String) -> [ShellCommand] {
        var scanner = Scanner(bytes: Array(script.utf8), base: 0, depth: 0)
        return scanner.commands()
    }

    fileprivate struct Scanner {
        let bytes: [UInt8]
        let base: Int
        let depth: Int
        var i = 0
        var output: [ShellCommand] = []
        var pendingHereDocuments: [(delimiter: String, stripTabs: Bool, commandIndex: Int)] = []

        init(bytes: [UInt8], base: Int, depth: Int) {
            self.bytes = bytes
            self.base = base
            self.depth = depth
        }

        mutating func commands() -> [ShellCommand] {
            var words: [ShellWord] = []
            var redirects: [ShellRedirect] = []
            var pipedInto = false
            var hereDocIndexes: [(String, Bool)] = []

            func finish(pipesOut: Bool, into list: inout [ShellCommand]) {
                defer { words = []; redirects = [] }
                guard !words.isEmpty || !redirects.isEmpty else { return }
                var rest = words[...]
                var assignments: [ShellWord] = []
                while let first = rest.first {
                    if Scanner.isAssignment(first.raw) {
                        assignments.append(first); rest = rest.dropFirst()
                    } else if ShellReader.keywords.contains(first.raw) {
                        rest = rest.dropFirst()
                    } else {
                        break
                    }
                }
                if let first = rest.first, ShellReader.declarators.contains(first.raw) {
                    assignments += rest.dropFirst().filter { Scanner.isAssignment($0.value) }
                    rest = []
                }
                if rest.count == 1, let only = rest.first, ShellReader.terminators.contains(only.raw) { rest = [] }
                guard !rest.isEmpty || !assignments.isEmpty else { return }
                list.append(ShellCommand(words: Array(rest), assignments: assignments, redirects: redirects,
                                         hereDocument: nil, isPipedInto: pipedInto, pipesOut: pipesOut,
                                         substitutionDepth: depth))
                for (delimiter, strip) in hereDocIndexes {
                    pendingHereDocuments.append((delimiter, strip, list.count - 1))
                }
                hereDocIndexes = []
            }

            var list: [ShellCommand] = []
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case 0x20, 0x09:
                    i += 1
                case 0x5C where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                    i += 2
                case 0x5C where i + 2 < bytes.count && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A:
                    i += 3
                case 0x23 /* # */:
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                case 0x0A, 0x0D:
                    finish(pipesOut: false, into: &list)
                    pipedInto = false
                    i += 1
                    readHereDocuments(into: &list)
                case 0x3B /* ; */:
                    finish(pipesOut: false, into: &list); pipedInto = false; i += 1
                    if i < bytes.count && bytes[i] == 0x3B { i += 1 }
                case 0x26 /* & */:
                    if i + 1 < bytes.count && bytes[i + 1] == 0x3E { // &> file
                        i += 2
                        if i < bytes.count && bytes[i] == 0x3E { i += 1 }
                        skipBlanks()
                        redirects.append(ShellRedirect(op: ">", target: readWord(into: &list)))
                        continue
                    }
                    finish(pipesOut: false, into: &list); pipedInto = false
                    i += (i + 1 < bytes.count && bytes[i + 1] == 0x26) ? 2 : 1
                case 0x7C /* | */:
                    if i + 1 < bytes.count && bytes[i + 1] == 0x7C {
                        finish(pipesOut: false, into: &list); pipedInto = false; i += 2
                    } else {
                        finish(pipesOut: true, into: &list); pipedInto = true
                        i += (i + 1 < bytes.count && bytes[i + 1] == 0x26) ? 2 : 1
                    }
                case 0x28, 0x29 /* ( ) */:
                    finish(pipesOut: false, into: &list); pipedInto = false; i += 1
                case 0x3C, 0x3E /* < > */:
                    let op = readOperator()
                    skipBlanks()
                    if op == "<<" || op == "<<-" {
                        let target = readWord(into: &list)
                        let delimiter = String(target?.value ?? "")
                        hereDocIndexes.append((delimiter, op == "<<-"))
                        redirects.append(ShellRedirect(op: "<<", target: target))
                    } else if op.hasSuffix("&"), i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 || (i < bytes.count && bytes[i] == 0x2D) {
                        i += 1
                        redirects.append(ShellRedirect(op: op, target: nil))
                    } else {
                        redirects.append(ShellRedirect(op: op, target: readWord(into: &list)))
                    }
                default:
                    // A file-descriptor number right before a redirection belongs to the operator.
                    if c >= 0x30 && c <= 0x39, i + 1 < bytes.count, bytes[i + 1] == 0x3E || bytes[i + 1] == 0x3C {
                        i += 1
                        continue
                    }
                    if let word = readWord(into: &list) { words.append(word) } else { i += 1 }
                }
            }
            finish(pipesOut: false, into: &list)
            return list
        }

        mutating func skipBlanks() {
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        }

        mutating func readOperator() -> String {
            var op = ""
            while i < bytes.count, op.count < 3, bytes[i] == 0x3C || bytes[i] == 0x3E || bytes[i] == 0x26 || (bytes[i] == 0x2D && op == "<<") {
                op.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
            }
            return op
        }

        /// Skips the bodies of pending here-documents after a line break, attaching each body to its command.
        mutating func readHereDocuments(into list: inout [ShellCommand]) {
            while !pendingHereDocuments.isEmpty {
                let (delimiter, stripTabs, index) = pendingHereDocuments.removeFirst()
                let bodyStart = i
                var bodyEnd = i
                while i < bytes.count {
                    var lineEnd = i
                    while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    var text = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
                    if text.hasSuffix("\r") { text.removeLast() }
                    if stripTabs { text = String(text.drop { $0 == "\t" }) }
                    let isEnd = text == delimiter || text.trimmingWhitespace() == delimiter && !delimiter.isEmpty
                    bodyEnd = i
                    i = min(lineEnd + 1, bytes.count)
                    if isEnd { break }
                    bodyEnd = i
                }
                if index < list.count {
                    let body = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self)
                    let old = list[index]
                    list[index] = ShellCommand(words: old.words, assignments: old.assignments, redirects: old.redirects,
                                               hereDocument: ShellWord(raw: body, value: body, start: base + bodyStart, end: base + bodyEnd),
                                               isPipedInto: old.isPipedInto, pipesOut: old.pipesOut,
                                               substitutionDepth: old.substitutionDepth)
                }
            }
        }

        static func isAssignment(_ raw: String) -> Bool {
            // Every command's first words are tested: decide ASCII words on bytes (ASCII `isLetter`/`isNumber`
            // are exactly A-Z, a-z and 0-9), and leave the Character rules to anything else.
            let utf8 = raw.utf8
            if utf8.allSatisfy({ $0 < 0x80 }) {
                guard let eq = utf8.firstIndex(of: 0x3D), eq != utf8.startIndex else { return false }
                func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
                let first = utf8[utf8.startIndex]
                guard first == 0x5F || isLetter(first) else { return false }
                return utf8[..<eq].allSatisfy { $0 == 0x5F || isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }
            }
            guard let eq = raw.firstIndex(of: "=") else { return false }
            let name = raw[raw.startIndex..<eq]
            guard let first = name.first, first == "_" || first.isLetter else { return false }
            return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber } && first.isASCII
        }

        /// Reads one word starting at `i`; substitutions inside it are read recursively into `list`.
        mutating func readWord(into list: inout [ShellCommand]) -> ShellWord? {
            let start = i
            var value: [UInt8] = []
            loop: while i < bytes.count {
                let c = bytes[i]
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D, 0x3B, 0x26, 0x7C, 0x3C, 0x3E, 0x28, 0x29:
                    break loop
                case 0x5C:
                    if i + 1 < bytes.count {
                        if bytes[i + 1] == 0x0A { i += 2; continue }
                        value.append(bytes[i + 1]); i += 2
                    } else { i += 1 }
                case 0x27 /* ' */:
                    i += 1
                    while i < bytes.count && bytes[i] != 0x27 { value.append(bytes[i]); i += 1 }
                    i += 1
                case 0x22 /* " */:
                    i += 1
                    while i < bytes.count && bytes[i] != 0x22 {
                        if bytes[i] == 0x5C, i + 1 < bytes.count, [0x24, 0x60, 0x22, 0x5C, 0x0A].contains(bytes[i + 1]) {
                            if bytes[i + 1] != 0x0A { value.append(bytes[i + 1]) }
                            i += 2
                        } else if bytes[i] == 0x24 {
                            value += readDollar(into: &list)
                        } else if bytes[i] == 0x60 {
                            value += readBackquote(into: &list)
                        } else {
                            value.append(bytes[i]); i += 1
                        }
                    }
                    i += 1
                case 0x24 /* $ */:
                    value += readDollar(into: &list)
                case 0x60 /* ` */:
                    value += readBackquote(into: &list)
                default:
                    value.append(c); i += 1
                }
            }
            guard i > start else { return nil }
            let end = min(i, bytes.count)
            let raw = String(decoding: bytes[start..<end], as: UTF8.self)
            // Most words have no quotes or escapes: their value is the raw text, so share its storage.
            let unchanged = value.count == end - start && value.elementsEqual(bytes[start..<end])
            return ShellWord(raw: raw, value: unchanged ? raw : String(decoding: value, as: UTF8.self),
                             start: base + start, end: base + end)
        }

        /// Reads `$NAME`, `${...}`, `${{ ... }}`, `$(...)` or `$((...))` at `i`, returning its text unchanged.
        mutating func readDollar(into list: inout [ShellCommand]) -> [UInt8] {
            let start = i
            i += 1
            guard i < bytes.count else { return [0x24] }
            if bytes[i] == 0x7B /* { */ {
                if i + 1 < bytes.count && bytes[i + 1] == 0x7B {
                    // A GitHub expression, substituted before the shell runs: up to the closing `}}`.
                    while i + 1 < bytes.count && !(bytes[i] == 0x7D && bytes[i + 1] == 0x7D) { i += 1 }
                    i = min(i + 2, bytes.count)
                } else {
                    var level = 0
                    while i < bytes.count {
                        if bytes[i] == 0x7B { level += 1 }
                        if bytes[i] == 0x7D { level -= 1; if level == 0 { i += 1; break } }
                        i += 1
                    }
                }
            } else if bytes[i] == 0x28 /* ( */ {
                let arithmetic = i + 1 < bytes.count && bytes[i + 1] == 0x28
                let innerStart = i + 1
                var level = 0
                var quote: UInt8 = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if quote != 0 {
                        if b == quote { quote = 0 } else if b == 0x5C && quote == 0x22 { i += 1 }
                    } else if b == 0x27 || b == 0x22 {
                        quote = b
                    } else if b == 0x28 {
                        level += 1
                    } else if b == 0x29 {
                        level -= 1
                        if level == 0 { break }
                    }
                    i += 1
                }
                let innerEnd = min(i, bytes.count)
                if !arithmetic && innerEnd > innerStart {
                    var inner = Scanner(bytes: Array(bytes[innerStart..<innerEnd]), base: base + innerStart, depth: depth + 1)
                    list += inner.commands()
                }
                i = min(i + 1, bytes.count)
            } else {
                while i < bytes.count, bytes[i] == 0x5F || (bytes[i] >= 0x30 && bytes[i] <= 0x39)
                        || (bytes[i] | 0x20 >= 0x61 && bytes[i] | 0x20 <= 0x7A) {
                    i += 1
                }
                if i == start + 1, i < bytes.count, [0x3F, 0x40, 0x2A, 0x23, 0x21, 0x24, 0x2D].contains(bytes[i]) { i += 1 }
            }
            return Array(bytes[start..<min(i, bytes.count)])
        }

        /// Reads a backquoted command substitution at `i`, returning its text unchanged.
        mutating func readBackquote(into list: inout [ShellCommand]) -> [UInt8] {
            let start = i
            i += 1
            while i < bytes.count && bytes[i] != 0x60 { if bytes[i] == 0x5C { i += 1 }; i += 1 }
            let innerEnd = min(i, bytes.count)
            if innerEnd > start + 1 {
                var inner = Scanner(bytes: Array(bytes[(start + 1)..<innerEnd]), base: base + start + 1, depth: depth + 1)
                list += inner.commands()
            }
            i = min(i + 1, bytes.count)
            return Array(bytes[start..<i])
        }
    }
}

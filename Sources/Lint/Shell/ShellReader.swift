/// Reads a `run:` script into simple commands with exact word positions.
///
/// It is not a full shell parser: it understands what deployment scripts use — line continuations, comments,
/// `;`/`&&`/`||`/`|`/`&`, single and double quotes, `$VAR`/`${VAR}`, `$(...)` and backquotes (read recursively),
/// `${{ }}` expressions, redirections and here-documents — and never fails: anything it does not understand
/// becomes plain words.
public struct ShellReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a whole script.
    public func read(_ script: String) -> [ShellCommand] {
        // Every script of every step is read: scan the string's own UTF-8 storage rather than a copy.
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> [ShellCommand] in
            var scanner = Scanner(bytes: bytes, from: 0, to: bytes.count, depth: 0)
            // Room for a short script's commands rather than regrowing the list from one.
            if !bytes.isEmpty { scanner.list.reserveCapacity(8) }
            return scanner.commands()
        }
        if let commands = script.utf8.withContiguousStorageIfAvailable(scan) { return commands }
        return Array(script.utf8).withUnsafeBufferPointer(scan)
    }

    /// Reads the commands of `bytes[i..<end]`. Substitutions are read by scanners over the same buffer with a
    /// nearer `end`, so every offset is already the offset in the script.
    fileprivate struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let end: Int
        let depth: Int
        var i: Int
        var list: [ShellCommand] = []
        var pendingHereDocuments: [(delimiter: String, stripTabs: Bool, commandIndex: Int)] = []
        // The command being read. Its words array starts with room for a typical command, and is handed to the
        // command when it ends: one allocation per command instead of regrowing it word by word.
        var words: [ShellWord] = []
        var redirects: [ShellRedirect] = []
        var pipedInto = false
        var hereDocIndexes: [(String, Bool)] = []
        /// Where each open `{ ...; }` or `( ... )` group's commands start in `list`.
        var openGroups: [Int] = []
        /// The start of a `( ... )` group that just closed: redirections read next belong to all of it.
        var closedSubshell: Int?

        init(bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, depth: Int) {
            self.bytes = bytes
            self.end = end
            self.depth = depth
            self.i = start
        }

        mutating func commands() -> [ShellCommand] {
            while i < end {
                let c = bytes[i]
                switch c {
                case 0x20, 0x09:
                    i += 1
                case 0x5C where i + 1 < end && bytes[i + 1] == 0x0A:
                    i += 2
                case 0x5C where i + 2 < end && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A:
                    i += 3
                case 0x23 /* # */:
                    while i < end && bytes[i] != 0x0A { i += 1 }
                case 0x0A, 0x0D:
                    finish(pipesOut: false)
                    pipedInto = false
                    i += 1
                    readHereDocuments()
                case 0x3B /* ; */:
                    finish(pipesOut: false); pipedInto = false; i += 1
                    if i < end && bytes[i] == 0x3B { i += 1 }
                case 0x26 /* & */:
                    if i + 1 < end && bytes[i + 1] == 0x3E { // &> file
                        i += 2
                        if i < end && bytes[i] == 0x3E { i += 1 }
                        skipBlanks()
                        redirects.append(ShellRedirect(op: ">", target: readWord()))
                        continue
                    }
                    finish(pipesOut: false); pipedInto = false
                    i += (i + 1 < end && bytes[i + 1] == 0x26) ? 2 : 1
                case 0x7C /* | */:
                    if i + 1 < end && bytes[i + 1] == 0x7C {
                        finish(pipesOut: false); pipedInto = false; i += 2
                    } else {
                        finish(pipesOut: true); pipedInto = true
                        i += (i + 1 < end && bytes[i + 1] == 0x26) ? 2 : 1
                    }
                case 0x28 /* ( */:
                    finish(pipesOut: false); pipedInto = false; i += 1
                    openGroups.append(list.count)
                case 0x29 /* ) */:
                    finish(pipesOut: false); pipedInto = false; i += 1
                    closedSubshell = openGroups.popLast()
                case 0x3C, 0x3E /* < > */:
                    readRedirect()
                default:
                    // A file-descriptor number right before a redirection belongs to the operator.
                    if c >= 0x30 && c <= 0x39, i + 1 < end, bytes[i + 1] == 0x3E || bytes[i + 1] == 0x3C {
                        i += 1
                        continue
                    }
                    if let word = readWord() {
                        if words.capacity == 0 { words.reserveCapacity(8) }
                        words.append(word)
                    } else {
                        i += 1
                    }
                }
            }
            finish(pipesOut: false)
            return list
        }

        /// Ends the command being read: leading assignments and keywords are split off, and the command is listed
        /// if anything is left.
        mutating func finish(pipesOut: Bool) {
            defer { words = []; redirects = [] }
            let subshell = closedSubshell
            closedSubshell = nil
            guard !words.isEmpty || !redirects.isEmpty else { return }
            if words.isEmpty, let subshell {  // `( ... ) > file`
                redirectGroup(from: subshell, pipesOut: pipesOut)
                return
            }
            var first = 0
            var assignments: [ShellWord] = []
            while first < words.count {
                let word = words[first]
                if Scanner.isAssignment(word, in: bytes) {
                    assignments.append(word); first += 1
                } else if Scanner.isWritten(word, in: bytes, asOneOf: Scanner.keywords) {
                    if Scanner.isWritten(word, in: bytes, asOneOf: Scanner.groupOpen) { openGroups.append(list.count) }
                    if Scanner.isWritten(word, in: bytes, asOneOf: Scanner.groupClose), let start = openGroups.popLast() {
                        redirectGroup(from: start, pipesOut: pipesOut)
                    }
                    first += 1
                } else {
                    break
                }
            }
            var last = words.count
            if first < last, Scanner.isWritten(words[first], in: bytes, asOneOf: Scanner.declarators) {
                assignments += words[(first + 1)...].filter { Scanner.isAssignment($0.value) }
                last = first
            }
            if last - first == 1, Scanner.isWritten(words[first], in: bytes, asOneOf: Scanner.terminators) { last = first }
            guard first < last || !assignments.isEmpty else { return }
            list.append(ShellCommand(words: Array(words[first..<last]), assignments: assignments, redirects: redirects,
                                     hereDocument: nil, isPipedInto: pipedInto, pipesOut: pipesOut,
                                     substitutionDepth: depth))
            for (delimiter, strip) in hereDocIndexes {
                pendingHereDocuments.append((delimiter, strip, list.count - 1))
            }
            hereDocIndexes = []
        }

        /// Gives the commands of the group that starts at `list[start]` the output redirections read after its end
        /// (`{ printf ...; } >> "$GITHUB_OUTPUT"`), unless a command redirects its own output, and the pipe the
        /// group feeds (`{ ...; } | cmd`): what they print goes there, not to the log.
        mutating func redirectGroup(from start: Int, pipesOut: Bool) {
            let outputs = redirects.filter { $0.op == ">" || $0.op == ">>" || $0.op == ">|" }
            guard !outputs.isEmpty || pipesOut, start < list.count else { return }
            for index in start..<list.count where list[index].substitutionDepth == depth {
                let old = list[index]
                let own = old.outputTarget != nil
                list[index] = ShellCommand(words: old.words, assignments: old.assignments,
                                           redirects: own ? old.redirects : old.redirects + outputs,
                                           hereDocument: old.hereDocument, isPipedInto: old.isPipedInto,
                                           pipesOut: old.pipesOut || (pipesOut && !own), substitutionDepth: old.substitutionDepth)
            }
        }

        // Words that are not the command: leading keywords, block terminators, and declarations whose arguments
        // are assignments. Every command's first words are tested: compared as integers packed from their bytes.
        private static let keywords = packed(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time",
                                              "sudo", "exec", "nohup", "command"])
        private static let terminators = packed(["fi", "done", "esac", "}", "then", "else", "do"])
        private static let groupOpen = packed(["{"])
        private static let groupClose = packed(["}"])
        private static let declarators = packed(["export", "local", "declare", "readonly", "typeset"])

        private static func packed(_ names: [String]) -> [UInt64] {
            names.map { name in Array(name.utf8).withUnsafeBufferPointer { packed($0, from: 0, to: $0.count) } }
        }

        /// `bytes[start..<end]` as one integer if it has at most eight bytes, else 0. Distinct for texts without a
        /// leading NUL byte (no name above has one, and a word that starts with one is none of them).
        private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
            guard end - start <= 8, start < end, bytes[start] != 0 else { return 0 }
            var value: UInt64 = 0
            for k in start..<end { value = value << 8 | UInt64(bytes[k]) }
            return value
        }

        // The helpers below are static: a method call on `self` from a mutating method copied the whole scanner
        // (retaining its arrays, which then made every append copy them).

        /// True when the word as written is one of `names`.
        private static func isWritten(_ word: ShellWord, in bytes: UnsafeBufferPointer<UInt8>, asOneOf names: [UInt64]) -> Bool {
            let value = packed(bytes, from: word.start, to: word.end)
            return value != 0 && names.contains(value)
        }

        mutating func skipBlanks() {
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        }

        /// Reads a redirection operator at `i` (`<`, `>>`, `<<-`, `>&`...) and what it redirects to.
        mutating func readRedirect() {
            let start = i
            // Up to three bytes of `<`, `>` and `&`, and `-` right after `<<`.
            while i < end, i - start < 3,
                  bytes[i] == 0x3C || bytes[i] == 0x3E || bytes[i] == 0x26
                    || (bytes[i] == 0x2D && i - start == 2 && bytes[start] == 0x3C && bytes[start + 1] == 0x3C) {
                i += 1
            }
            let op = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            let endsWithAmpersand = bytes[i - 1] == 0x26
            skipBlanks()
            if op == "<<" || op == "<<-" {
                let target = readWord()
                let delimiter = String(target?.value ?? "")
                hereDocIndexes.append((delimiter, op == "<<-"))
                redirects.append(ShellRedirect(op: "<<", target: target))
            } else if endsWithAmpersand, i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 || bytes[i] == 0x2D {
                i += 1
                redirects.append(ShellRedirect(op: op, target: nil))
            } else {
                redirects.append(ShellRedirect(op: op, target: readWord()))
            }
        }

        /// Skips the bodies of pending here-documents after a line break, attaching each body to its command.
        mutating func readHereDocuments() {
            while !pendingHereDocuments.isEmpty {
                let (delimiter, stripTabs, index) = pendingHereDocuments.removeFirst()
                let bodyStart = i
                var bodyEnd = i
                while i < end {
                    var lineEnd = i
                    while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<lineEnd]), as: UTF8.self)
                    if text.hasSuffix("\r") { text.removeLast() }
                    if stripTabs { text = String(text.drop { $0 == "\t" }) }
                    let isEnd = text == delimiter || text.trimmingWhitespace() == delimiter && !delimiter.isEmpty
                    bodyEnd = i
                    i = min(lineEnd + 1, end)
                    if isEnd { break }
                    bodyEnd = i
                }
                if index < list.count {
                    let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart..<bodyEnd]), as: UTF8.self)
                    let old = list[index]
                    list[index] = ShellCommand(words: old.words, assignments: old.assignments, redirects: old.redirects,
                                               hereDocument: ShellWord(raw: body, value: body, start: bodyStart, end: bodyEnd),
                                               isPipedInto: old.isPipedInto, pipesOut: old.pipesOut,
                                               substitutionDepth: old.substitutionDepth)
                }
            }
        }

        /// `isAssignment` of the word as written, decided on its bytes when the name and the `=` are plain ASCII.
        private static func isAssignment(_ word: ShellWord, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var k = word.start
            while k < word.end && bytes[k] != 0x3D {
                if bytes[k] >= 0x80 { return Scanner.isAssignment(word.raw) }
                k += 1
            }
            guard k < word.end else { return false }
            // A mark after `=` would make `=` part of a longer character: leave that to the Character rules.
            if k + 1 < word.end && bytes[k + 1] >= 0x80 { return Scanner.isAssignment(word.raw) }
            return Scanner.isASCIIName(bytes[word.start..<k])
        }

        /// True for `NAME=...` where NAME starts with a letter or `_` and holds letters, digits and `_`.
        static func isAssignment(_ raw: String) -> Bool {
            // ASCII `isLetter`/`isNumber` are exactly A-Z, a-z and 0-9: decide ASCII words on bytes, and leave the
            // Character rules to anything else.
            let utf8 = raw.utf8
            if utf8.allSatisfy({ $0 < 0x80 }) {
                guard let eq = utf8.firstIndex(of: 0x3D) else { return false }
                return isASCIIName(utf8[..<eq])
            }
            guard let eq = raw.firstIndex(of: "=") else { return false }
            let name = raw[raw.startIndex..<eq]
            guard let first = name.first, first == "_" || first.isLetter else { return false }
            return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber } && first.isASCII
        }

        private static func isASCIIName<Name: Collection<UInt8>>(_ name: Name) -> Bool {
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            guard let first = name.first, first == 0x5F || isLetter(first) else { return false }
            return name.allSatisfy { $0 == 0x5F || isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }
        }

        /// Reads one word starting at `i`; substitutions inside it are read recursively into `list`.
        mutating func readWord() -> ShellWord? {
            let start = i
            // The value differs from the raw text only once a quote or backslash is met: until then nothing is
            // copied, and most words end without one.
            var value: [UInt8] = []
            var unquoted = false
            loop: while i < end {
                let c = bytes[i]
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D, 0x3B, 0x26, 0x7C, 0x3C, 0x3E, 0x28, 0x29:
                    break loop
                case 0x5C, 0x27, 0x22:
                    if !unquoted {
                        unquoted = true
                        // Quoted words are often messages: start with room for one rather than regrowing byte by byte.
                        value.reserveCapacity(max(64, 2 * (i - start)))
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    }
                    readQuoted(into: &value)
                case 0x24 /* $ */:
                    let from = i
                    readDollar()
                    if unquoted { value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i])) }
                case 0x60 /* ` */:
                    let from = i
                    readBackquote()
                    if unquoted { value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i])) }
                default:
                    if unquoted { value.append(c) }
                    i += 1
                }
            }
            guard i > start else { return nil }
            let wordEnd = min(i, end)
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self)
            return ShellWord(raw: raw, value: unquoted ? String(decoding: value, as: UTF8.self) : raw,
                             start: start, end: wordEnd)
        }

        /// Reads a backslash escape or a quoted part at `i`, appending its unquoted bytes to `value`.
        mutating func readQuoted(into value: inout [UInt8]) {
            switch bytes[i] {
            case 0x5C:
                if i + 1 < end {
                    if bytes[i + 1] == 0x0A { i += 2; return }
                    value.append(bytes[i + 1]); i += 2
                } else { i += 1 }
            case 0x27 /* ' */:
                i += 1
                let from = i
                while i < end && bytes[i] != 0x27 { i += 1 }
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i]))
                i += 1
            default /* " */:
                i += 1
                while i < end && bytes[i] != 0x22 {
                    let b = bytes[i]
                    if b == 0x5C, i + 1 < end, [0x24, 0x60, 0x22, 0x5C, 0x0A].contains(bytes[i + 1]) {
                        if bytes[i + 1] != 0x0A { value.append(bytes[i + 1]) }
                        i += 2
                    } else if b == 0x24 || b == 0x60 {
                        let from = i
                        if b == 0x24 { readDollar() } else { readBackquote() }
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i]))
                    } else {
                        // Plain text up to the next byte that means something inside double quotes, copied at once.
                        let from = i
                        i += 1
                        while i < end, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] != 0x24, bytes[i] != 0x60 { i += 1 }
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<i]))
                    }
                }
                i += 1
            }
        }

        /// Skips `$NAME`, `${...}`, `${{ ... }}`, `$(...)` or `$((...))` at `i` (its text stays in the word).
        mutating func readDollar() {
            let start = i
            i += 1
            guard i < end else { return }
            if bytes[i] == 0x7B /* { */ {
                if i + 1 < end && bytes[i + 1] == 0x7B {
                    // A GitHub expression, substituted before the shell runs: up to the closing `}}`.
                    while i + 1 < end && !(bytes[i] == 0x7D && bytes[i + 1] == 0x7D) { i += 1 }
                    i = min(i + 2, end)
                } else {
                    var level = 0
                    while i < end {
                        if bytes[i] == 0x7B { level += 1 }
                        if bytes[i] == 0x7D { level -= 1; if level == 0 { i += 1; break } }
                        i += 1
                    }
                }
            } else if bytes[i] == 0x28 /* ( */ {
                let arithmetic = i + 1 < end && bytes[i + 1] == 0x28
                let innerStart = i + 1
                var level = 0
                var quote: UInt8 = 0
                while i < end {
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
                let innerEnd = min(i, end)
                if !arithmetic && innerEnd > innerStart {
                    var inner = Scanner(bytes: bytes, from: innerStart, to: innerEnd, depth: depth + 1)
                    list += inner.commands()
                }
                i = min(i + 1, end)
            } else {
                while i < end, bytes[i] == 0x5F || (bytes[i] >= 0x30 && bytes[i] <= 0x39)
                        || (bytes[i] | 0x20 >= 0x61 && bytes[i] | 0x20 <= 0x7A) {
                    i += 1
                }
                if i == start + 1, i < end, [0x3F, 0x40, 0x2A, 0x23, 0x21, 0x24, 0x2D].contains(bytes[i]) { i += 1 }
            }
        }

        /// Skips a backquoted command substitution at `i`, reading its commands into `list`.
        mutating func readBackquote() {
            let start = i
            i += 1
            while i < end && bytes[i] != 0x60 { if bytes[i] == 0x5C { i += 1 }; i += 1 }
            let innerEnd = min(i, end)
            if innerEnd > start + 1 {
                var inner = Scanner(bytes: bytes, from: start + 1, to: innerEnd, depth: depth + 1)
                list += inner.commands()
            }
            i = min(i + 1, end)
        }
    }
}

@testable import YAML

/// A small, seeded PRNG (SplitMix64), so a failing case can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds value trees out of the strings that trip YAML emitters and readers.
struct NastyValueGenerator {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// Words that YAML 1.1 or 1.2 read as booleans or nulls, in several casings.
    static let boolAndNullWords: [String] = {
        let words = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
        return words.flatMap { [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst()] } + ["", "NuLL", "yEs", "oN"]
    }()

    static let numberLike = [
        "0777", "0o777", "0x1F", "0X1F", "0b1010", "1:30", "190:20:30", "1_000", "+12", "-0", "007", "1e3", "1E3", "1e-5",
        "1.0e+3", ".5", "-.5", "5.", "1_000.5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "3.10", "1.2.3", "v1.2.3",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "12:30:45", "0.", "-", "+", ".", "1,000",
        "99999999999999999999", "6.02e23", "0x", "0o", "=", "<<", "1__2", "20.x", "ubuntu-24.04",
    ]

    static let syntaxLike = [
        "${{ github.sha }}", "${{ secrets.AWS_ROLE }}", "${{ inputs.flag && 'a: b' || 'c #d' }}",
        "*alias", "&anchor", "!tag", "|", ">", "%", "@at", "`tick", "- dash", "-dash", "? q", "?q", ":colon", "a: b",
        "a:b", "a #b", "a# b", "#comment", "'single'", "\"double\"", "it's", "say \"hi\"", "{a: 1}", "[1, 2]", ",", "[", "]",
        "{", "}", "a,b", "a]b", "---", "...", "--- x", "key:", "http://example.com:80/x?y=1#z",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:abc", "arn:aws:ssm:us-east-1:123456789012:parameter/x",
    ]

    static let whitespaceLike = [
        " leading", "trailing ", "  both  ", " ", "\t", "a\tb", "tab\t", "\ttab", "line\nbreak", "two\n\nbreaks",
        "trailing newline\n", "two trailing\n\n", "\nleading newline", "crlf\r\nline", "cr\ronly", "spaces \nbefore break",
        "a\n  indented\nb", "\n", "\n\n", " \n ", "nel\u{85}x", "ls\u{2028}x", "ps\u{2029}x", "bell\u{7}", "del\u{7F}",
        "bom\u{FEFF}x", "zero\u{200B}width",
    ]

    static let unicodeLike = ["héllo", "日本語", "emoji 😀", "😀", "🇺🇸 flag", "Ωmega: x", "ü: ä", "\u{1F4A9}\n\u{1F4A9}"]

    static var allStrings: [String] { boolAndNullWords + numberLike + syntaxLike + whitespaceLike + unicodeLike }

    mutating func pick<T>(_ array: [T]) -> T { array[Int.random(in: 0..<array.count, using: &rng)] }

    mutating func string() -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...3: return pick(Self.allStrings)
        case 4...6: return pick(Self.allStrings) + pick(["", " ", ": ", " #", "\n", "-", "."]) + pick(Self.allStrings)
        case 7:
            // Long lines (libyaml folds at 80 columns unless told not to); a few very long ones.
            let count = Int.random(in: 0..<20, using: &rng) == 0 ? Int.random(in: 1000...3000, using: &rng) : Int.random(in: 30...200, using: &rng)
            return String(repeating: pick(["x", "ab ", "é", "${{ a }} "]), count: count)
        case 8: return String((0..<Int.random(in: 1...12, using: &rng)).map { _ in pick(Array("aZ09 :#-'\"\\\t\n{}[],&*!|>%@`?")) })
        default: return "plain-\(Int.random(in: 0...9999, using: &rng))"
        }
    }

    mutating func scalar() -> YAMLValue {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .int(pick([0, -1, 1, 511, Int.max, Int.min, 1_000_000, Int.random(in: -99999...99999, using: &rng)]))
        case 3:
            return .float(pick([0.5, -0.0, 1e-5, 1e20, 3.1, 3.10, 6.02e23, .infinity, -.infinity, .nan, 1.0, 123456.789,
                                Double.random(in: -1e6...1e6, using: &rng), Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude]))
        default: return .string(string())
        }
    }

    /// A tree of bounded depth; mapping keys are unique by their text, as YAML requires.
    mutating func tree(depth: Int = 0, stringKeysOnly: Bool = false) -> YAMLValue {
        guard depth < 3, Int.random(in: 0..<3, using: &rng) > 0 else { return scalar() }
        let count = Int.random(in: 0...5, using: &rng)
        if Bool.random(using: &rng) {
            return .sequence((0..<count).map { _ in tree(depth: depth + 1, stringKeysOnly: stringKeysOnly) })
        }
        var seen = Set<String>()
        var entries: [YAMLValue.Entry] = []
        for _ in 0..<count {
            let key: YAMLValue = stringKeysOnly || Int.random(in: 0..<4, using: &rng) > 0 ? .string(string()) : scalar()
            let text = Self.keyText(key)
            guard !seen.contains(text) else { continue }
            seen.insert(text)
            entries.append(.init(key: key, value: tree(depth: depth + 1, stringKeysOnly: stringKeysOnly)))
        }
        return .mapping(entries)
    }

    /// The scalar text a key is written with, which is what duplicate detection compares.
    static func keyText(_ key: YAMLValue) -> String {
        switch key {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return YAMLEmitter.floatText(d)
        case .string(let s): return s
        default: return "\(key)"
        }
    }
}

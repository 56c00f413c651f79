#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Masks secrets in every line wfgen prints, in every format: the one place output text is made safe.
///
/// Secrets come from every finding of the run (suppressed and hidden ones too) and from the files' private-key
/// blocks, so a secret found anywhere in a file is masked wherever it is printed — in its own finding, under
/// another finding's source line, in a `--diff` hunk — not only next to the finding that found it. Credential
/// shapes (`AKIA…`, `ghp_…`, `github_pat_…`, private-key headers) are masked in any line as well. A masked span
/// shows its first 4 characters and `****`.
///
/// Matching is one left-to-right pass per line: secrets are indexed by their first four characters, so a line
/// costs its length times the (few) secrets sharing a prefix, not its length times every secret.
public struct SecretMask: Sendable {
    /// Secrets by their first four scalars, longest first.
    private let byPrefix: [Prefix: [[Unicode.Scalar]]]

    private struct Prefix: Hashable, Sendable {
        let a: UInt32, b: UInt32, c: UInt32, d: UInt32
        init(_ s: ArraySlice<Unicode.Scalar>) {
            let i = s.startIndex
            (a, b, c, d) = (s[i].value, s[i + 1].value, s[i + 2].value, s[i + 3].value)
        }
    }

    /// The shortest secret masked (shorter ones would mask ordinary words).
    public static let minimumLength = 4

    /// A mask for `secrets`; each is also masked line by line (a multi-line secret prints on several lines), with
    /// surrounding blanks trimmed.
    public init(secrets: some Sequence<String>) {
        var parts: Set<String> = []
        for secret in secrets {
            parts.insert(secret.trimmingWhitespace())
            for line in secret.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { parts.insert(line.trimmingWhitespace()) }
        }
        var index: [Prefix: [[Unicode.Scalar]]] = [:]
        for part in parts {
            let scalars = Array(part.unicodeScalars)
            guard scalars.count >= SecretMask.minimumLength else { continue }
            index[Prefix(scalars[0..<4]), default: []].append(scalars)
        }
        for key in index.keys { index[key]?.sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1, by: { $0.value < $1.value }) } }
        byPrefix = index
    }

    /// A mask with no known secrets (credential shapes are still masked).
    public init() { byPrefix = [:] }

    /// `text` with every secret and credential-shaped span masked.
    public func mask(_ text: String) -> String { masked(text).text }

    /// `text` masked, and for each input scalar offset (plus the end) the output scalar offset, so carets and
    /// columns can be moved onto the masked text.
    public func masked(_ text: String) -> (text: String, offsets: [Int]) {
        let scalars = Array(text.unicodeScalars)
        var spans: [Range<Int>] = []
        if !byPrefix.isEmpty && scalars.count >= SecretMask.minimumLength {
            var i = 0
            while i + SecretMask.minimumLength <= scalars.count {
                if let candidates = byPrefix[Prefix(scalars[i..<(i + 4)])],
                   let hit = candidates.first(where: { i + $0.count <= scalars.count && scalars[i..<(i + $0.count)].elementsEqual($0) }) {
                    spans.append(i..<(i + hit.count))
                    i += hit.count
                } else {
                    i += 1
                }
            }
        }
        // Credential shapes, found on UTF-8 offsets, converted to scalar offsets.
        let matches = CredentialPatterns.matches(in: text)
        if !matches.isEmpty {
            var scalarAtByte: [Int] = []
            scalarAtByte.reserveCapacity(text.utf8.count + 1)
            for (index, scalar) in scalars.enumerated() { for _ in 0..<UTF8.width(scalar) { scalarAtByte.append(index) } }
            scalarAtByte.append(scalars.count)
            for match in matches {
                let lower = scalarAtByte[min(match.range.lowerBound, scalarAtByte.count - 1)]
                let upper = scalarAtByte[min(match.range.upperBound, scalarAtByte.count - 1)]
                if lower < upper { spans.append(lower..<upper) }
            }
        }
        guard !spans.isEmpty else { return (text, Array(0...scalars.count)) }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for span in spans {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var out = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var position = 0
        for span in merged {
            while position < span.lowerBound {
                offsets.append(out.count)
                out.append(scalars[position])
                position += 1
            }
            let start = out.count
            for scalar in scalars[span].prefix(4) { out.append(scalar) }
            out.append(contentsOf: "****".unicodeScalars)
            while position < span.upperBound {
                offsets.append(start)
                position += 1
            }
        }
        while position < scalars.count {
            offsets.append(out.count)
            out.append(scalars[position])
            position += 1
        }
        offsets.append(out.count)
        return (String(out), offsets)
    }
}

/// Terminal control characters made visible in text output, so a file cannot move the cursor, recolour the
/// terminal or start a new line (a job key holding `\n::error ...` would otherwise forge a workflow command).
public enum ControlCharacters {
    /// `text` with C0 controls (but tab), DEL and C1 controls written as `\xHH`, and each input scalar offset
    /// mapped to the output's.
    public static func escaped(_ text: String) -> (text: String, offsets: [Int]) {
        guard text.unicodeScalars.contains(where: isControl) else { return (text, Array(0...text.unicodeScalars.count)) }
        var out = String.UnicodeScalarView()
        var offsets: [Int] = []
        for scalar in text.unicodeScalars {
            offsets.append(out.count)
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\x" + (hex.count < 2 ? "0" + hex : hex)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        offsets.append(out.count)
        return (String(out), offsets)
    }

    /// `escaped(text).text`.
    public static func escape(_ text: String) -> String { escaped(text).text }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09) || (value >= 0x7F && value <= 0x9F)
    }
}

/// The body lines of `-----BEGIN ... PRIVATE KEY-----` blocks, each a secret of its own: a key prints one line per
/// source line, and masking only the first bytes of the block left the rest of every line readable.
enum PrivateKeyBlocks {
    /// The most lines read of one block (a 4096-bit RSA key has about 50).
    static let maximumLines = 200

    static func lines(in bytes: [UInt8]) -> [String] {
        // Nearly every file has no key: one memmem pass (Foundation's generic `firstRange` tripled the lint's instructions).
        let marker = Array("-----BEGIN".utf8)
        let found = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, buffer.count >= marker.count else { return false }
            // Jump to each `B` (rare in YAML, unlike `-`) and look back for the dashes.
            var from = 5
            while from + 5 <= buffer.count, let hit = memchr(base + from, 0x42, buffer.count - 5 + 1 - from) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buffer[(index - 5)..<(index + 5)].elementsEqual(marker) { return true }
                from = index + 1
            }
            return false
        }
        guard found else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var result: [String] = []
        var inKey = false
        var taken = 0
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = rawLine.trimmingWhitespace()
            if line.fastContains("-----BEGIN") && line.fastContains("PRIVATE KEY-----") {
                inKey = true
                taken = 0
                continue
            }
            guard inKey else { continue }
            if line.fastContains("-----END") || taken >= maximumLines {
                inKey = false
                continue
            }
            taken += 1
            // Quotes or a trailing `\n` escape of a key written inline are not part of the key.
            let body = String(line.drop { $0 == "\"" || $0 == "'" }.reversed().drop { $0 == "\"" || $0 == "'" }.reversed())
            if body.count >= 8, !body.fastContains("$"), !body.fastContains(" ") { result.append(body) }
        }
        return result
    }
}

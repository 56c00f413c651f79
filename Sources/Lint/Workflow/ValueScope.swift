#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many bytes variable resolution may still produce for one file, shared by every copy of the file's scopes.
///
/// A value may name itself (`A=$A$A`, `A: ${{ env.A }}${{ env.A }}`): thirty such lines would build a 1 GiB string.
/// Each resolved value is capped (`ValueScope.maximumValueLength`), and the bytes all resolutions of a file build
/// are bounded by a budget linear in the file's size, so a file cannot make the linter do more than a fixed multiple
/// of its own size in resolution work, however its values refer to each other. Past the budget, values are unknown.
public final class ResolutionBudget: @unchecked Sendable {
    /// A bare pthread mutex: one budget per file, charged for every resolved value.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var remaining: Int

    /// A budget of `bytes` resolved bytes.
    public init(bytes: Int) {
        remaining = bytes
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The budget for a file of `fileSize` bytes: a fixed allowance plus `bytesPerFileByte` per byte of the file.
    public convenience init(fileSize: Int) {
        self.init(bytes: ResolutionBudget.fixedBytes + ResolutionBudget.bytesPerFileByte * max(0, fileSize))
    }

    /// The allowance every file has, whatever its size (a few hundred long values).
    public static let fixedBytes = 4 << 20
    /// The allowance per byte of the file: a real workflow resolves a small multiple of its size.
    public static let bytesPerFileByte = 16

    /// Takes `bytes` from the budget; false (and nothing taken) when not enough is left.
    func spend(_ bytes: Int) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard bytes <= remaining else { return false }
        remaining -= bytes
        return true
    }
}

/// What is known about variable values at one point of a workflow: environment variables (workflow, job and
/// step `env`, earlier `$GITHUB_ENV` writes, script assignments), step outputs (`$GITHUB_OUTPUT` writes and
/// known action outputs) and job outputs, so `$ECR_REGISTRY/$REPO:$TAG` and `steps.build-image.outputs.image`
/// resolve to the image they name.
public struct ValueScope: Sendable {
    /// Environment variables by name.
    public var env: [String: String] = [:]
    /// Outputs by step id, then output name.
    public var stepOutputs: [String: [String: String]] = [:]
    /// Outputs by job id, then output name (for `needs.<job>.outputs.<name>`).
    public var jobOutputs: [String: [String: String]] = [:]
    /// Workflow-call and dispatch inputs with defaults.
    public var inputs: [String: String] = [:]

    /// What resolution of this file may still build (shared by every copy of the scope).
    public let budget: ResolutionBudget

    /// The longest resolved value: a longer one is unknown (left unresolved, or dropped when assigned). Real values
    /// (registries, image names, JSON documents) are far shorter; 64 KiB keeps a task definition written inline.
    public static let maximumValueLength = 64 << 10

    /// An empty scope with its own budget (`ResolutionBudget.fixedBytes`).
    public init() { budget = ResolutionBudget(bytes: ResolutionBudget.fixedBytes) }

    /// An empty scope drawing on `budget` (one per file).
    public init(budget: ResolutionBudget) { self.budget = budget }

    /// `text` with every known `$VAR`, `${VAR}`, `${VAR:-default}` and `${{ env/steps/needs/inputs... }}` replaced;
    /// `text` itself (unknown) when the result would be longer than `maximumValueLength` or the budget is spent.
    public func resolve(_ text: String) -> String { resolvedValue(text) ?? text }

    /// The resolved `text`, or nil when it cannot be known within the limits (see `resolve`).
    public func resolvedValue(_ text: String) -> String? {
        var current = text
        for _ in 0..<4 {
            guard current.fastContains("$") else { return current }
            // nil: nothing was known, so the text cannot change (no string is built or compared).
            guard let next = resolveOnce(current) else { return current }
            guard case .resolved(let value) = next else { return nil }
            guard value != current else { return current }
            current = value
        }
        return current
    }

    /// The result of one substitution pass.
    private enum Pass {
        case resolved(String)
        /// Longer than the cap, or over the budget.
        case tooLong
    }

    private func resolveOnce(_ text: String) -> Pass? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ resolveOnce($0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { resolveOnce($0) }
    }

    /// One substitution pass over `bytes`, nil when nothing was known. The output is built only from the first
    /// replacement on, copying the unchanged text between replacements in runs; it stops as soon as it would pass
    /// the cap, and the bytes it built are charged to the budget.
    private func resolveOnce(_ bytes: UnsafeBufferPointer<UInt8>) -> Pass? {
        let count = bytes.count
        var out: [UInt8] = []
        var copied = 0
        var overflow = false
        func replace(_ range: Range<Int>, with value: String) {
            guard !overflow else { return }
            let added = range.lowerBound - copied + value.utf8.count
            guard out.count + added <= ValueScope.maximumValueLength else {
                overflow = true
                return
            }
            if out.isEmpty { out.reserveCapacity(min(count + value.utf8.count, ValueScope.maximumValueLength)) }
            out.append(contentsOf: bytes[copied..<range.lowerBound])
            out.append(contentsOf: value.utf8)
            copied = range.upperBound
        }
        var changed = false
        var i = 0
        guard let base = bytes.baseAddress else { return nil }
        // Values can be long (JSON, messages): memchr jumps to each `$`.
        while !overflow, i + 1 < count, let hit = memchr(base + i, 0x24, count - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard i + 1 < count else { break }
            if bytes[i + 1] == 0x7B, i + 2 < count, bytes[i + 2] == 0x7B {
                var j = i + 3
                while j + 1 < count && !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
                guard j + 1 < count else { break }
                if let value = expressionValue(trimmed: bytes[(i + 3)..<j]) {
                    replace(i..<(j + 2), with: value); changed = true
                }
                i = j + 2
            } else if bytes[i + 1] == 0x7B {
                var j = i + 2
                while j < count && bytes[j] != 0x7D { j += 1 }
                guard j < count else { break }
                if let value = parameterValue(bytes[(i + 2)..<j]) { replace(i..<(j + 1), with: value); changed = true }
                i = j + 1
            } else {
                var j = i + 1
                while j < count, bytes[j] == 0x5F || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A) { j += 1 }
                if j > i + 1, let value = env[String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)] {
                    replace(i..<j, with: value); changed = true
                }
                i = max(j, i + 1)
            }
        }
        guard changed else { return nil }
        guard !overflow, out.count + (count - copied) <= ValueScope.maximumValueLength else { return .tooLong }
        out.append(contentsOf: bytes[copied..<count])
        guard budget.spend(out.count) else { return .tooLong }
        return .resolved(String(decoding: out, as: UTF8.self))
    }

    /// `expressionValue` of `bytes` without surrounding whitespace (as `trimmingWhitespace` trims it).
    private func expressionValue(trimmed bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var low = bytes.startIndex
        var high = bytes.endIndex
        while low < high, isASCIIWhitespace(bytes[low]) { low += 1 }
        while high > low, isASCIIWhitespace(bytes[high - 1]) { high -= 1 }
        if low == high || (bytes[low] < 0x80 && bytes[high - 1] < 0x80) { return expressionValue(bytes[low..<high]) }
        return expressionValue(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self).trimmingWhitespace())
    }

    /// The value of `${inner}`: `NAME`, `NAME:-default`, `NAME-default` (and `=`), or nil when unknown.
    private func parameterValue(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return parameterValue(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self))
        }
        // ASCII `isLetter`/`isNumber` are exactly A-Z, a-z and 0-9, and every ASCII byte is its own Character but
        // CR LF (neither a name byte), so the name and what follows it can be read on bytes.
        var nameEnd = bytes.startIndex
        while nameEnd < bytes.endIndex, bytes[nameEnd] == 0x5F || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39)
                || (bytes[nameEnd] | 0x20 >= 0x61 && bytes[nameEnd] | 0x20 <= 0x7A) {
            nameEnd += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[bytes.startIndex..<nameEnd]), as: UTF8.self)
        guard nameEnd < bytes.endIndex else { return env[name] }
        var fallbackStart = nameEnd + 1
        if bytes[nameEnd] == 0x3A /* : */, nameEnd + 1 < bytes.endIndex, bytes[nameEnd + 1] == 0x2D || bytes[nameEnd + 1] == 0x3D {
            fallbackStart = nameEnd + 2
        } else if bytes[nameEnd] != 0x2D && bytes[nameEnd] != 0x3D {
            return nil
        }
        if let value = env[name] { return value }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[fallbackStart..<bytes.endIndex]), as: UTF8.self)
    }

    /// `parameterValue` by Characters, for text that is not ASCII.
    private func parameterValue(_ inner: String) -> String? {
        let name = String(inner.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        var fallback: String?
        if name.count < inner.count {
            let rest = inner.dropFirst(name.count)
            if rest.hasPrefix(":-") || rest.hasPrefix(":=") { fallback = String(rest.dropFirst(2)) }
            else if rest.hasPrefix("-") || rest.hasPrefix("=") { fallback = String(rest.dropFirst(1)) }
            else { return nil }
        }
        return env[name] ?? fallback
    }

    /// The value of a simple context access, when known.
    public func expressionValue(_ expression: String) -> String? {
        if let value = expression.utf8.withContiguousStorageIfAvailable({ expressionValue($0[...]) }) { return value }
        return Array(expression.utf8).withUnsafeBufferPointer { expressionValue($0[...]) }
    }

    /// `expressionValue` of an expression's UTF-8 bytes. Scripts resolve many expressions, nearly all ASCII:
    /// those are split on bytes, which equals splitting on Characters (no mark can follow a dot in ASCII text).
    private func expressionValue(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return characterExpressionValue(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self))
        }
        // Only env/steps/needs/inputs accesses can be known; most expressions read `github`, `secrets` or `matrix`,
        // which their first byte rules out.
        guard let first = bytes.first(where: { $0 != 0x2E }), first == 0x65 || first == 0x73 || first == 0x6E || first == 0x69 else {
            return nil
        }
        // The parts between dots, empty ones dropped (as `split` does); only two or four parts can be known.
        var parts: [Range<Int>] = []
        parts.reserveCapacity(4)
        var k = bytes.startIndex
        while k < bytes.endIndex {
            if bytes[k] == 0x2E { k += 1; continue }
            guard parts.count < 4 else { return nil }
            let start = k
            while k < bytes.endIndex && bytes[k] != 0x2E { k += 1 }
            parts.append(start..<k)
        }
        func part(_ index: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[parts[index]]), as: UTF8.self) }
        func part(_ index: Int, is name: String) -> Bool { bytes[parts[index]].elementsEqual(name.utf8) }
        if parts.count == 2, part(0, is: "env") { return env[part(1)] }
        if parts.count == 4, part(0, is: "steps"), part(2, is: "outputs") { return stepOutputs[part(1)]?[part(3)] }
        if parts.count == 4, part(0, is: "needs"), part(2, is: "outputs") { return jobOutputs[part(1)]?[part(3)] }
        if parts.count == 2, part(0, is: "inputs") { return inputs[part(1)] }
        return nil
    }

    /// `expressionValue` by Characters, for expressions that are not ASCII.
    private func characterExpressionValue(_ expression: String) -> String? {
        // (Leading dots are skipped because the split below drops the empty parts they make.)
        let head = expression.utf8.drop { $0 == 0x2E }
        guard head.starts(with: "env.".utf8) || head.starts(with: "steps.".utf8) || head.starts(with: "needs.".utf8)
                || head.starts(with: "inputs.".utf8) else { return nil }
        let parts = expression.split(separator: ".").map(String.init)
        if parts.count == 2, parts[0] == "env" { return env[parts[1]] }
        if parts.count == 4, parts[0] == "steps", parts[2] == "outputs" { return stepOutputs[parts[1]]?[parts[3]] }
        if parts.count == 4, parts[0] == "needs", parts[2] == "outputs" { return jobOutputs[parts[1]]?[parts[3]] }
        if parts.count == 2, parts[0] == "inputs" { return inputs[parts[1]] }
        return nil
    }
}

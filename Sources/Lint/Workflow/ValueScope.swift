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

    /// An empty scope.
    public init() {}

    /// `text` with every known `$VAR`, `${VAR}`, `${VAR:-default}` and `${{ env/steps/needs/inputs... }}` replaced.
    public func resolve(_ text: String) -> String {
        var current = text
        for _ in 0..<4 {
            guard current.fastContains("$") else { return current }
            // nil: nothing was known, so the text cannot change (no string is built or compared).
            guard let next = resolveOnce(current), next != current else { return current }
            current = next
        }
        return current
    }

    private func resolveOnce(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var changed = false
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x24, i + 1 < bytes.count else { out.append(bytes[i]); i += 1; continue }
            if bytes[i + 1] == 0x7B, i + 2 < bytes.count, bytes[i + 2] == 0x7B {
                var j = i + 3
                while j + 1 < bytes.count && !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D) { j += 1 }
                guard j + 1 < bytes.count else { out += bytes[i...]; break }
                let inner = String(decoding: bytes[(i + 3)..<j], as: UTF8.self).trimmingWhitespace()
                if let value = expressionValue(inner) { out += Array(value.utf8); changed = true } else { out += bytes[i..<(j + 2)] }
                i = j + 2
            } else if bytes[i + 1] == 0x7B {
                var j = i + 2
                while j < bytes.count && bytes[j] != 0x7D { j += 1 }
                guard j < bytes.count else { out += bytes[i...]; break }
                let inner = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                let name = String(inner.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                var fallback: String?
                if name.count < inner.count {
                    let rest = inner.dropFirst(name.count)
                    if rest.hasPrefix(":-") || rest.hasPrefix(":=") { fallback = String(rest.dropFirst(2)) }
                    else if rest.hasPrefix("-") || rest.hasPrefix("=") { fallback = String(rest.dropFirst(1)) }
                    else { out += bytes[i...j]; i = j + 1; continue }
                }
                if let value = env[name] ?? fallback { out += Array(value.utf8); changed = true } else { out += bytes[i...j] }
                i = j + 1
            } else {
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x5F || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A) { j += 1 }
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if !name.isEmpty, let value = env[name] { out += Array(value.utf8); changed = true } else { out += bytes[i..<max(j, i + 1)] }
                i = max(j, i + 1)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The value of a simple context access, when known.
    public func expressionValue(_ expression: String) -> String? {
        // Byte splitting equals Character splitting on ASCII text (no combining mark can follow a dot); scripts
        // resolve many expressions, and most are `env.X`/`steps.X.outputs.Y` in plain ASCII.
        // Only env/steps/needs/inputs accesses can be known; most expressions read `github`, `secrets` or `matrix`.
        // (Leading dots are skipped because the split below drops the empty parts they make.)
        let head = expression.utf8.drop { $0 == 0x2E }
        guard head.starts(with: "env.".utf8) || head.starts(with: "steps.".utf8) || head.starts(with: "needs.".utf8)
                || head.starts(with: "inputs.".utf8) else { return nil }
        let parts: [String]
        if expression.utf8.allSatisfy({ $0 < 0x80 }) {
            parts = expression.utf8.split(separator: 0x2E).map { String(Substring($0)) }
        } else {
            parts = expression.split(separator: ".").map(String.init)
        }
        if parts.count == 2, parts[0] == "env" { return env[parts[1]] }
        if parts.count == 4, parts[0] == "steps", parts[2] == "outputs" { return stepOutputs[parts[1]]?[parts[3]] }
        if parts.count == 4, parts[0] == "needs", parts[2] == "outputs" { return jobOutputs[parts[1]]?[parts[3]] }
        if parts.count == 2, parts[0] == "inputs" { return inputs[parts[1]] }
        if parts.count == 3, parts[0] == "github", parts[1] == "event", parts[2] == "inputs" { return nil }
        return nil
    }
}

import Workflow
import YAML

/// Swift spellings of the model's small values: inputs, permissions, runners, containers, strategies.
enum Values {
    /// A literal, `InterpolatedString(<expression>)` for one expression (cheaper to type-check than
    /// interpolation), or an interpolated literal.
    static func string(_ s: InterpolatedString, indent: String) -> String {
        if s.segments.count == 1, case .expression(let e) = s.segments[0] {
            return "InterpolatedString(\(SwiftSyntax.expression(e)))"
        }
        return SwiftSyntax.literal(s, indent: indent)
    }

    static func bool(_ value: LiteralOrExpression<Bool>) -> String {
        switch value {
        case .literal(let b): "\(b)"
        case .expression(let e): ".expression(\(SwiftSyntax.expression(e)))"
        }
    }

    static func int(_ value: LiteralOrExpression<Int>) -> String {
        switch value {
        case .literal(let i): "\(i)"
        case .expression(let e): ".expression(\(SwiftSyntax.expression(e)))"
        }
    }

    static func input(_ value: InputValue, indent: String) -> String {
        switch value {
        case .string(let s):
            if s.segments.count == 1, case .expression(let e) = s.segments[0] {
                ".expression(\(SwiftSyntax.expression(e)))"
            } else {
                ".string(\(string(s, indent: indent)))"
            }
        case .bool(let b): ".bool(\(bool(b)))"
        case .int(let i): ".int(\(int(i)))"
        case .secret(let secret): ".secret(Secret(\(SwiftSyntax.quoted(secret.name))))"
        case .lines(let lines): ".lines([" + lines.map { string($0, indent: indent) }.joined(separator: ", ") + "])"
        case .float(let d): ".float(\(SwiftSyntax.double(d)))"
        case .null: ".null"
        case .plaintext(let s): ".plaintext(\(string(s, indent: indent)))"
        }
    }

    static func pairs(_ pairs: OrderedPairs<InputValue>, indent: String) -> String {
        let inner = indent + "    "
        return "[\n" + pairs.map { "\(inner)(\(SwiftSyntax.quoted($0.0)), \(input($0.1, indent: inner))),\n" }.joined() + indent + "]"
    }

    static func permissions(_ p: Permissions) -> String {
        switch p {
        case .readAll: return ".readAll"
        case .writeAll: return ".writeAll"
        case .repositoryDefault: return ".repositoryDefault"
        case .scopes(let map):
            if map.isEmpty { return "Permissions.scopes([:])" }
            return ".scopes([" + map.keys.sorted().compactMap { scope in
                map[scope].map { ".\(scopeName(scope)): .\($0 == .none ? "none" : $0.rawValue)" }
            }.joined(separator: ", ") + "])"
        }
    }

    static func scopeName(_ scope: PermissionScope) -> String {
        switch scope {
        case .idToken: "idToken"
        case .artifactMetadata: "artifactMetadata"
        case .copilotRequests: "copilotRequests"
        case .pullRequests: "pullRequests"
        case .repositoryProjects: "repositoryProjects"
        case .securityEvents: "securityEvents"
        default: scope.rawValue
        }
    }

    static func runner(_ runner: Runner) -> String {
        switch runner {
        case .label(.literal(let s)): return ".label(\(SwiftSyntax.quoted(s)))"
        case .label(.expression(let e)): return ".label(.expression(\(SwiftSyntax.expression(e))))"
        case .labels(let labels): return ".labels([" + labels.map { string($0, indent: "") }.joined(separator: ", ") + "])"
        case .group(let name, let labels):
            let n = name.map { string($0, indent: "") } ?? "nil"
            let l = labels.map { "[" + $0.map { string($0, indent: "") }.joined(separator: ", ") + "]" } ?? "nil"
            return ".group(name: \(n), labels: \(l))"
        }
    }

    static func environment(_ e: DeploymentTarget) -> String {
        var args = [string(e.name, indent: "")]
        if let url = e.url { args.append("url: " + string(url, indent: "")) }
        if e.writtenAsMapping { args.append("writtenAsMapping: true") }
        return "DeploymentTarget(" + args.joined(separator: ", ") + ")"
    }

    static func concurrency(_ c: Concurrency, indent: String) -> String {
        if c.groupOnly { return "Concurrency.group(\(string(c.group, indent: indent)))" }
        return "Concurrency(group: \(string(c.group, indent: indent)), cancelInProgress: \(c.cancelInProgress.map(bool) ?? "nil"))"
    }

    static func defaults(_ d: RunDefaults) -> String {
        "RunDefaults(shell: \(d.shell.map { "Shell(rawValue: \(SwiftSyntax.quoted($0.rawValue)))" } ?? "nil"), "
            + "workingDirectory: \(d.workingDirectory.map(SwiftSyntax.quoted) ?? "nil"))"
    }

    static func matrixValue(_ v: MatrixValue, indent: String) -> String {
        switch v {
        case .string(let s): "MatrixValue.string(\(SwiftSyntax.quoted(s)))"
        case .int(let i): "MatrixValue.int(\(i))"
        case .bool(let b): "MatrixValue.bool(\(b))"
        case .data(let y): "MatrixValue.data(\(SwiftSyntax.yaml(y, indent: indent)))"
        }
    }

    static func strategy(_ s: Strategy, indent: String) -> String {
        var args: [String] = []
        let inner = indent + "    "
        if let m = s.matrix {
            if let computed = m.computed {
                args.append("matrix: Matrix(computed: \(string(computed, indent: inner)))")
            } else {
                let item = inner + "    "
                let dims = m.dimensions.map { d -> String in
                    if let computed = d.computed {
                        return "\(item)Matrix.Dimension(\(SwiftSyntax.quoted(d.name)), computed: \(string(computed, indent: item))),\n"
                    }
                    return "\(item)Matrix.Dimension(\(SwiftSyntax.quoted(d.name)), ["
                        + d.values.map { matrixValue($0, indent: item) }.joined(separator: ", ") + "]),\n"
                }.joined()
                func combinations(_ list: [Matrix.Combination]) -> String {
                    "[\n" + list.map { c in
                        item + (c.isEmpty ? "[:]" : "[" + c.keys.sorted().map { key in
                            "\(SwiftSyntax.quoted(key)): \(matrixValue(c[key] ?? .string(""), indent: item))"
                        }.joined(separator: ", ") + "]") + ",\n"
                    }.joined() + inner + "]"
                }
                var parts = ["[\n" + dims + inner + "]"]
                if !m.include.isEmpty { parts.append("include: " + combinations(m.include)) }
                if !m.exclude.isEmpty { parts.append("exclude: " + combinations(m.exclude)) }
                args.append("matrix: Matrix(" + parts.joined(separator: ", ") + ")")
            }
        } else {
            args.append("matrix: nil")
        }
        if let f = s.failFast { args.append("failFast: " + bool(f)) }
        if let m = s.maxParallel { args.append("maxParallel: " + int(m)) }
        return "Strategy(" + args.joined(separator: ", ") + ")"
    }

    static func container(_ c: JobContainer, indent: String) -> String {
        if c.imageOnly { return "JobContainer.image(\(string(c.image, indent: indent)))" }
        var args = ["image: " + string(c.image, indent: indent)]
        if let u = c.username { args.append("username: " + string(u, indent: indent)) }
        args.append("passwordValue: " + (c.password.map { input($0, indent: indent) } ?? "nil"))
        if !c.env.isEmpty {
            args.append("env: [" + c.env.keys.sorted().map { key in
                "\(SwiftSyntax.quoted(key)): \(string(c.env[key] ?? "", indent: indent))"
            }.joined(separator: ", ") + "]")
        }
        if !c.ports.isEmpty { args.append("ports: [" + c.ports.map { input($0, indent: indent) }.joined(separator: ", ") + "]") }
        if !c.volumes.isEmpty { args.append("volumes: [" + c.volumes.map(SwiftSyntax.quoted).joined(separator: ", ") + "]") }
        if let o = c.options { args.append("options: " + SwiftSyntax.quoted(o)) }
        return "JobContainer(" + args.joined(separator: ", ") + ")"
    }

    static func reference(_ r: ActionReference) -> String {
        switch r {
        case .pinned(let pin):
            "ActionReference.pinned(ActionPin(\(SwiftSyntax.quoted(pin.action)), tag: \(SwiftSyntax.quoted(pin.tag)), commit: \(SwiftSyntax.quoted(pin.commit))))"
        case .commit(let action, let sha): "ActionReference.commit(action: \(SwiftSyntax.quoted(action)), sha: \(SwiftSyntax.quoted(sha)))"
        case .unpinned(let text): "ActionReference.unpinned(\(SwiftSyntax.quoted(text)))"
        case .local(let text): "ActionReference.local(\(SwiftSyntax.quoted(text)))"
        case .docker(let text): "ActionReference.docker(\(SwiftSyntax.quoted(text)))"
        }
    }

    static func call(_ call: ReusableWorkflowCall, indent: String) -> String {
        let target: String
        switch call.target {
        case .local(let file): target = ".local(\(SwiftSyntax.quoted(file)))"
        case .remote(let pin): target = ".remote(ActionPin(\(SwiftSyntax.quoted(pin.action)), tag: \(SwiftSyntax.quoted(pin.tag)), commit: \(SwiftSyntax.quoted(pin.commit))))"
        case .reference(let r): target = ".reference(\(reference(r)))"
        }
        var args = [target]
        if !call.inputs.isEmpty { args.append("with: " + pairs(call.inputs, indent: indent)) }
        switch call.secrets {
        case .none: break
        case .inherit: args.append("secrets: .inherit")
        case .explicit(let map):
            args.append("secrets: .explicit([" + map.keys.sorted().map { key in
                "\(SwiftSyntax.quoted(key)): Secret(\(SwiftSyntax.quoted(map[key]?.name ?? "")))"
            }.joined(separator: ", ") + "])")
        case .values(let map):
            args.append("secrets: .values([" + map.keys.sorted().map { key in
                "\(SwiftSyntax.quoted(key)): \(input(map[key] ?? .null, indent: indent))"
            }.joined(separator: ", ") + "])")
        }
        return "ReusableWorkflowCall(" + args.joined(separator: ", ") + ")"
    }
}

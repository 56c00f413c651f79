/// An IAM policy document: identity, trust or resource policy, always `Allow` (least privilege needs no `Deny`).
struct PolicyDocument: Sendable {
    var statements: [PolicyStatement]

    /// `{"Version": "2012-10-17", "Statement": [...]}` with keys in the order AWS's documentation writes them.
    var json: JSONValue {
        .object([("Version", "2012-10-17"), ("Statement", .array(statements.map(\.json)))])
    }
}

/// One `Allow` statement.
struct PolicyStatement: Sendable {
    /// One condition: `operator` (`StringEquals`, …) applied to `key` with any of `values`.
    struct Condition: Sendable {
        let op: String, key: String, values: [String]
    }

    let sid: String
    /// `Principal` as kind (`AWS`, `Service`, `Federated`) and values; nil in identity policies.
    var principal: (kind: String, values: [String])? = nil
    let actions: [String]
    /// `Resource`; nil in trust and ECR repository policies, whose resource is the role or repository itself.
    var resources: [String]? = nil
    var conditions: [Condition] = []

    var json: JSONValue {
        var entries: [(String, JSONValue)] = [("Sid", .string(sid)), ("Effect", "Allow")]
        if let principal { entries.append(("Principal", .object([(principal.kind, Self.list(principal.values))]))) }
        entries.append(("Action", Self.list(actions)))
        if let resources { entries.append(("Resource", Self.list(resources))) }
        if !conditions.isEmpty {
            var operators: [(String, [(String, JSONValue)])] = []
            for condition in conditions {
                let value = (condition.key, Self.list(condition.values))
                if let index = operators.firstIndex(where: { $0.0 == condition.op }) {
                    operators[index].1.append(value)
                } else {
                    operators.append((condition.op, [value]))
                }
            }
            entries.append(("Condition", .object(operators.map { ($0.0, .object($0.1)) })))
        }
        return .object(entries)
    }

    /// A single value as a string, several as an array, as IAM's own examples write them.
    static func list(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map { .string($0) })
    }
}

import Workflow

/// Splits text into literal runs and `${{ }}` expressions, keeping each expression's spacing.
enum Interpolation {
    /// The segments of `text`; nil when a `${{` is never closed.
    static func parse(_ text: String) -> InterpolatedString? {
        var segments: [InterpolatedString.Segment] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${{") {
            literal += rest[..<open.lowerBound]
            let inner = rest[open.upperBound...]
            guard let close = closing(in: inner) else { return nil }
            let body = inner[..<close]
            guard let expression = expression(fromInner: String(body)) else { return nil }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.expression(expression))
            rest = inner[inner.index(close, offsetBy: 2)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return InterpolatedString(segments: segments)
    }

    /// The expression when `text` is exactly one `${{ }}` and nothing else.
    static func singleExpression(_ text: String) -> Expression? {
        guard let parsed = parse(text), parsed.segments.count == 1,
              case .expression(let expression) = parsed.segments[0] else { return nil }
        return expression
    }

    /// The secret when `string` is exactly `${{ secrets.NAME }}` with a valid name.
    static func secret(_ string: InterpolatedString) -> Secret? {
        guard string.segments.count == 1, case .expression(let e) = string.segments[0], e.form == .standard,
              e.code.hasPrefix("secrets.") else { return nil }
        let name = String(e.code.dropFirst("secrets.".count))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0)
                  || ("0"..."9").contains($0) || $0 == "_" }),
              let first = name.unicodeScalars.first, !("0"..."9").contains(first),
              name == "GITHUB_TOKEN" || !name.uppercased().hasPrefix("GITHUB_") else { return nil }
        return Secret(name)
    }

    /// An expression from the text between `${{` and `}}`, its surrounding spaces kept.
    static func expression(fromInner inner: String) -> Expression? {
        let scalars = Array(inner.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var leading = String.UnicodeScalarView(), code = String.UnicodeScalarView(), trailing = String.UnicodeScalarView()
        leading.append(contentsOf: scalars[0..<start])
        code.append(contentsOf: scalars[start..<end])
        trailing.append(contentsOf: scalars[end...])
        let form = ExpressionForm.wrapped(leading: String(leading), trailing: String(trailing))
        let expression = Expression.code(String(code))
        return form == .standard ? expression : expression.written(form)
    }

    /// Where the `}}` closing an expression starts, skipping `'...'` string literals inside it.
    private static func closing(in text: Substring) -> Substring.Index? {
        var inString = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "'" {
                inString.toggle()
            } else if !inString, c == "}", text[text.index(after: index)...].hasPrefix("}") {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
}

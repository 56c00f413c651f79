import Foundation
import Testing
@testable import YAML

/// parse(emit(tree)) == tree, types included, over thousands of seeded trees of nasty values.
@Suite struct RoundTripPropertyTests {
    static let caseCount = 6_000

    @Test func everyGeneratedTreeRoundTrips() throws {
        var generator = NastyValueGenerator(seed: 0x5EED_2026)
        var failures: [String] = []
        for index in 0..<Self.caseCount {
            var tree = generator.tree()
            if index % 5 == 0 { tree = Self.sprinkleComments(tree, seed: index) }
            do {
                let text = try YAMLEmitter().emit(tree, header: index % 7 == 0 ? ["case \(index)"] : [])
                let back = try YAMLParser().parse(text).root?.value ?? .null
                if back != tree { failures.append("case \(index): \(tree)\n--- emitted ---\n\(text)--- read back ---\n\(back)") }
            } catch {
                failures.append("case \(index): \(tree) threw \(error)")
            }
            if failures.count >= 3 { break }
        }
        if !failures.isEmpty { Issue.record("\(FailureReport.write(failures, name: "roundtrip"))") }
    }

    @Test func everyNastyStringRoundTripsAsAValueAndAsAKey() throws {
        for text in NastyValueGenerator.allStrings {
            let tree: YAMLValue = .mapping([.init(key: .string(text), value: .string(text)), .init(key: "list", value: [.string(text)])])
            let emitted = try YAMLEmitter().emit(tree)
            #expect(try YAMLParser().parse(emitted).root?.value == tree, "\(String(reflecting: text)) ->\n\(emitted)")
        }
    }

    /// Attaches comments to some scalars so the splicer is exercised by the property too.
    static func sprinkleComments(_ value: YAMLValue, seed: Int) -> YAMLValue {
        switch value {
        case .sequence(let items):
            return .sequence(items.enumerated().map { sprinkleComments($0.element, seed: seed &+ $0.offset) })
        case .mapping(let entries):
            return .mapping(entries.enumerated().map { .init(key: $0.element.key, value: sprinkleComments($0.element.value, seed: seed &+ $0.offset)) })
        default:
            return seed % 2 == 0 ? .commented(value, "note \(seed) # with: colon") : value
        }
    }
}

import Foundation
import Testing
import Workflow

@Suite struct PinTableTests {
    @Test(arguments: ActionPins.all)
    func pinIsAFullCommitAndASemanticTag(_ pin: ActionPin) {
        #expect(pin.hasFullCommit, "\(pin.action): '\(pin.commit)' is not 40 lowercase hex digits")
        #expect(pin.hasSemanticTag, "\(pin.action): '\(pin.tag)' is not vMAJOR.MINOR.PATCH")
        #expect(pin.reference == "\(pin.action)@\(pin.commit)")
    }

    @Test func eachActionIsPinnedOnce() {
        let actions = ActionPins.all.map(\.action)
        #expect(Set(actions).count == actions.count)
    }

    @Test func majorVersionsAreTheOnesTheBindingsModel() {
        let majors = Dictionary(uniqueKeysWithValues: ActionPins.all.map { ($0.action, $0.tag.split(separator: ".")[0]) })
        #expect(majors["aws-actions/configure-aws-credentials"] == "v6")
        #expect(majors["aws-actions/amazon-ecr-login"] == "v2")
        #expect(majors["aws-actions/amazon-ecs-render-task-definition"] == "v1")
        #expect(majors["aws-actions/amazon-ecs-deploy-task-definition"] == "v2")
    }

    @Test func shapeChecksRejectShortShasAndLooseTags() {
        #expect(!ActionPin("a/b", tag: "v1", commit: "3d3c42e").hasFullCommit)
        #expect(!ActionPin("a/b", tag: "v1.2.3", commit: String(repeating: "A", count: 40)).hasFullCommit)
        #expect(!ActionPin("a/b", tag: "v1", commit: "").hasSemanticTag)
        #expect(!ActionPin("a/b", tag: "1.2.3", commit: "").hasSemanticTag)
        #expect(ActionPin("a/b", tag: "v10.0.12", commit: "").hasSemanticTag)
    }

    /// When the shared reference is present (developer machines), every row must match it exactly.
    static let sharedReference = "/work/shared/reference/action-pins.md"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedReference), "shared reference absent"))
    func tableMatchesTheSharedReference() throws {
        let path = Self.sharedReference
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for pin in ActionPins.all {
            #expect(text.contains("| \(pin.action) | \(pin.tag) | `\(pin.commit)` |"), "\(pin.action) differs from \(path)")
        }
    }
}

import Foundation
import Testing

/// docs/compiler.md lists every IAM file the demo generates and shows the ones it quotes byte for byte, so the
/// guide's AWS CLI walkthrough cannot drift from `generated/iam/`.
@Suite struct IAMGuideTests {
    @Test func compilerGuideListsEveryDemoIAMFileAndQuotesThemExactly() throws {
        let guide = try String(contentsOfFile: packageRoot + "/docs/compiler.md", encoding: .utf8)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/generated/iam")
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".json") { files.append("generated/iam/" + relative) }
        }
        #expect(files.count >= 10)
        var quoted = 0
        for file in files {
            #expect(guide.contains(file + "\n"), "docs/compiler.md does not list \(file)")
            guard guide.contains("`" + file + "`") else { continue }
            let text = try String(contentsOfFile: packageRoot + "/" + file, encoding: .utf8)
            #expect(guide.contains("```json\n" + text + "```"), "docs/compiler.md quotes a stale \(file)")
            quoted += 1
        }
        #expect(quoted >= 4)
    }
}

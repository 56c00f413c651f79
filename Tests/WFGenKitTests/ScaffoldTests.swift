import Testing
@testable import WFGenKit

/// What `wfgen init` writes, decided without a build: names, the dependency line, the remote it reads.
@Suite struct ScaffoldTests {
    @Test func serviceNamesAreWhatECRAndECSAccept() {
        #expect(Scaffold.serviceName("My Shop_API") == "my-shop-api")
        #expect(Scaffold.serviceName("--x--") == "x")
        #expect(Scaffold.serviceName("日本") == "app")
        #expect(Scaffold.serviceName(String(repeating: "a", count: 80)).count == 40)
    }

    @Test func theDependencyNamesThePackageIdentitySwiftPMDerives() {
        let path = Scaffold.Source.path("/home/me/src/WFGen-Checkout")
        #expect(path.identity == "wfgen-checkout")
        #expect(path.dependency == #".package(path: "/home/me/src/WFGen-Checkout")"#)
        let url = Scaffold.Source.url("https://github.com/wfgen/wfgen.git", from: "0.1.0")
        #expect(url.identity == "wfgen")
        #expect(url.dependency == #".package(url: "https://github.com/wfgen/wfgen.git", from: "0.1.0")"#)
    }

    @Test func gitHubRemotesGiveTheirSlugWithCaseKept() {
        #expect(Scaffold.gitHubSlug(fromRemote: "https://github.com/Example-Org/shop.git\n") == "Example-Org/shop")
        #expect(Scaffold.gitHubSlug(fromRemote: "git@github.com:Example-Org/shop.git") == "Example-Org/shop")
        #expect(Scaffold.gitHubSlug(fromRemote: "ssh://git@github.com/o/r") == "o/r")
        #expect(Scaffold.gitHubSlug(fromRemote: "https://gitlab.com/o/r.git") == nil)
        #expect(Scaffold.gitHubSlug(fromRemote: "https://github.com/o/r/extra") == nil)
        #expect(Scaffold.gitHubSlug(fromRemote: "https://github.com/o/r\"); evil(\"") == nil)
    }

    @Test func swiftLiteralsEscapeWhatWouldEndOrBreakTheString() {
        #expect(swiftLiteral("a\"b\\c\nd\u{7}") == #""a\"b\\c\nd\u{7}""#)
    }

    @Test func theStarterNamesTheRepositoryOnlyWhenKnown() {
        let known = Scaffold(repositoryName: "shop", source: .path("/w"), gitHubSlug: "Example-Org/shop")
        #expect(known.starterPipeline.contains(#"github: GitHubRepository("Example-Org/shop"))"#))
        let unknown = Scaffold(repositoryName: "shop", source: .path("/w"), gitHubSlug: nil)
        #expect(unknown.starterPipeline.contains("github: nil /* GitHubRepository(\"OWNER/REPO\")"))
    }

    @Test func importHeadersRoundTrip() {
        let entry = ImportRegistry.Entry(kind: .workflow, symbol: "deployWorkflow")
        let line = entry.headerLine(source: ".github/workflows/deploy my app.yml")
        let parsed = ImportRegistry.parseHeader(Substring(line))
        #expect(parsed?.entry == entry && parsed?.source == ".github/workflows/deploy my app.yml")
        #expect(ImportRegistry.parseHeader("// wfgen import: workflow 1bad from x") == nil)
        #expect(ImportRegistry.parseHeader("// an ordinary comment") == nil)
        #expect(ImportRegistry.render([entry]).hasPrefix(ImportRegistry.marker))
    }
}

import Testing
@testable import YAML

/// The scalar-style policy, table-tested: plain only when every reader agrees it is that string.
@Suite struct EmitStyleTests {
    func emitted(_ value: YAMLValue) throws -> String {
        try YAMLEmitter().emit(.map([("k", value)]))
    }

    @Test(arguments: [
        // Plain: reads back as the same string everywhere.
        ("main", "k: main\n"),
        ("ubuntu-24.04", "k: ubuntu-24.04\n"),
        ("${{ github.sha }}", "k: ${{ github.sha }}\n"),
        ("aws-actions/amazon-ecr-login@03f1aad4c6c7ffd436567f42f9384779290529bd", "k: aws-actions/amazon-ecr-login@03f1aad4c6c7ffd436567f42f9384779290529bd\n"),
        ("a:b", "k: a:b\n"),
        ("a#b", "k: a#b\n"),
        ("héllo wörld", "k: héllo wörld\n"),
        ("v1.2.3", "k: v1.2.3\n"),
        // YAML 1.1 booleans and nulls.
        ("on", "k: 'on'\n"), ("Off", "k: 'Off'\n"), ("YES", "k: 'YES'\n"), ("n", "k: 'n'\n"), ("y", "k: 'y'\n"),
        ("true", "k: 'true'\n"), ("null", "k: 'null'\n"), ("~", "k: '~'\n"), ("", "k: ''\n"),
        // Numbers under either schema.
        ("3.10", "k: '3.10'\n"), ("0777", "k: '0777'\n"), ("0o17", "k: '0o17'\n"), ("0x1F", "k: '0x1F'\n"),
        ("1:30", "k: '1:30'\n"), ("1e3", "k: '1e3'\n"), (".inf", "k: '.inf'\n"), (".nan", "k: '.nan'\n"),
        ("1_000", "k: '1_000'\n"), ("1.2.3", "k: '1.2.3'\n"), ("2001-12-14", "k: '2001-12-14'\n"), ("12", "k: '12'\n"),
        ("=", "k: '='\n"), ("<<", "k: '<<'\n"),
        // Syntax that plain text cannot carry.
        ("a: b", "k: 'a: b'\n"), ("a #b", "k: 'a #b'\n"), ("*x", "k: '*x'\n"), ("&x", "k: '&x'\n"), ("!x", "k: '!x'\n"),
        ("|", "k: '|'\n"), (">", "k: '>'\n"), ("%x", "k: '%x'\n"), ("@x", "k: '@x'\n"), ("`x", "k: '`x'\n"),
        ("- x", "k: '- x'\n"), ("[1]", "k: '[1]'\n"), ("{a}", "k: '{a}'\n"), (" lead", "k: ' lead'\n"), ("trail ", "k: 'trail '\n"),
        ("it's", "k: it's\n"), ("'q'", "k: '''q'''\n"),
        // Characters that need escapes.
        ("a\tb", "k: \"a\\tb\"\n"), ("cr\rx", "k: \"cr\\rx\"\n"),
    ])
    func singleLineStrings(text: String, yaml: String) throws {
        #expect(try emitted(.string(text)) == yaml)
    }

    @Test(arguments: [
        ("one\ntwo", "k: |-\n  one\n  two\n"),
        ("one\ntwo\n", "k: |\n  one\n  two\n"),
        ("one\ntwo\n\n", "k: |+\n  one\n  two\n\n"),
        ("  indented\nx\n", "k: |2\n    indented\n  x\n"),
        ("${{ a }}\necho \"$X\" # not a comment\n", "k: |\n  ${{ a }}\n  echo \"$X\" # not a comment\n"),
    ])
    func multiLineStringsAreLiteralBlocksWithExactChomping(text: String, yaml: String) throws {
        let out = try emitted(.string(text))
        #expect(out == yaml)
        #expect(try YAMLParser().parse(out).root?["k"]?.scalar == text)
    }

    @Test(arguments: ["trailing space \nx", "tab\there\nx", "crlf\r\nx"])
    func multiLineStringsLibyamlWillNotBlockAreDoubleQuoted(text: String) throws {
        let out = try emitted(.string(text))
        #expect(out.hasPrefix("k: \""), "\(out)")
        #expect(try YAMLParser().parse(out).root?["k"]?.scalar == text)
    }

    @Test(arguments: ["\n", " \n", "\n\n\n", "x\n\n"])
    func onlyNewlinesStillRoundTripWithoutAnEndMarker(text: String) throws {
        let out = try YAMLEmitter().emit(.map([("a", 1), ("k", .string(text))]))
        #expect(!out.contains("..."), "\(out)")
        #expect(try YAMLParser().parse(out).root?["k"]?.scalar == text)
    }

    @Test func nonStringsArePlainAndCanonical() throws {
        let value: YAMLValue = .map([("i", 42), ("neg", -7), ("b", true), ("f", 1.5), ("small", 1e-5), ("big", 1e20),
                                     ("whole", 3.0), ("inf", .float(-.infinity)), ("nan", .float(.nan)), ("nil", nil)])
        let out = try YAMLEmitter().emit(value)
        #expect(out == """
            i: 42
            neg: -7
            b: true
            f: 1.5
            small: 1.0e-05
            big: 1.0e+20
            whole: 3.0
            inf: -.inf
            nan: .nan
            nil:

            """)
    }

    @Test func keysFollowTheSamePolicy() throws {
        let value: YAMLValue = .map([("on", .map([("workflow_dispatch", nil), ("push", .map([("branches", ["main"])]))]))])
        #expect(try YAMLEmitter().emit(value) == "'on':\n  workflow_dispatch:\n  push:\n    branches:\n    - main\n")
    }

    @Test func nullKeysAreWrittenAsAWord() throws {
        let out = try YAMLEmitter().emit(.mapping([.init(key: .null, value: 1)]))
        #expect(out == "null: 1\n")
        #expect(try YAMLParser().parse(out).root?.value == .mapping([.init(key: .null, value: 1)]))
    }

    @Test func emptyCollectionsAreFlow() throws {
        #expect(try YAMLEmitter().emit(.map([("a", []), ("b", .mapping([]))])) == "a: []\nb: {}\n")
    }

    @Test func nothingIsAddedThatTheValueDidNotHold() throws {
        let out = try YAMLEmitter().emit(.map([("name", "x"), ("list", [1, "two"])]))
        #expect(!out.contains("---") && !out.contains("...") && !out.contains("!!"))
        #expect(!out.contains("\r"))
    }

    @Test func longLinesAreNeverFolded() throws {
        let long = "echo " + String(repeating: "${{ steps.build-image.outputs.image }} ", count: 40) + "end"
        let out = try emitted(.string(long))
        #expect(out.split(separator: "\n").count == 1)
        #expect(try YAMLParser().parse(out).root?["k"]?.scalar == long)
    }

    @Test func unicodeStaysUTF8WhereLibyamlAllowsIt() throws {
        #expect(try emitted("Grüße 日本") == "k: Grüße 日本\n")
    }

    @Test func outputIsByteStable() throws {
        var generator = NastyValueGenerator(seed: 7)
        for _ in 0..<200 {
            let tree = generator.tree()
            #expect(try YAMLEmitter().emit(tree) == (try YAMLEmitter().emit(tree)))
        }
    }
}

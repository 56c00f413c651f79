import Foundation

/// SARIF 2.1.0 that GitHub code scanning accepts: one run, the rules, results with regions and stable fingerprints.
public struct SARIFReporter: Reporter {
    /// The tool version written into the log.
    public let version: String

    /// Creates the reporter.
    public init(version: String = WFGenVersion.current) { self.version = version }

    public func render(_ diagnostics: [Diagnostic], sources: SourceLines) -> String {
        let rules = RuleRegistry.all.map(\.description)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var occurrences: [String: Int] = [:]
        let mask = sources.mask(for: diagnostics)
        let results = diagnostics.map { d -> SARIF.Result in
            let line = sources.rawLine(d.location.line, of: d.location.path).map(mask.mask) ?? ""
            let key = "\(d.ruleID)|\(d.location.path)|\(line.trimmingWhitespace())"
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let fingerprint = SARIFReporter.fnv1a(key) + ":\(occurrence)"
            return SARIF.Result(
                ruleId: d.ruleID, ruleIndex: index[d.ruleID] ?? 0, level: SARIFReporter.level(d.severity),
                message: SARIF.Message(text: mask.mask(d.message)),
                locations: [SARIF.Location(d.location, mask: mask)],
                relatedLocations: d.related.isEmpty ? nil : d.related.enumerated().map { SARIF.related(id: $0.offset, location: $0.element, mask: mask) },
                partialFingerprints: ["wfgenLineHash/v1": fingerprint])
        }
        let driver = SARIF.Driver(
            name: "wfgen", informationUri: "https://github.com/wfgen/wfgen", semanticVersion: version, version: version,
            rules: rules.map { rule in
                SARIF.ReportingDescriptor(
                    id: rule.id, name: rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                    shortDescription: SARIF.Message(text: rule.summary.replacingAll("`", with: "")),
                    fullDescription: SARIF.Message(text: rule.rationale),
                    help: SARIF.MultiformatMessage(text: "Use instead: " + rule.useInstead, markdown: RuleDocumentation.markdown(for: rule)),
                    helpUri: "https://github.com/wfgen/wfgen/blob/main/docs/rules/\(rule.id).md",
                    defaultConfiguration: SARIF.Configuration(level: SARIFReporter.level(rule.severity)),
                    properties: SARIF.RuleProperties(tags: [rule.family.rawValue], precision: "high"))
            })
        let log = SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: driver), results: results,
                                              columnKind: "unicodeCodePoints")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// 64-bit FNV-1a, hex: stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The SARIF 2.1.0 subset wfgen writes, as Codable structs.
enum SARIF {
    struct Log: Codable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Codable {
        let tool: Tool
        let results: [Result]
        let columnKind: String
    }

    struct Tool: Codable { let driver: Driver }

    struct Driver: Codable {
        let name: String
        let informationUri: String
        let semanticVersion: String
        let version: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Codable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties: Codable {
        let tags: [String]
        let precision: String
    }

    struct Configuration: Codable { let level: String }

    struct Message: Codable { let text: String }

    struct MultiformatMessage: Codable {
        let text: String
        let markdown: String
    }

    struct Result: Codable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [RelatedLocationEntry]?
        let partialFingerprints: [String: String]
    }

    struct Location: Codable {
        let physicalLocation: PhysicalLocation

        init(_ location: SourceLocation, mask: SecretMask) {
            physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: SARIF.uri(mask.mask(location.path)),
                                                   uriBaseId: location.path.hasPrefix("/") ? nil : "%SRCROOT%"),
                region: Region(startLine: location.line, startColumn: location.column,
                               endLine: max(location.endLine, location.line),
                               endColumn: location.endLine > location.line ? location.endColumn : max(location.endColumn, location.column + 1)))
        }
    }

    struct RelatedLocationEntry: Codable {
        let id: Int
        let physicalLocation: PhysicalLocation
        let message: Message
    }

    static func related(id: Int, location: RelatedLocation, mask: SecretMask) -> RelatedLocationEntry {
        RelatedLocationEntry(id: id, physicalLocation: Location(location.location, mask: mask).physicalLocation,
                             message: Message(text: mask.mask(location.label)))
    }

    /// A path as a URI reference (RFC 3986): every byte but unreserved characters and `/` percent-encoded, so a
    /// name with spaces, `%`, `#`, `?` or non-ASCII letters is still one valid reference. An absolute path (a file
    /// named outside the root) becomes a `file://` URI.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }

    struct PhysicalLocation: Codable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Codable {
        let uri: String
        /// Absent for an absolute `file://` URI.
        let uriBaseId: String?
    }

    struct Region: Codable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }
}

/// The version wfgen reports in SARIF and `--version`.
public enum WFGenVersion {
    /// The current version.
    public static let current = "0.1.0"
}

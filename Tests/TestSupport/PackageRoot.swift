import Foundation

/// The package root, found from this file's path (Tests/TestSupport/PackageRoot.swift); tests never depend on
/// the working directory.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A text stream that keeps what was written, standing in for stdout and stderr.
public struct Captured: TextOutputStream {
    /// Everything written so far.
    public var text = ""
    /// Creates an empty stream.
    public init() {}
    public mutating func write(_ string: String) { text += string }
}

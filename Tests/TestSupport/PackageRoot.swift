public import Foundation

/// The package's root folder, where `Config/` and `Tests/` are.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

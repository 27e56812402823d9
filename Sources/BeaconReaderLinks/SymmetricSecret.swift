public import Crypto
public import Foundation

/// A key that signs readers' links: given in the environment, or generated once and kept,
/// readable only by its owner, in the data folder, so a fresh install works and links stay
/// valid from run to run. It is never logged or committed.
public struct SymmetricSecret: Sendable {
    private let material: Data

    public init(_ text: String) {
        material = Data(text.utf8)
    }

    var key: SymmetricKey { SymmetricKey(data: material) }

    /// A random key, for tests and tools that need one of their own.
    public static func random() -> SymmetricSecret {
        SymmetricSecret(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() })
    }

    struct Unusable: Error, CustomStringConvertible {
        let description: String
    }

    /// The key given in the environment, checked; nil when none is given.
    static func configured(environment: [String: String], variable: String) throws -> SymmetricSecret? {
        if let text = environment[variable] {
            guard text.utf8.count >= 16 else { throw Unusable(description: "\(variable) must be at least 16 characters") }
            return SymmetricSecret(text)
        }
        if let path = environment[variable + "_FILE"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
                  text.utf8.count >= 16 else {
                throw Unusable(description: "\(variable)_FILE must name a readable file holding at least 16 characters")
            }
            return SymmetricSecret(text)
        }
        return nil
    }

    /// The key kept in `file`, made there (readable by its owner only) the first time it is needed.
    static func kept(at file: URL) throws -> SymmetricSecret {
        if let text = try? String(contentsOf: file, encoding: .utf8), text.utf8.count >= 16 {
            return SymmetricSecret(text)
        }
        let generated = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(generated.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Unusable(description: "cannot create \(file.path) to keep the key that signs readers' links; set BEACON_UNSUBSCRIBE_SECRET")
        }
        return SymmetricSecret(generated)
    }
}

extension SymmetricSecret: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "SymmetricSecret(redacted)" }
    public var debugDescription: String { description }
}

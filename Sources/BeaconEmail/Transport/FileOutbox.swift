import BeaconChannelAPI
import BeaconCore
import Foundation

/// The embedded default when no SMTP server is set: each message as an `.eml` file under
/// `outbox/<digest>/<issue date>/`, written atomically, byte for byte what SMTP would carry.
struct FileOutbox {
    let folder: URL

    func file(for delivery: Delivery) -> URL {
        folder.appendingPathComponent(SafeName.of(delivery.digest.id))
            .appendingPathComponent(delivery.issue.issueDate.description)
            .appendingPathComponent(Self.fileName(delivery.addressee?.id.key ?? delivery.recipient.label) + ".eml")
    }

    /// A message outside any digest: `_one-off/<reference>.eml`. No digest's folder can be
    /// called that, since safe names never start with `_`.
    func file(forOneOff reference: String) -> URL {
        folder.appendingPathComponent("_one-off").appendingPathComponent(Self.fileName(reference) + ".eml")
    }

    func write(_ message: EmailComposer.Message, for delivery: Delivery) -> DeliveryOutcome {
        write(message, to: file(for: delivery))
    }

    func write(_ message: EmailComposer.Message, to url: URL) -> DeliveryOutcome {
        do {
            try AtomicFile.write(message.bytes, to: url, access: .personal)
            return .delivered("written to \(ConfigurationLoader.displayName(url))")
        } catch {
            return .deferred("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// A safe file name; ids that needed changing get a short hash so two cannot collide.
    static func fileName(_ key: String) -> String {
        let label = EmailComposer.label(key)
        guard label != key else { return label }
        let checksum = key.unicodeScalars.reduce(UInt32(2_166_136_261)) { ($0 ^ $1.value) &* 16_777_619 }
        return label + "-" + String(checksum, radix: 16)
    }
}

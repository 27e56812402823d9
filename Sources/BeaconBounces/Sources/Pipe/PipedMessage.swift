public import Foundation

/// One message handed over on standard input, as Postfix's pipe(8) delivers it, with the
/// envelope recipient it passes as an argument (`${recipient}`).
public struct PipedMessage: Sendable {
    public let data: Data
    public let envelopeRecipient: String?

    public init(data: Data, envelopeRecipient: String?) {
        self.data = data
        self.envelopeRecipient = envelopeRecipient
    }

    /// Reads `input` to its end. At most `limit + 1` bytes are kept, so a message past the
    /// limit shows it and is set aside; the rest is read and dropped, so the sender sees the
    /// whole message taken rather than a broken pipe.
    public static func read(
        from input: FileHandle = .standardInput, envelopeRecipient: String?, limit: Int = ReadingLimits.standard.maximumMessageBytes
    ) throws(PipedMessageError) -> PipedMessage {
        var data = Data()
        do {
            while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty {
                if data.count <= limit { data.append(chunk.prefix(limit + 1 - data.count)) }
            }
        } catch {
            throw PipedMessageError(reason: (error as NSError).localizedDescription)
        }
        let recipient = envelopeRecipient?.trimmingCharacters(in: .whitespaces)
        return PipedMessage(data: data, envelopeRecipient: recipient?.isEmpty == false ? recipient : nil)
    }
}

/// Standard input could not be read; the mail server should try again later.
public struct PipedMessageError: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public var description: String {
        "cannot read the returned message from standard input (\(reason)); the mail server will offer it again"
    }
}

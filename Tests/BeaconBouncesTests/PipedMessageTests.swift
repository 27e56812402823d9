import BeaconBounces
import BeaconTestSupport
import Foundation
import Testing

@Suite("A message on standard input, as Postfix's pipe(8) hands it over")
struct PipedMessageTests {
    func pipe(_ data: Data) -> FileHandle {
        let pipe = Pipe()
        Thread.detachNewThread {
            pipe.fileHandleForWriting.write(data)
            try? pipe.fileHandleForWriting.close()
        }
        return pipe.fileHandleForReading
    }

    @Test("The whole message is read with its envelope recipient, which names the delivery first")
    func whole() throws {
        let data = try Corpus.data("office365-hard")
        let piped = try PipedMessage.read(from: pipe(data), envelopeRecipient: " bounces+fr0mp1pe@gov.wales.example ")
        #expect(piped.data == data)
        #expect(piped.envelopeRecipient == "bounces+fr0mp1pe@gov.wales.example")
        guard case let .returnedMail(mail) = Corpus.reader.read(piped.data, envelopeRecipient: piped.envelopeRecipient) else {
            Issue.record("set aside")
            return
        }
        #expect(mail.reference == VERPReference(value: "fr0mp1pe", source: .envelopeRecipient))
    }

    @Test("Past the limit the rest is read and dropped, so the sender sees it taken, and the message is set aside")
    func tooLarge() throws {
        let data = Data(repeating: UInt8(ascii: "x"), count: 3 << 20)
        let piped = try PipedMessage.read(from: pipe(data), envelopeRecipient: "", limit: 1 << 20)
        #expect(piped.data.count == (1 << 20) + 1)
        #expect(piped.envelopeRecipient == nil)
        let limited = ReturnedMailReader(bounceAddress: Corpus.bounceAddress, limits: ReadingLimits(maximumMessageBytes: 1 << 20))
        guard case .setAside(.tooLarge) = limited.read(piped.data) else {
            Issue.record("not set aside")
            return
        }
    }

    @Test("Exit statuses are the ones sysexits.h gives Postfix")
    func exitStatuses() {
        #expect(PipeExitStatus.handled.rawValue == 0)
        #expect(PipeExitStatus.tryAgainLater.rawValue == 75)
    }
}

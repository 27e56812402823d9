@testable import BeaconBounces
import Foundation
import Testing

/// The samples in Corpus/, shaped like what real servers send, with made-up people and domains.
enum Corpus {
    static let bounceAddress = BounceAddress(localPart: "bounces", domain: "gov.wales.example")!
    static let reader = ReturnedMailReader(bounceAddress: bounceAddress)

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "eml", subdirectory: "Corpus"), "no sample \(name)")
        return try Data(contentsOf: url)
    }

    static func read(_ name: String, envelopeRecipient: String? = nil) throws -> Reading {
        reader.read(try data(name), envelopeRecipient: envelopeRecipient)
    }

    /// The sample read as returned mail; fails the test if it was set aside.
    static func returnedMail(_ name: String) throws -> ReturnedMail {
        switch try read(name) {
        case let .returnedMail(mail): return mail
        case let .setAside(reason): throw Unexpected(description: "\(name) was set aside: \(reason)")
        }
    }

    static func setAsideReason(_ name: String) throws -> SetAsideReason? {
        if case let .setAside(reason) = try read(name) { return reason }
        return nil
    }
}

struct Unexpected: Error, CustomStringConvertible {
    let description: String
}

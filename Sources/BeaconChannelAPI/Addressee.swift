public import BeaconCore

/// The person or list a message is written to: name, address and language.
public struct Addressee: Sendable, Hashable {
    public let id: AddresseeID
    public let name: String
    public let email: String
    public let language: LanguagePreference
}

import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconEmail
import Testing

@Suite("An unsubscribe token says whether it is for a subscriber or a network's list")
struct UnsubscribeTokenTests {
    let secret = SymmetricSecret("a test secret of sixteen+ chars")

    @Test("A subscriber's token never names a list, and a list's token never a subscriber, whatever the ids")
    func kindsStayApart() {
        let subscriber = UnsubscribeToken(reader: .subscriber(SubscriberID("list:directors-of-finance-network")), digest: DigestID("network-meeting-bulletin"))
        let list = UnsubscribeToken(reader: .mailingList(network: AudienceID("directors-of-finance-network")), digest: DigestID("network-meeting-bulletin"))
        #expect(UnsubscribeToken.verify(subscriber.signed(with: secret), with: secret)?.reader == .subscriber(SubscriberID("list:directors-of-finance-network")))
        #expect(UnsubscribeToken.verify(list.signed(with: secret), with: secret)?.reader == .mailingList(network: AudienceID("directors-of-finance-network")))
        #expect(subscriber.signed(with: secret) != list.signed(with: secret))
    }

    /// Made by the format used before the kind was named: `digest`, then the ledger's key.
    @Test("Tokens in emails sent before the kind was named still verify and mean what they meant")
    func earlierTokens() {
        let subscriber = "ZGlyZWN0b3JzLWZvcnRuaWdodGx5CmZmaW9uLWVuZ2hyYWlmZnQ.unk4m-hYnOfq6tZoptXcfA"
        let list = "bmV0d29yay1tZWV0aW5nLWJ1bGxldGluCmxpc3Q6ZGlyZWN0b3JzLW9mLWZpbmFuY2UtbmV0d29yaw.sQKU9nj5KEhoh4PyZG2fzA"
        #expect(UnsubscribeToken.verify(subscriber, with: secret)
            == UnsubscribeToken(reader: .subscriber(SubscriberID("ffion-enghraifft")), digest: DigestID("directors-fortnightly")))
        #expect(UnsubscribeToken.verify(list, with: secret)
            == UnsubscribeToken(reader: .mailingList(network: AudienceID("directors-of-finance-network")), digest: DigestID("network-meeting-bulletin")))
        #expect(UnsubscribeToken.verify("c" + list.dropFirst(), with: secret) == nil)
    }

    @Test("A subscriber's genuine signature on a list's payload is refused")
    func changedKind() {
        let digest = DigestID("network-meeting-bulletin")
        let genuine = UnsubscribeToken(reader: .subscriber(SubscriberID("dof")), digest: digest).signed(with: secret)
        let forged = UnsubscribeToken(reader: .mailingList(network: AudienceID("dof")), digest: digest).signed(with: SymmetricSecret("guessed secret, sixteen chars"))
        let spliced = forged.split(separator: ".")[0] + "." + genuine.split(separator: ".")[1]
        #expect(UnsubscribeToken.verify(String(spliced), with: secret) == nil)
    }
}

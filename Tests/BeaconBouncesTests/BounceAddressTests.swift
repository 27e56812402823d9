import BeaconBounces
import Testing

@Suite("Finding a delivery's reference in Beacon's VERP bounce address")
struct BounceAddressTests {
    let address = BounceAddress(localPart: "bounces", domain: "gov.wales.example")!

    @Test("Found in an address, a header with a display name, or prose, whatever the case of the local part and domain")
    func found() {
        #expect(address.reference(in: "bounces+d4217x9f3a@gov.wales.example") == "d4217x9f3a")
        #expect(address.reference(in: "Invest to Save <Bounces+AbC123@Gov.Wales.Example>") == "AbC123")
        #expect(address.reference(in: "rfc822; bounces+r1@gov.wales.example") == "r1")
        #expect(address.reference(in: "It was sent by bounces+r2@gov.wales.example.") == "r2")
        #expect(address.reference(in: "to=<x@y.example>, from=<bounces+r3@gov.wales.example>, size=1") == "r3")
    }

    @Test("Not found in look-alikes: another local part, another domain, no reference, other characters")
    func lookAlikes() {
        #expect(address.reference(in: "xbounces+r1@gov.wales.example") == nil)
        #expect(address.reference(in: "bounces+r1@gov.wales.example.org") == nil)
        #expect(address.reference(in: "bounces+r1@evil-gov.wales.example") == nil)
        #expect(address.reference(in: "bounces@gov.wales.example") == nil)
        #expect(address.reference(in: "bounces+@gov.wales.example") == nil)
        #expect(address.reference(in: "bounces+r-1@gov.wales.example") == nil)
        #expect(address.reference(in: "bounces+r1@gov.wales.example.org bounces+r2@gov.wales.example") == "r2")
    }

    @Test("Another delimiter, and settings that cannot make an address")
    func settings() {
        let dashed = BounceAddress(localPart: "return", domain: "bounces.example", delimiter: "-")
        #expect(dashed?.reference(in: "return-abc@bounces.example") == "abc")
        #expect(dashed?.description == "return-REF@bounces.example")
        #expect(BounceAddress(localPart: "", domain: "gov.wales.example") == nil)
        #expect(BounceAddress(localPart: "bounces+x", domain: "gov.wales.example") == nil)
        #expect(BounceAddress(localPart: "bounces", domain: "") == nil)
        #expect(BounceAddress(localPart: "bouncés", domain: "gov.wales.example") == nil)
    }
}

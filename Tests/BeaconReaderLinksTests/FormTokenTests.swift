import BeaconCore
import BeaconReaderLinks
import Foundation
import Testing

@Suite("Form tokens: a form can be posted only from the page that showed it, for a while")
struct FormTokenTests {
    let keys = LinkKeys(signing: SymmetricSecret("a test secret of sixteen+ chars"))
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A token is accepted for its own path until it expires, and for no other path")
    func boundToPathAndTime() {
        let token = FormToken(path: "/p/abc", expires: now.addingTimeInterval(60)).signed(with: keys)
        #expect(FormToken.accepts(token, for: "/p/abc", at: now, with: keys))
        #expect(!FormToken.accepts(token, for: "/u/abc", at: now, with: keys))
        #expect(!FormToken.accepts(token, for: "/p/abc", at: now.addingTimeInterval(60), with: keys))
        #expect(!FormToken.accepts(String(token.dropLast()), for: "/p/abc", at: now, with: keys))
        #expect(!FormToken.accepts(token, for: "/p/abc", at: now, with: LinkKeys(signing: SymmetricSecret("another secret of sixteen characters"))))
    }

    @Test("A token signed with an earlier key still listed is accepted while keys are rotated")
    func rotation() {
        let earlier = SymmetricSecret("the earlier key, sixteen+ chars")
        let token = FormToken(path: "/c/x", expires: now.addingTimeInterval(60)).signed(with: LinkKeys(signing: earlier))
        #expect(FormToken.accepts(token, for: "/c/x", at: now, with: LinkKeys(signing: SymmetricSecret("the new key, at least sixteen"), previous: [earlier])))
    }

    @Test("A reader's link is never a form token, nor a form token a reader's link")
    func kindsStayApart() {
        let link = ReaderLink.confirmSignUp(id: "0123456789abcdef").signed(with: keys)
        #expect(!FormToken.accepts(link, for: "0123456789abcdef", at: now, with: keys))
        let form = FormToken(path: "/c/x", expires: now.addingTimeInterval(60)).signed(with: keys)
        #expect(ReaderLink.verify(form, with: keys) == nil)
    }
}

import BeaconCore
import Testing

@Suite("open_to_signup: which digests people may ask for on the web")
struct SignUpKeyTests {
    @Test("A digest is closed to sign-up unless digests.yml says open_to_signup: true")
    func readFromDigests() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: fortnightly\n", with: "    frequency: fortnightly\n    open_to_signup: true\n")
        let configuration = try fixture.load().configuration
        #expect(configuration.digest(DigestID("directors"))?.openToSignup == true)
        #expect(configuration.digest(DigestID("portfolio"))?.openToSignup == false)
    }

    @Test("Anything but true or false is reported where it is written")
    func refusedValue() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: fortnightly\n", with: "    frequency: fortnightly\n    open_to_signup: perhaps\n")
        #expect(try fixture.errors().contains { $0.hasPrefix("digests.yml:13:open_to_signup: \"perhaps\"") })
    }
}

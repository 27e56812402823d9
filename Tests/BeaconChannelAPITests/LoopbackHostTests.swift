import BeaconChannelAPI
import Testing

@Suite("Loopback: decided by the addresses a host resolves to")
struct LoopbackHostTests {
    @Test("Names and addresses of this machine are loopback", arguments: ["localhost", "127.0.0.1", "127.3.2.1", "::1", "[::1]", "::ffff:127.0.0.1"])
    func loopback(_ host: String) {
        #expect(LoopbackHost.contains(host))
    }

    @Test("A name that only starts like a loopback address, another machine, or nothing is not", arguments: ["127.evil.example", "127.0.0.1.evil.example", "192.0.2.1", "::ffff:192.0.2.1", "2001:db8::1", "", "[]"])
    func notLoopback(_ host: String) {
        #expect(!LoopbackHost.contains(host))
    }
}

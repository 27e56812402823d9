import BeaconTestSupport
import Testing

/// One Dovecot for a whole suite: started before its first test, stopped after its last.
struct DovecotTrait: SuiteTrait, TestScoping {
    @TaskLocal static var server: DovecotTestServer?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try DovecotTestServer()
        defer { server.stop() }
        try await Self.$server.withValue(server, operation: function)
    }
}

extension Trait where Self == DovecotTrait {
    static var dovecot: Self { DovecotTrait() }
}

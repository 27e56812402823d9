import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("beacon serve: request bodies are small")
struct BodyLimitTests {
    @Test("A body over 16 KiB is refused with 413 and a plain page, before any route reads it")
    func declaredTooLarge() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let refused = try await client.execute(uri: "/no-such-page", method: .post, body: ByteBuffer(repeating: 0x61, count: 16 * 1024 + 1))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(refused.headers[.connection] == "close")
            #expect(String(buffer: refused.body) == "Mae'r cais yn rhy fawr.\nThe request is too large.\n")
            // At the limit the request reaches routing (no route takes a POST here).
            let allowed = try await client.execute(uri: "/no-such-page", method: .post, body: ByteBuffer(repeating: 0x61, count: 16 * 1024))
            #expect(allowed.status == .notFound)
        }
    }

    @Test("A chunked body with no length given is cut off at the limit too, over a real connection")
    func chunkedTooLarge() async throws {
        let example = try PublishedExample()
        try await example.withServer { port in
            let refused = try await PeerAnswer.fetch(port: port, "POST", "/no-such-page", chunkedBody: 40_000)
            #expect(refused.status == 413)
            #expect(refused.headers["x-content-type-options"] == "nosniff")
            let allowed = try await PeerAnswer.fetch(port: port, "POST", "/no-such-page", chunkedBody: 1_000)
            #expect(allowed.status == 404)
        }
    }
}

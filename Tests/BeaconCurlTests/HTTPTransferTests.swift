@testable import BeaconCurl
import Foundation
import Testing

@Suite("HTTP through a CurlHandle, against Python's http.server", .serialized)
struct HTTPTransferTests {
    @Test("Status, header fields and the start of the body are kept, each transfer's own")
    func answers() throws {
        let peer = try HTTPPeer()
        let curl = try #require(CurlHandle(capturing: CurlHandle.Capture(headers: true, bodyLimit: 4096)))
        curl.set(.url, peer.url("/body/10000"))
        let long = curl.perform()
        #expect(long.code == .ok)
        #expect(long.responseCode == 200)
        #expect(long.body == Data((0..<4096).map { UInt8($0 % 251) }))
        #expect(long.headers.value(of: "content-length") == "10000")

        curl.set(.url, peer.url("/header/Retry-After/7"))
        let asked = curl.perform()
        #expect(asked.headers.value(of: "retry-after") == "7")
        #expect(asked.body == Data("ok".utf8))

        curl.set(.url, peer.url("/status/503"))
        let busy = curl.perform()
        #expect(busy.code == .ok)
        #expect(busy.responseCode == 503)
        #expect(busy.headers.value(of: "Retry-After") == nil)
        #expect(try peer.requests().count == 3)
    }

    @Test("A body is sent from Data byte for byte, a slice of a larger Data included")
    func upload() throws {
        let peer = try HTTPPeer()
        let whole = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let slice = whole[1000...]
        let curl = try #require(CurlHandle())
        curl.set(.url, peer.url("/upload"))
        curl.set(.post, true)
        curl.set(.httpHeaders, CurlList(["Content-Type: application/octet-stream"]))
        for body in [whole, slice] {
            curl.set(.postFieldSize, Int64(body.count))
            let result = curl.perform(sending: body)
            #expect(result.code == .ok, "\(result.errorText)")
        }
        let received = try peer.requests()
        #expect(received.map(\.body) == [whole, Data(slice)])
        #expect(received.allSatisfy { $0.headers.contains("Content-Type: application/octet-stream") })
    }

    @Test("A server that does not answer in time ends the transfer at the timeout")
    func timeout() throws {
        let peer = try HTTPPeer()
        let curl = try #require(CurlHandle())
        curl.set(.url, peer.url("/slow/5"))
        curl.set(.timeoutMS, 500)
        let start = Date()
        let result = curl.perform()
        #expect(result.code == .operationTimedOut)
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(result.errorText.contains("timed out after"), "\(result.errorText)")
    }

    @Test("Nothing listening: couldntConnect, with libcurl's own account naming the port")
    func refused() throws {
        let port = try HTTPPeer().port
        let curl = try #require(CurlHandle())
        curl.set(.url, "http://127.0.0.1:\(port)/gone")
        let result = curl.perform()
        #expect(result.code == .couldntConnect)
        #expect(result.responseCode == 0)
        #expect(result.errorText.contains("port \(port)"), "\(result.errorText)")
        #expect(result.code.description == "Couldn't connect to server")
    }

    @Test("A scheme left out of .protocols is refused before anything is sent")
    func protocols() throws {
        let peer = try HTTPPeer()
        let curl = try #require(CurlHandle())
        curl.set(.url, peer.url("/secret"))
        curl.set(.protocols, "https")
        let result = curl.perform()
        #expect(result.code != .ok)
        #expect(try peer.requests().isEmpty)
    }

    @Test("An option libcurl refuses stops every transfer: none is made without it")
    func refusedOption() throws {
        let peer = try HTTPPeer()
        let curl = try #require(CurlHandle())
        curl.set(.url, peer.url("/secret"))
        curl.set(.protocols, "no-such-scheme")
        #expect(curl.perform().code != .ok)
        curl.set(.protocols, "http")
        #expect(curl.perform().code != .ok)
        #expect(try peer.requests().isEmpty)
    }

    @Test("Server replies are kept, and nothing the client sent is among them")
    func repliesOnly() throws {
        let peer = try HTTPPeer()
        let curl = try #require(CurlHandle(capturing: CurlHandle.Capture(serverReplies: true)))
        curl.set(.url, peer.url("/header/X-Answer/yes"))
        curl.set(.username, "beacon")
        curl.set(.password, "s3cret-password")
        curl.set(.httpHeaders, CurlList(["X-Token: s3cret-token"]))
        let result = curl.perform()
        #expect(result.code == .ok)
        #expect(try peer.requests().first?.headers.contains("Authorization: Basic") == true)
        #expect(result.serverReplies.first?.hasPrefix("HTTP/1.0 200") == true)
        #expect(result.serverReplies.contains("X-Answer: yes"))
        #expect(!result.serverReplies.contains { $0.contains("s3cret") || $0.contains("Authorization") || $0.contains("GET ") })
    }
}

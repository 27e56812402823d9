import Foundation
import Testing

@Suite("beacon send with a message limit")
struct OversizedMessageTests {
    @Test("Messages over email.max_message_bytes are counted as failed in the summary and explained in the report")
    func failedNotSilent() throws {
        let folder = try BeaconProcess.copyOfExample()
        let result = try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-12-01"], in: folder, environment: ["BEACON_EMAIL_MAX_MESSAGE_BYTES": "5000"])
        #expect(result.output.contains("email: 0 sent, 0 deferred, 3 failed"))
        let reports = folder.appendingPathComponent("Digests/reports")
        let report = try String(contentsOf: reports.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: reports.path).first)), encoding: .utf8)
        #expect(report.components(separatedBy: "\r\n").filter { $0.contains(",email,failed,") && $0.contains("over email.max_message_bytes (5 KB)") }.count == 3)
    }
}

import BeaconChannelAPI
import BeaconTestSupport
import Foundation
import Testing

@Suite("Taking in what versions before the ledger kept in files")
struct EarlierStateFilesTests {
    @Test("Files under the old folder are saved once, keyed as the channel says; a state that holds anything is left alone")
    func adoptedOnce() throws {
        let folder = try TemporaryFolder.make("state")
        let feeds = folder.appendingPathComponent("directors-fortnightly")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        try Data("{\"items\":[]}".utf8).write(to: feeds.appendingPathComponent("directors.health.cy.xml.json"))
        try Data("not kept".utf8).write(to: feeds.appendingPathComponent("notes.txt"))

        let state = MemoryChannelState()
        try EarlierStateFiles.adopt(from: folder, into: state) { String($0.dropLast(".json".count)) }
        #expect(try state.keys() == ["directors-fortnightly/directors.health.cy.xml"])
        #expect(try state.load("directors-fortnightly/directors.health.cy.xml") == Data("{\"items\":[]}".utf8))

        try state.save(Data("newer".utf8), as: "directors-fortnightly/directors.health.cy.xml")
        try EarlierStateFiles.adopt(from: folder, into: state) { String($0.dropLast(".json".count)) }
        #expect(try state.load("directors-fortnightly/directors.health.cy.xml") == Data("newer".utf8))
    }
}

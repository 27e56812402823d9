import BeaconTestSupport
import Foundation
import Testing

/// The HTML digest read by Python's HTML parser, as a mail client would read it.
@Suite("HTML digests, read by an independent HTML parser")
struct HTMLReaderTests {
    struct Outline: Decodable {
        let lang: String?
        let h1: Int
        let scripts: Int
        let images: Int
        let lists: Int
        let sections: [String?]
        let text: [String: String]
    }

    func outline(_ html: String) throws -> Outline {
        let data = try PythonScript.output(of: packageRoot.appendingPathComponent("Tests/BeaconCLITests/Peers/html_outline.py"), input: Data(html.utf8))
        return try JSONDecoder().decode(Outline.self, from: data)
    }

    @Test("A bilingual digest has one h1, a Welsh section before the English, real lists, no scripts or images")
    func bilingualStructure() throws {
        let html = try BeaconProcess.run(["preview", "portfolio-holders-monthly", "--for", "cllr-eira-sampl", "--format", "html", "--as-of", "2026-12-01"])
        #expect(html.status == 0)
        let page = try outline(html.output)
        #expect(page.lang == "cy")
        #expect(page.h1 == 1)
        #expect(page.sections == ["cy", "en"])
        #expect(page.scripts == 0)
        #expect(page.images == 0)
        #expect(page.lists >= 4)
        #expect(page.text["cy"]?.contains("Newydd ers y rhifyn diwethaf") == true)
        #expect(page.text["en"]?.contains("New since the last issue") == true)
        #expect(page.text["cy"]?.contains("Ceredigion") == true)
    }

    @Test("A title with markup reaches the reader as the words typed, not as markup")
    func escapedTitle() throws {
        let folder = try BeaconProcess.copyOfExample()
        try BeaconProcess.edit(
            folder.appendingPathComponent("Config/register/projects.csv"),
            replacingFirst: "Digital patient records in outpatient clinics,",
            with: "\"Digital records <script>alert(1)</script> & \"\"more\"\"\",")
        let html = try BeaconProcess.run(["preview", "directors-fortnightly", "--for", "rhys-placeholder", "--format", "html", "--as-of", "2026-12-01"], in: folder)
        #expect(html.status == 0)
        let page = try outline(html.output)
        #expect(page.scripts == 0)
        #expect(page.text["en"]?.contains("Digital records <script>alert(1)</script> & \"more\"") == true)
    }
}

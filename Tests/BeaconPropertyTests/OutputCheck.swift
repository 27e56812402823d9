import Foundation

/// What `Peers/check_outputs.py` is asked and answers: for each case, the marked texts and
/// the files to read; back, the problems a reader would see and the markers shown.
enum OutputCheck {
    struct Case: Encodable {
        struct Marked: Encodable {
            let end: String
            let text: String
        }

        let texts: [String: Marked]
        let files: [CaseOutputs.File]
    }

    struct Reading: Decodable {
        let problems: [String]
        let seen: [String]
    }

    private struct Manifest: Encodable {
        let cases: [Case]
    }

    /// Reads every case in one Python process.
    static func read(_ cases: [Case], in folder: URL) throws -> [Reading] {
        let file = folder.appendingPathComponent("manifest.json")
        try JSONEncoder().encode(Manifest(cases: cases)).write(to: file)
        return try JSONDecoder().decode([Reading].self, from: runPeer("check_outputs.py", input: file))
    }
}

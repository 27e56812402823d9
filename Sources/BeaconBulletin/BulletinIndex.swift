import BeaconChannelAPI
import BeaconCore
import Foundation

/// A network's `index.html`: every bulletin in its folder, newest first, in both languages.
enum BulletinIndex {
    static func page(for network: Audience, in folder: URL) -> String {
        let dates = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".html") && $0 != "index.html" }
            .compactMap { CivilDate(parsing: String($0.dropLast(5))) }
            .sorted(by: >)
        let welsh = HTMLEscaping.escape(network.name.welsh ?? network.name.english)
        let english = HTMLEscaping.escape(network.name.english)
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"cy\">",
            "<head><meta charset=\"utf-8\"><title>\(welsh): bwletinau / \(english): bulletins</title></head>",
            "<body style=\"font-family: Arial, Helvetica, sans-serif; max-width: 40em; margin: 1em auto;\">",
            "<h1><span lang=\"cy\">\(welsh): bwletinau</span> / <span lang=\"en\">\(english): bulletins</span></h1>",
            "<ul>",
        ]
        for date in dates {
            lines.append("<li><a href=\"\(date).html\">\(DateWording.date(date, in: .welsh)) / <span lang=\"en\">\(DateWording.date(date, in: .english))</span></a> (<a href=\"\(date).md\">Markdown</a>, <a href=\"\(date).txt\">text</a>)</li>")
        }
        lines += ["</ul>", "</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }
}

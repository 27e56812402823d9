import Foundation

/// Everything the plugin writes, worked out and checked before anything is written.
struct Scaffold {
    let root: URL
    let name: String
    let type: String
    var module: String { "Beacon\(name)" }

    private static let packageMarkers = (
        targets: "        // new-channel: the plugin adds channel targets above this line.",
        modules: "                // new-channel: the plugin adds channel modules above this line.",
        tests: "        // new-channel: the plugin adds channel test targets above this line.")
    private static let registryMarkers = (
        imports: "// new-channel: the plugin adds imports above this line.",
        channels: "            // new-channel: the plugin adds channels above this line.")

    init(root: URL, name: String, type: String?) throws {
        guard name.range(of: "^[A-Z][A-Za-z0-9]{1,30}$", options: .regularExpression) != nil else {
            throw Refusal("\"\(name)\" is not a usable name: use letters and digits starting with a capital, such as Teams or SharePoint")
        }
        let type = type ?? name.lowercased()
        guard type.range(of: "^[a-z][a-z0-9-]{1,30}$", options: .regularExpression) != nil else {
            throw Refusal("\"\(type)\" is not a usable channel type: use lower-case letters, digits and hyphens, such as teams")
        }
        self.root = root
        self.name = name
        self.type = type
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/\(module)").path) {
            throw Refusal("Sources/\(module) exists already: the \(name) channel is there")
        }
        let sources = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("Sources").path)
            .filter { $0.hasSuffix(".swift") }
        for file in sources {
            let text = try String(contentsOf: root.appendingPathComponent("Sources/\(file)"), encoding: .utf8)
            if text.contains("ChannelName(\"\(type)\")") {
                throw Refusal("a channel called \"\(type)\" exists already (Sources/\(file)); choose another --type")
            }
        }
    }

    func write() throws {
        let packageFile = root.appendingPathComponent("Package.swift")
        let registryFile = root.appendingPathComponent("Sources/beacon/Channels.swift")
        let package = try insert(
            [
                (Self.packageMarkers.targets, Templates.target(module: module)),
                (Self.packageMarkers.modules, "                \"\(module)\","),
                (Self.packageMarkers.tests, Templates.testTarget(module: module)),
            ],
            into: String(contentsOf: packageFile, encoding: .utf8), file: "Package.swift")
        let registry = try insert(
            [(Self.registryMarkers.imports, "import \(module)"), (Self.registryMarkers.channels, "            \(name)Channel.self,")],
            into: String(contentsOf: registryFile, encoding: .utf8), file: "Sources/beacon/Channels.swift")

        let files = [
            ("Sources/\(module)/\(name)Channel.swift", Templates.channel(name: name, type: type, module: module)),
            ("Sources/\(module)/README.md", Templates.readme(name: name, type: type, module: module)),
            ("Tests/\(module)Tests/\(name)ChannelTests.swift", Templates.test(name: name, type: type, module: module)),
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try package.write(to: packageFile, atomically: true, encoding: .utf8)
        try registry.write(to: registryFile, atomically: true, encoding: .utf8)
    }

    /// Puts each addition on the line above its marker; refuses if a marker has been removed.
    private func insert(_ additions: [(marker: String, text: String)], into text: String, file: String) throws -> String {
        var result = text
        for addition in additions {
            guard let range = result.range(of: addition.marker + "\n") else {
                throw Refusal("\(file) has lost the line \"\(addition.marker.trimmingCharacters(in: .whitespaces))\"; put it back where channels are listed")
            }
            result.replaceSubrange(range, with: addition.text + "\n" + addition.marker + "\n")
        }
        return result
    }
}

import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-channel --name Teams [--type teams]`
///
/// Creates a channel module that builds, a test target whose first test passes, and a short
/// README; adds both targets to Package.swift and registers the channel with the `beacon`
/// executable. Refuses, changing nothing, when the name is not usable or the channel exists.
@main
struct NewChannel: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        guard let name = extractor.extractOption(named: "name").last else {
            throw Refusal("give the channel a name: new-channel --name Teams [--type teams]")
        }
        let scaffold = try Scaffold(
            root: context.package.directoryURL, name: name, type: extractor.extractOption(named: "type").last)
        try scaffold.write()
        print("""
            Created the \(scaffold.type) channel:
              Sources/\(scaffold.module)/\(name)Channel.swift   fill in the parts marked FILL IN
              Tests/\(scaffold.module)Tests/\(name)ChannelTests.swift
              Sources/\(scaffold.module)/README.md
            and added it to Package.swift and Sources/beacon/Channels.swift.
            Next: swift build && swift test, then name "\(scaffold.type)" in a digest's channels.
            """)
    }
}

struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "new-channel: " + description }
}

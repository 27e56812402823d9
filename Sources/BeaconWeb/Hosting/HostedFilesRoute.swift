import Foundation
import Hummingbird

extension Router {
    /// `/feeds/…` and `/bulletins/…`: what the RSS, JSON Feed and bulletin channels publish in
    /// the data folder, with validators, `304`s, `HEAD` and gzip. Anything else under them,
    /// refused or missing, is the same `404` as an unknown address, so nothing can be probed.
    func addHostedFiles(dataFolder: URL) {
        let files = HostedFiles(dataFolder: dataFolder)
        for folder in [HostedFolder.feeds, .bulletins] {
            for method in [HTTPRequest.Method.get, .head] {
                on("\(folder.name)/**", method: method) { request, context in
                    try files.answer(request, context: context, in: folder)
                }
            }
        }
    }
}

import Foundation
import Hummingbird

/// The one stylesheet every page links to, served from the module's resources under `/assets/`.
enum Stylesheet {
    static let path = "/assets/beacon.css"

    static let css: String = {
        guard let url = Bundle.module.url(forResource: "Assets/beacon.css", withExtension: nil),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    static func add(to router: Router<WebRequestContext>) {
        router.get("assets/beacon.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: css)))
        }
    }
}

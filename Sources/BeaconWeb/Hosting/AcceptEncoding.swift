import Foundation
import Hummingbird

/// Whether a request's `Accept-Encoding` takes gzip (RFC 9110 §12.5.3): named, or covered by
/// `*`, with a weight above zero.
enum AcceptEncoding {
    static func allowsGzip(_ headers: HTTPFields) -> Bool {
        var gzip: Bool?
        var anything: Bool?
        for value in headers[values: .acceptEncoding] {
            for item in value.split(separator: ",") {
                let parameters = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let coding = parameters.first else { continue }
                let accepted = !parameters.dropFirst().contains { $0.hasPrefix("q=") && (Double($0.dropFirst(2)) ?? 1) <= 0 }
                switch coding {
                case "gzip", "x-gzip": gzip = accepted
                case "*": anything = accepted
                default: break
                }
            }
        }
        return gzip ?? anything ?? false
    }
}

import Foundation

/// A folder's name as settings write it (`Beacon/Handled`, levels split by `/`), and as IMAP
/// commands and URLs need it. Only printable ASCII is accepted: IMAP writes other characters
/// in its own modified UTF-7, which Beacon's folder names have no need of.
struct IMAPFolderName: Equatable {
    let levels: [String]

    init(_ name: String) throws(IMAPError) {
        let levels = name.split(separator: "/").map(String.init)
        guard !levels.isEmpty, name.unicodeScalars.allSatisfy({ (32...126).contains($0.value) }), !name.contains("&"),
              !levels.contains(where: { $0.contains("*") || $0.contains("%") })
        else { throw .invalidFolderName(name) }
        self.levels = levels
    }

    /// The name with the server's hierarchy delimiter (`/` or `.`), as a quoted string.
    func quoted(delimiter: String) -> String {
        let name = levels.joined(separator: delimiter)
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The name as a URL path segment, for libcurl to select.
    func urlPath(delimiter: String) -> String {
        let name = levels.joined(separator: delimiter)
        return name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }
}

/// An address shown only enough for its owner to recognise it, `e•••@ceredigion.example`, so a
/// forwarded email's link does not show a stranger the whole address.
enum MaskedAddress {
    static func of(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@"), let first = address.first, at != address.startIndex else { return "•••" }
        return "\(first)•••\(address[at...])"
    }
}

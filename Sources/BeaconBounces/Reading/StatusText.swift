/// Status codes in free text (a `Diagnostic-Code`, a plain bounce's words): RFC 3463 codes
/// such as `5.1.1` (also in Gmail's `550-5.1.1`), or else SMTP reply codes such as `550`.
enum StatusText {
    /// The first enhanced status code, or one made from the first SMTP reply code's class
    /// (`550` gives `5.0.0`).
    static func firstCode(in text: some StringProtocol) -> StatusCode? {
        let tokens = tokens(in: Substring(text))
        if let enhanced = tokens.first(where: isEnhancedCode) { return StatusCode(enhanced) }
        return tokens.first(where: isReplyCode).flatMap { Int($0) }.flatMap { StatusCode.Class(rawValue: $0 / 100) }.map { StatusCode($0, 0, 0) }
    }

    /// The first code of either kind, as a slice of `text`, for quoting the line around it.
    static func firstCodeToken(in text: Substring) -> Substring? {
        tokens(in: text).first { isEnhancedCode($0) || isReplyCode($0) }
    }

    private static func isEnhancedCode(_ token: some StringProtocol) -> Bool {
        token.split(separator: ".").count == 3 && StatusCode(token) != nil
    }

    private static func isReplyCode(_ token: some StringProtocol) -> Bool {
        token.count == 3 && token.allSatisfy { $0.isASCII && $0.isNumber } && (token.first == "4" || token.first == "5")
    }

    /// Runs of digits and dots, without a full stop ending a sentence ("… said 550.").
    private static func tokens(in text: Substring) -> [Substring] {
        text.split { !($0.isASCII && ($0.isNumber || $0 == ".")) }.map { token in
            var token = token
            while token.last == "." { token = token.dropLast() }
            return token
        }.filter { !$0.isEmpty }
    }
}

package import Foundation

/// How one transfer ended, with what the handle was asked to keep of the server's answer.
package struct CurlResult: Sendable {
    package let code: CurlCode
    /// The last reply's code: HTTP's status, SMTP's or IMAP's numbered reply; 0 before any.
    package let responseCode: Int
    /// libcurl's account of a failure (`CURLOPT_ERRORBUFFER`), which may name the host and
    /// port but never a path or credentials; `code`'s wording when it gave none.
    package let errorText: String
    /// Reply lines, when the handle keeps them: never anything the client sent.
    package let serverReplies: [String]
    /// Header fields of the final response, when the handle keeps them.
    package let headers: CurlHeaders
    /// The start of the response body, up to the handle's limit.
    package let body: Data
}

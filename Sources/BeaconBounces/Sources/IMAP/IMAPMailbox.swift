import BeaconCurl
public import Foundation

/// One folder of the bounce mailbox over IMAP, through one libcurl connection: list its
/// messages' UIDs, fetch each, and once the caller has dealt with one, mark it `\Seen` or
/// move it to another folder. Fetching never marks a message seen, so a run that stops
/// between fetching and marking leaves it to be read again. Not thread-safe.
public final class IMAPMailbox {
    public let account: IMAPAccount
    public let folder: String
    private let folderName: IMAPFolderName
    private let limits: ReadingLimits
    /// Server replies are kept to quote them and to read SEARCH results; the handle never
    /// keeps what Beacon sends, so the password cannot reach a message or a log.
    private let curl: CurlHandle
    /// The server's hierarchy delimiter, asked once when a folder below the top is needed.
    private var delimiter: String?

    /// Connects, logs in and checks that `folder` exists.
    public init(account: IMAPAccount, folder: String = "INBOX", limits: ReadingLimits = .standard) throws(IMAPError) {
        self.account = account
        self.folder = folder
        folderName = try IMAPFolderName(folder)
        self.limits = limits
        guard let curl = CurlHandle(capturing: CurlHandle.Capture(serverReplies: true, bodyLimit: limits.maximumMessageBytes + 1)) else {
            throw .failed(server: account.server, detail: "libcurl could not start (out of memory)")
        }
        self.curl = curl
        curl.set(.protocols, "imap,imaps")
        curl.set(.username, account.username)
        curl.set(.password, account.password)
        curl.set(.useSSL, account.requireTLS ? .required : .whenOffered)
        if let caFile = account.caFile { curl.set(.caFile, caFile.path) }
        curl.set(.connectTimeoutMS, Int(account.connectTimeout * 1000))
        curl.set(.timeoutMS, Int(account.timeout * 1000))
        try examine()
    }

    /// The UIDs of the folder's messages, unseen or all, in ascending order.
    public func uids(_ selection: IMAPSelection) throws(IMAPError) -> [Int] {
        try examine()
        let replies = try command("UID SEARCH \(selection.searchKey)", doing: "list the messages in \(folder)")
        return replies.filter { $0.hasPrefix("* SEARCH") }.flatMap { $0.dropFirst(8).split(separator: " ").compactMap { Int($0) } }.sorted()
    }

    /// The message's bytes, at most the limit's plus one (so a message past it shows it);
    /// nil when it is no longer in the folder (another client moved or deleted it).
    public func fetch(uid: Int) throws(IMAPError) -> Data? {
        // EXAMINE opens the folder read-only, where fetching a body does not set \Seen. libcurl
        // selects the folder itself when its URL names one it has not selected on this
        // connection, so the URL names it; libcurl then fetches without selecting again.
        curl.set(.url, url(folder: folderName))
        curl.set(.customRequest, "EXAMINE \(try quotedFolder())")
        try check(curl.perform(), doing: "open \(folder)")
        curl.reset(.customRequest)
        curl.set(.url, url(folder: folderName) + "/;UID=\(uid);PARTIAL=0.\(limits.maximumMessageBytes + 1)")
        let result = curl.perform()
        if result.code == .remoteFileNotFound { return nil }
        try check(result, doing: "fetch message \(uid) from \(folder)")
        // Had the connection been made afresh in between, libcurl's own SELECT would have let
        // the fetch set \Seen; the server then says so, and it is undone.
        if result.serverReplies.contains(where: { $0.hasPrefix("* ") && $0.contains("FETCH") && $0.contains("\\Seen") }) {
            try select()
            try command("UID STORE \(uid) -FLAGS.SILENT (\\Seen)", doing: "leave message \(uid) unseen")
        }
        return result.body
    }

    /// Marks a handled message `\Seen`, so `.unseen` does not list it again.
    public func markSeen(uid: Int) throws(IMAPError) {
        try select()
        try command("UID STORE \(uid) +FLAGS.SILENT (\\Seen)", doing: "mark message \(uid) in \(folder) as seen")
    }

    /// Moves a handled message to `target` (`Beacon/Handled`), creating that folder the first
    /// time the server says it is missing.
    public func move(uid: Int, to target: String) throws(IMAPError) {
        let name = try IMAPFolderName(target)
        let quoted = name.quoted(delimiter: try hierarchyDelimiter())
        let doing = "move message \(uid) from \(folder) to \(target)"
        try select()
        do {
            try command("UID MOVE \(uid) \(quoted)", doing: doing)
        } catch let error where Self.needsCreating(error) {
            try command("CREATE \(quoted)", doing: "create the folder \(target)")
            try select()
            try command("UID MOVE \(uid) \(quoted)", doing: doing)
        }
    }

    private static func needsCreating(_ error: IMAPError) -> Bool {
        if case let .refused(_, reply) = error { return reply.uppercased().contains("[TRYCREATE]") }
        return false
    }

    /// Opens the folder read-only, which also checks that it exists.
    private func examine() throws(IMAPError) {
        do {
            try command("EXAMINE \(try quotedFolder())", doing: "open \(folder)")
        } catch let .refused(_, reply) {
            throw .noSuchFolder(folder: folder, reply: reply)
        }
    }

    /// Opens the folder read-write, to change flags or move messages out.
    private func select() throws(IMAPError) {
        try command("SELECT \(try quotedFolder())", doing: "open \(folder) for changes")
    }

    private func quotedFolder() throws(IMAPError) -> String {
        folderName.levels.count == 1 ? folderName.quoted(delimiter: "/") : folderName.quoted(delimiter: try hierarchyDelimiter())
    }

    /// `LIST "" ""` answers with the delimiter between folder levels.
    private func hierarchyDelimiter() throws(IMAPError) -> String {
        if let delimiter { return delimiter }
        let replies = try command("LIST \"\" \"\"", doing: "ask how folder names are written")
        let line = replies.first { $0.hasPrefix("* LIST") } ?? ""
        let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
        let found = quoted.count >= 3 && quoted[1].count == 1 ? String(quoted[1]) : "/"
        delimiter = found
        return found
    }

    /// Sends one command with no folder in the URL, so libcurl sends it as it is.
    @discardableResult
    private func command(_ text: String, doing: String) throws(IMAPError) -> [String] {
        curl.set(.url, account.server + "/")
        curl.set(.customRequest, text)
        defer { curl.reset(.customRequest) }
        let result = curl.perform()
        try check(result, doing: doing)
        return result.serverReplies
    }

    private func url(folder: IMAPFolderName) -> String {
        account.server + "/" + folder.urlPath(delimiter: delimiter ?? "/")
    }

    private func check(_ result: CurlResult, doing: String) throws(IMAPError) {
        let server = account.server
        // The tagged refusal (`A005 NO …`) says why; libcurl's LOGOUT after it is answered OK.
        let reply = result.serverReplies.last { line in
            let words = line.split(separator: " ", maxSplits: 2)
            return words.count >= 2 && !line.hasPrefix("*") && ["NO", "BAD"].contains(words[1].uppercased())
        } ?? result.serverReplies.last ?? "no reply"
        switch result.code {
        case .ok: return
        case .couldntResolveHost, .couldntConnect: throw .cannotReach(server: server, detail: result.errorText)
        case .useSSLFailed: throw .startTLSNotOffered(server: server)
        case .peerFailedVerification, .sslConnectError, .sslCACertBadFile, .sslCertProblem: throw .tlsFailed(server: server, detail: result.errorText)
        case .loginDenied: throw .loginRefused(server: server, reply: reply)
        case .operationTimedOut: throw .timedOut(server: server)
        case .quoteError: throw .refused(command: doing, reply: reply)
        default: throw .failed(server: server, detail: "\(result.errorText) (\(reply))")
        }
    }
}

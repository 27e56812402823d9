import CompressNIO
import Crypto
import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#endif

/// One version of a hosted file with what answering for it takes, worked out once: its bytes,
/// their gzip, and strong validators.
struct HostedFile: Sendable {
    let identity: FileIdentity
    let body: ByteBuffer
    /// Nil when gzip would not make the file smaller.
    let gzipped: ByteBuffer?
    /// Made from the bytes, not the inode: a channel that writes the same feed again (a
    /// repeated send) leaves readers' cached copies valid.
    let entityTag: String
    /// The gzip representation's own tag, as a strong validator must differ between encodings.
    let gzipEntityTag: String
    let lastModified: String

    /// Reads `path` whole, refusing anything but a regular file reached without a symbolic
    /// link at its end; nil when there is no such file.
    static func read(_ path: String) throws -> HostedFile? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if [ENOENT, ENOTDIR, ELOOP].contains(errno) { return nil }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        // The identity is the open file's, so a rename between the caller's look and this read
        // can only make the cache keep the newer version under the newer identity.
        let identity = FileIdentity(status)
        var bytes = ByteBuffer()
        bytes.reserveCapacity(identity.size)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            bytes.writeBytes(chunk[..<count])
        }
        return try HostedFile(identity: identity, body: bytes)
    }

    private init(identity: FileIdentity, body: ByteBuffer) throws {
        self.identity = identity
        self.body = body
        var input = body
        let compressed = try input.compress(with: .gzip())
        gzipped = compressed.readableBytes < body.readableBytes ? compressed : nil
        let digest = Data(body.withUnsafeReadableBytes { SHA256.hash(data: $0) }.prefix(16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        entityTag = "\"\(digest)\""
        gzipEntityTag = "\"\(digest)-gzip\""
        lastModified = HTTPDate.format(identity.modifiedSeconds)
    }

    /// The bytes as `gzip` asks, and their tag.
    func representation(gzip: Bool) -> (body: ByteBuffer, entityTag: String, encoding: String?) {
        if gzip, let gzipped { (gzipped, gzipEntityTag, "gzip") } else { (body, entityTag, nil) }
    }
}

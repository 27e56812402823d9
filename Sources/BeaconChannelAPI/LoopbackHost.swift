import Foundation

/// Whether a host is this machine, for channels that may talk to a server on it without TLS.
/// Decided by the addresses the name resolves to, never by its spelling: `127.evil.example`
/// is a name like any other. Loopback only if every address is (127.0.0.0/8, ::1, or
/// 127.0.0.0/8 mapped into IPv6); a name that does not resolve is not.
public enum LoopbackHost {
    public static func contains(_ host: String) -> Bool {
        // A URL writes an IPv6 address in brackets.
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard !name.isEmpty else { return false }
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, nil, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(first) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            guard let address = current.pointee.ai_addr, isLoopback(address) else { return false }
            entry = current.pointee.ai_next
        }
        return true
    }

    private static func isLoopback(_ address: UnsafeMutablePointer<sockaddr>) -> Bool {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) >> 24 == 127 }
        case AF_INET6:
            let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) } }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
            return bytes == Array(repeating: 0, count: 15) + [1] || mapped
        default:
            return false
        }
    }
}

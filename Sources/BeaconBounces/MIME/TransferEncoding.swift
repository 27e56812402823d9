/// `Content-Transfer-Encoding`: how a part's bytes were made safe for SMTP.
enum TransferEncoding {
    case identity
    case base64
    case quotedPrintable

    init(_ value: String?) {
        switch value?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .identity
        }
    }

    /// The part's content. Damaged encoding is read as far as it goes: a stray character is
    /// skipped, never a reason to lose the report.
    func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .identity: return Array(bytes)
        case .base64: return Self.base64(bytes)
        case .quotedPrintable: return Self.quotedPrintable(bytes)
        }
    }

    private static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): return output
            default: continue
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }

    private static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            let rest = bytes[(index + 1)...]
            if let high = rest.first.flatMap(hexValue), let low = rest.dropFirst().first.flatMap(hexValue) {
                output.append(high << 4 | low)
                index += 3
            } else if rest.starts(with: [13, 10]) {
                index += 3
            } else if rest.starts(with: [10]) {
                index += 2
            } else {
                // A soft line break with trailing spaces, or a lone "=": kept as written.
                let spaces = rest.prefix { $0 == 32 || $0 == 9 }
                let after = rest.dropFirst(spaces.count)
                if after.starts(with: [13, 10]) || after.starts(with: [10]) || after.isEmpty {
                    index = after.starts(with: [13, 10]) ? after.startIndex + 2 : min(after.startIndex + 1, bytes.endIndex)
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

import Foundation

/// Searches in a message's bytes with the C library's `memchr` and `memcmp`, so a 20 MB
/// attachment is crossed in linear time even in a debug build.
enum ByteSearch {
    /// Where `needle` first starts in `bytes[range]`: `memchr` finds each candidate for its
    /// first byte, `memcmp` checks the rest.
    static func find(_ needle: [UInt8], in bytes: [UInt8], range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                let base = haystack.baseAddress!
                var start = range.lowerBound
                let last = range.upperBound - needle.count
                while start <= last {
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let index = UnsafeRawPointer(found) - base
                    if memcmp(found, pattern.baseAddress!, needle.count) == 0 { return index }
                    start = index + 1
                }
                return nil
            }
        }
    }

    /// Where the next line starts after `index` (past its `\n`), or the range's end.
    static func nextLine(after index: Int, in bytes: [UInt8], range: Range<Int>) -> Int {
        guard index < range.upperBound else { return range.upperBound }
        return bytes.withUnsafeBytes { raw in
            guard let found = memchr(raw.baseAddress! + index, Int32(UInt8(ascii: "\n")), range.upperBound - index) else {
                return range.upperBound
            }
            return (UnsafeRawPointer(found) - raw.baseAddress!) + 1
        }
    }

    /// The end of the header block that starts at `start`: the index of the blank line that
    /// ends it and where the body begins, looking no further than `limit` bytes.
    static func headerEnd(in bytes: [UInt8], range: Range<Int>, limit: Int) -> (header: Int, body: Int)? {
        // A part with no header at all starts with its blank line.
        if range.starts(with: [10], in: bytes) { return (range.lowerBound, range.lowerBound + 1) }
        if range.starts(with: [13, 10], in: bytes) { return (range.lowerBound, range.lowerBound + 2) }
        let window = range.lowerBound..<min(range.upperBound, range.lowerBound + limit)
        let bare = find([10, 10], in: bytes, range: window)
        let crlf = find([10, 13, 10], in: bytes, range: window)
        switch (bare, crlf) {
        case let (bare?, crlf?) where bare < crlf: return (bare + 1, bare + 2)
        case let (_, crlf?): return (crlf + 1, crlf + 3)
        case let (bare?, nil): return (bare + 1, bare + 2)
        case (nil, nil): return window.upperBound == range.upperBound ? (range.upperBound, range.upperBound) : nil
        }
    }
}

extension Range where Bound == Int {
    func starts(with prefix: [UInt8], in bytes: [UInt8]) -> Bool {
        count >= prefix.count && bytes[lowerBound..<lowerBound + prefix.count].elementsEqual(prefix)
    }
}

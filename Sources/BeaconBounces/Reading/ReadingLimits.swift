/// How much of a message Beacon reads, so hostile or enormous mail costs bounded work.
public struct ReadingLimits: Sendable {
    /// A message larger than this is set aside; sources never load more than one byte past it.
    public let maximumMessageBytes: Int
    /// Bytes of any one part decoded to read its text; the rest of a long part is not.
    public let partTextBytes: Int
    /// Bytes of the raw message searched for a reference when the headers lost it.
    public let referenceScanBytes: Int

    public init(maximumMessageBytes: Int = 64 << 20, partTextBytes: Int = 512 << 10, referenceScanBytes: Int = 1 << 20) {
        self.maximumMessageBytes = maximumMessageBytes
        self.partTextBytes = partTextBytes
        self.referenceScanBytes = referenceScanBytes
    }

    public static let standard = ReadingLimits()
}

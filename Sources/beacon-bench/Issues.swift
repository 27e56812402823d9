import BeaconChannelAPI
import BeaconCore

/// One issue per copy, written by whichever thread handles that index.
final class Issues: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Delivery?>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    subscript(index: Int) -> Delivery? {
        get { values[index] }
        set { values[index] = newValue }
    }
}

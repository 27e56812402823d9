import Synchronization

/// Set when the operator asks a run to stop (SIGTERM, SIGINT) or the ledger can no longer
/// record: channels finish the message in flight and take no more, leaving the rest pending
/// for the next run.
public final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public func stop() { stopped.store(true, ordering: .relaxed) }

    public var isStopped: Bool { stopped.load(ordering: .relaxed) }
}

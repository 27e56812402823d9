/// Exit statuses Postfix's pipe(8) understands (sysexits.h): a message is taken only when
/// Beacon has dealt with it, and offered again later otherwise.
public enum PipeExitStatus: Int32, Sendable {
    /// `EX_OK`: handled and recorded, or deliberately set aside; Postfix removes it.
    case handled = 0
    /// `EX_TEMPFAIL`: not dealt with (the ledger could not record it, standard input broke);
    /// Postfix keeps the message and delivers it again later.
    case tryAgainLater = 75
}

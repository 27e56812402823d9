public import Foundation

/// A process for a server that is stopped with a signal (Dovecot, Postfix). Foundation starts
/// children with the signal mask of the thread that starts them, and a test's thread may block
/// SIGTERM, which a daemon would then never see: Debian's Python unblocks every signal and
/// then becomes the command.
public enum UnblockedProcess {
    public static func make(_ executable: String, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            executable,
        ] + arguments
        return process
    }
}

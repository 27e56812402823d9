import ArgumentParser

@main
struct Beacon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: "Short, targeted digests of an invest-to-save fund's projects, in Welsh and English.",
        discussion: """
            Beacon reads the fund's register, audiences, subscribers and digest definitions from \
            Config/ and writes one-page digests for each reader. Run `beacon check` after editing \
            anything in Config/.
            """,
        subcommands: [
            CheckCommand.self, ListCommand.self, PreviewCommand.self, SendCommand.self, RunCommand.self,
            ScheduleCommand.self, HistoryCommand.self, UnsubscribeCommand.self, LedgerCommand.self, ServeCommand.self,
        ])
}

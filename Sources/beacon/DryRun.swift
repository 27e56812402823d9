import BeaconCore
import BeaconLedger
import Foundation

/// `send --dry-run`: what a send would open and deliver, without sending or recording.
struct DryRun {
    let loaded: Loaded
    let ledger: Ledger

    func describe(_ issues: [IssueRequest], now: Date, everythingDue: Bool) throws {
        let configuration = loaded.configuration
        let planner = DeliveryPlanner(configuration: configuration, renderer: loaded.renderer)
        if issues.isEmpty { print("No digest is due.") }
        for (definition, date, _) in issues {
            if try ledgerCall({ try ledger.issue(of: definition.id, on: date) }) != nil {
                print("\(definition.id) issue of \(date): already opened; a send would finish what is outstanding.")
                continue
            }
            let window = try ledgerCall { try ledger.window(for: definition, endingOn: date) }
            guard configuration.hasNews(definition, in: window) || definition.sendWhenEmpty else {
                print("\(definition.id) issue of \(date): nothing new since \(window.start); would be recorded, not sent.")
                continue
            }
            let reach = definition.channels.compactMap { name in
                loaded.channels[name].map { channel in
                    let count = planner.recipients(of: definition, over: name, reach: channel.reach).count
                    return "\(count) over \(name) to \(channel.destination)"
                }
            }
            print("\(definition.id) issue of \(date) (news from \(window.start)): would open with deliveries \(reach.joined(separator: "; ")).")
        }
        if everythingDue {
            let outstanding = try ledgerCall { try ledger.outstanding(dueBy: now) }
            print("Outstanding from earlier runs or due for retry: \(outstanding.count).")
        }
    }
}

public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB

/// Readers' own choices and sign-ups. Lists are kept as `;`-separated ids, as the register
/// files write them: ids contain no `;`.
extension SQLiteLedger {
    public func readerChoices() throws(LedgerError) -> [RecipientKey: ReaderChoices] {
        try read { db in
            var choices: [RecipientKey: ReaderChoices] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM reader_choice") {
                choices[RecipientKey(row["reader"] as String)] = ReaderChoices(
                    language: (row["language"] as String?).flatMap(LanguagePreference.init(rawValue:)),
                    frequency: (row["frequency"] as String?).flatMap(Frequency.init(rawValue:)),
                    interests: (row["interests"] as String?).map { Self.list($0).map(ThemeID.init) },
                    channels: (row["channels"] as String?).map { Self.list($0).map(ChannelName.init) },
                    pausedUntil: (row["paused_until"] as String?).flatMap(CivilDate.init(parsing:)))
            }
            return choices
        }
    }

    public func saveChoices(_ choices: ReaderChoices, for reader: RecipientKey, at now: Date) throws(LedgerError) {
        try write { db in
            guard !choices.isEmpty else {
                try db.execute(sql: "DELETE FROM reader_choice WHERE reader = ?", arguments: [reader.rawValue])
                return
            }
            try db.execute(sql: """
                INSERT INTO reader_choice (reader, language, frequency, interests, channels, paused_until, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (reader) DO UPDATE SET language = excluded.language, frequency = excluded.frequency,
                    interests = excluded.interests, channels = excluded.channels, paused_until = excluded.paused_until,
                    updated_at = excluded.updated_at
                """, arguments: [
                    reader.rawValue, choices.language?.rawValue, choices.frequency?.rawValue,
                    choices.interests.map { $0.map(\.rawValue).joined(separator: ";") },
                    choices.channels.map { $0.map(\.rawValue).joined(separator: ";") },
                    choices.pausedUntil?.description, now,
                ])
        }
    }

    public func recordSignUp(_ signUp: SignUp) throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO signup (id, digest, name, email, audience, organisation, sector, region, interests, language, requested_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    signUp.id, signUp.digest.rawValue, signUp.name, signUp.email, signUp.audience.rawValue, signUp.organisation.name,
                    signUp.organisation.sector.rawValue, signUp.organisation.region.rawValue,
                    signUp.interests.map(\.rawValue).joined(separator: ";"), signUp.language.rawValue, signUp.requestedAt, signUp.expiresAt,
                ])
        }
    }

    public func signUp(id: String) throws(LedgerError) -> SignUp? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM signup WHERE id = ?", arguments: [id]).flatMap(Self.signUp) }
    }

    public func confirmSignUp(id: String, wording: String, source: String, at now: Date) throws(LedgerError) -> SignUp? {
        try write { db in
            try db.execute(sql: """
                UPDATE signup SET confirmed_at = ?, consent_wording = ?, consent_source = ?
                WHERE id = ? AND confirmed_at IS NULL AND expires_at > ?
                """, arguments: [now, wording, source, id, now])
            return try Row.fetchOne(db, sql: "SELECT * FROM signup WHERE id = ? AND confirmed_at IS NOT NULL", arguments: [id]).flatMap(Self.signUp)
        }
    }

    public func confirmedSignUps() throws(LedgerError) -> [SignUp] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM signup WHERE confirmed_at IS NOT NULL ORDER BY confirmed_at, id").compactMap(Self.signUp)
        }
    }

    public func signUpCount(email: String, since date: Date) throws(LedgerError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM signup WHERE email = ? AND requested_at >= ?", arguments: [email, date]) ?? 0
        }
    }

    public func removeExpiredSignUps(at now: Date) throws(LedgerError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM signup WHERE confirmed_at IS NULL AND expires_at <= ?", arguments: [now])
            return db.changesCount
        }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ";").map(String.init)
    }

    private static func signUp(_ row: Row) -> SignUp? {
        guard let sector = Sector(rawValue: row["sector"]), let region = Region(rawValue: row["region"]),
              let language = LanguagePreference(rawValue: row["language"]) else { return nil }
        return SignUp(
            id: row["id"], digest: DigestID(row["digest"] as String), name: row["name"], email: row["email"],
            audience: AudienceID(row["audience"] as String),
            organisation: Organisation(name: row["organisation"], sector: sector, region: region, size: nil),
            interests: list(row["interests"]).map(ThemeID.init), language: language,
            requestedAt: row["requested_at"], expiresAt: row["expires_at"], confirmedAt: row["confirmed_at"],
            consentWording: row["consent_wording"], consentSource: row["consent_source"])
    }
}

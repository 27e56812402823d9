/// What a person agrees to when they confirm a sign-up, shown beside the button. Its `id` is
/// recorded with their consent; change the id whenever the words change, so the ledger always
/// says which words each reader agreed to.
enum ConsentWording {
    static let id = "web-sign-up-2026-12"

    static let text = Bilingual(
        "Drwy gadarnhau, rydych yn cytuno y caiff tîm y gronfa anfon y crynodeb hwn atoch drwy e-bost a chadw eich enw, eich cyfeiriad e-bost, eich sefydliad a'ch dewisiadau er mwyn gwneud hynny, nes i chi ddad-danysgrifio. Mae dolen i ddad-danysgrifio ar waelod pob rhifyn.",
        "By confirming, you agree that the fund team may email you this digest and keep your name, email address, organisation and choices to do so, until you unsubscribe. Every issue has a link to unsubscribe at the bottom.")

    /// Where the consent came from, as the ledger records it.
    static let source = "web sign-up form"
}

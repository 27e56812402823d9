/// Turns text into bytes line by line: quoted-printable for email. Encoding a text's lines one
/// at a time and joining them with `lineBreak` must give the bytes encoding the whole text
/// gives, so the lines every copy of an issue shares are encoded once. Texts have LF line
/// breaks and no carriage returns.
public protocol LineEncoding {
    static var lineBreak: [UInt8] { get }
    @Sendable static func encode(_ text: String) -> [UInt8]
}

import Hummingbird

extension Response {
    /// A short plain-text answer, Welsh first: for what the service says itself (a refusal,
    /// its health), with nothing in it from the request.
    static func plain(_ status: HTTPResponse.Status, cy: String, en: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "\(cy)\n\(en)\n")))
    }
}

import Yams

/// Composes YAML without anchors (`&name`) or aliases (`*name`), refusing them before Yams can
/// expand any: Yams hashes every mapping key in full, so a few kilobytes of nested aliases used
/// as keys take hours. Beacon's files need neither, nor more than a few levels of nesting.
enum PlainYAML {
    static let maximumDepth = 32

    enum Refusal: Error {
        case anchor(String, line: Int?)
        case alias(line: Int?)
        case tooDeep(line: Int?)
        case malformed(line: Int?, detail: String)
    }

    /// Text with no `&` cannot define an anchor, so any alias in it fails at once as undefined.
    /// Otherwise a copy with every `*` made a letter, which can hold no alias and so composes in
    /// one pass, shows where the anchors are; only text without them is composed as written.
    static func compose(_ text: String) throws(Refusal) -> Node? {
        if text.utf8.contains(UInt8(ascii: "&")) {
            let withoutAliases = String(decoding: text.utf8.map { $0 == UInt8(ascii: "*") ? UInt8(ascii: "x") : $0 }, as: UTF8.self)
            try composeAndCheck(withoutAliases)
        }
        return try composeAndCheck(text)
    }

    @discardableResult
    private static func composeAndCheck(_ text: String) throws(Refusal) -> Node? {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, encoding: .utf8)
            root = try parser.singleRoot()
        } catch {
            throw refusal(for: error)
        }
        // Nodes refer to their anchors weakly; the parser holds them, so it must outlive the check.
        try withExtendedLifetime(parser) { () throws(Refusal) in
            if let root { try check(root) }
        }
        return root
    }

    /// Refuses the first anchor, or nesting past `maximumDepth`, in document order; a stack,
    /// not recursion, so depth itself cannot exhaust the stack.
    private static func check(_ root: Node) throws(Refusal) {
        var pending: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = pending.popLast() {
            if let anchor = node.anchor { throw .anchor(anchor.rawValue, line: node.mark?.line) }
            guard depth <= maximumDepth else { throw .tooDeep(line: node.mark?.line) }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { pending += [(value, depth + 1), (key, depth + 1)] }
            case .sequence(let sequence):
                for item in sequence.reversed() { pending.append((item, depth + 1)) }
            case .scalar, .alias:
                continue
            }
        }
    }

    private static func refusal(for error: any Error) -> Refusal {
        switch error as? YamlError {
        case .composer(_, let problem, let mark, _) where problem.contains("undefined alias"):
            return .alias(line: mark.line)
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            return .malformed(line: mark.line, detail: [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "))
        default:
            return .malformed(line: nil, detail: "\(error)")
        }
    }
}

import Foundation
import Yams

/// A YAML mapping flattened to dotted key paths (`title.en`, `budget.items`), each a scalar or
/// a list of scalars with the line it came from. Flat paths let one set of rules check
/// unknown keys and values in settings, audiences, subscribers and digests alike.
struct YAMLRecordSource: FieldSource {
    enum Value {
        case scalar(String)
        case list([String])
    }

    let file: String
    let line: Int
    let entries: [String: (value: Value, line: Int)]

    var recordLocation: SourceLocation { SourceLocation(file: file, line: line) }

    func location(of field: String) -> SourceLocation {
        SourceLocation(file: file, line: entries[field]?.line ?? line, field: field)
    }

    func has(_ field: String) -> Bool { entries[field] != nil }

    func text(_ field: String) -> String? {
        switch entries[field]?.value {
        case .scalar(let text): text
        case .list(let items): items.joined(separator: "; ")
        case nil: nil
        }
    }

    func list(_ field: String) -> [String]? {
        switch entries[field]?.value {
        case .scalar(let text): Self.splitList(text)
        case .list(let items): items.map { $0.trimmedOfWhitespaceAndNewlines }.filter { !$0.isEmpty }
        case nil: nil
        }
    }

    func localizedNames(_ base: String) -> (english: String, welsh: String) { (base + ".en", base + ".cy") }

    /// Flattens `node`; reports keys outside `known` and shapes that cannot be flattened.
    init(file: String, node: Node, known: Set<String>, diagnostics: Diagnostics) {
        self.file = file
        self.line = node.mark?.line ?? 0
        var entries: [String: (value: Value, line: Int)] = [:]
        Self.flatten(node, path: "", into: &entries, file: file, known: known, diagnostics: diagnostics)
        self.entries = entries
    }

    private static func flatten(
        _ node: Node, path: String, into entries: inout [String: (value: Value, line: Int)],
        file: String, known: Set<String>, diagnostics: Diagnostics
    ) {
        let line = node.mark?.line ?? 0
        switch node {
        case .mapping(let mapping):
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else {
                    diagnostics.report(.wrongShape(expected: "a plain key"), at: SourceLocation(file: file, line: keyNode.mark?.line))
                    continue
                }
                let childPath = path.isEmpty ? key : path + "." + key
                let isPrefix = known.contains { $0.hasPrefix(childPath + ".") }
                guard known.contains(childPath) || isPrefix else {
                    let prefix = path.isEmpty ? "" : path + "."
                    let siblings = Set(known.filter { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count).prefix { $0 != "." } })
                    diagnostics.report(.unknownKey(known: siblings.map(String.init).sorted()), at: SourceLocation(file: file, line: keyNode.mark?.line, field: childPath))
                    continue
                }
                if isPrefix, valueNode.mapping == nil, !known.contains(childPath) {
                    diagnostics.report(.wrongShape(expected: "a mapping with keys under \(childPath)"), at: SourceLocation(file: file, line: valueNode.mark?.line, field: childPath))
                    continue
                }
                flatten(valueNode, path: childPath, into: &entries, file: file, known: known, diagnostics: diagnostics)
            }
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard let text = scalarText(item) else {
                    diagnostics.report(.wrongShape(expected: "a list of plain values"), at: SourceLocation(file: file, line: item.mark?.line, field: path))
                    continue
                }
                items.append(text)
            }
            entries[path] = (.list(items), line)
        case .scalar:
            if let text = scalarText(node), !text.isEmpty { entries[path] = (.scalar(text), line) }
        case .alias:
            diagnostics.report(.wrongShape(expected: "a value, not an alias"), at: SourceLocation(file: file, line: line, field: path))
        }
    }

    private static func scalarText(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        return scalar.string
    }
}

/// A YAML file whose top level is `KEY:` followed by a list of records.
enum YAMLFile {
    static func root(url: URL, displayName: String, limit: FileSizeLimit, diagnostics: Diagnostics) -> Node? {
        guard let data = ConfigFile.contents(of: url, displayName: displayName, limit: limit, diagnostics: diagnostics) else { return nil }
        let invalid = data.withUnsafeBytes { bytes in
            UTF8Validation.firstInvalidByte(in: bytes).map { (offset: $0, byte: bytes[$0], line: UTF8Validation.line(of: $0, in: bytes)) }
        }
        if let invalid {
            diagnostics.report(.notUTF8(byte: invalid.byte, offset: invalid.offset), at: SourceLocation(file: displayName, line: invalid.line))
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            return try PlainYAML.compose(text) ?? Node.mapping(Node.Mapping([]))
        } catch {
            let (problem, line): (InputProblem, Int?) = switch error {
            case .anchor(let name, let line): (.yamlAnchor(name), line)
            case .alias(let line): (.yamlAlias, line)
            case .tooDeep(let line): (.yamlTooDeep(levels: PlainYAML.maximumDepth), line)
            case .malformed(let line, let detail): (.malformedYAML(detail), line)
            }
            diagnostics.report(problem, at: SourceLocation(file: displayName, line: line))
            return nil
        }
    }

    /// The records listed under `key`, each flattened against `known`.
    static func records(
        url: URL, displayName: String, key: String, known: Set<String>, limit: FileSizeLimit, diagnostics: Diagnostics
    ) -> [YAMLRecordSource] {
        guard let root = root(url: url, displayName: displayName, limit: limit, diagnostics: diagnostics) else { return [] }
        guard let mapping = root.mapping, mapping.count == 1, let list = mapping[key] else {
            diagnostics.report(.wrongShape(expected: "one top-level key, \(key):, holding a list"), at: SourceLocation(file: displayName, line: root.mark?.line))
            return []
        }
        guard let sequence = list.sequence else {
            diagnostics.report(.wrongShape(expected: "a list of entries, each starting with \"- \""), at: SourceLocation(file: displayName, line: list.mark?.line, field: key))
            return []
        }
        var records: [YAMLRecordSource] = []
        for item in sequence {
            guard item.mapping != nil else {
                diagnostics.report(.wrongShape(expected: "an entry with keys such as id:"), at: SourceLocation(file: displayName, line: item.mark?.line))
                continue
            }
            records.append(YAMLRecordSource(file: displayName, node: item, known: known, diagnostics: diagnostics))
        }
        return records
    }
}

/// The parts forms are made of, laid out the same way on every page: a label (or a legend for
/// a group) naming the field in both languages, a hint, the error beside the field it is about
/// (linked from the summary at the top of the page), and the field.
enum FormFields {
    /// A field's mistake, shown in the summary and beside the field.
    struct Problem: Sendable, Hashable {
        /// The `id` of the input the summary links to.
        let field: String
        let message: Bilingual
    }

    /// The box at the top of a page whose form had mistakes, each linked to its field.
    static func errorSummary(_ problems: [Problem]) -> String {
        guard !problems.isEmpty else { return "" }
        let items = problems.map { "<li><a href=\"#\(HTML.escape($0.field))\">\($0.message.inline)</a></li>" }.joined(separator: "\n")
        return """
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">\(Bilingual("Mae problem", "There is a problem").inline)</h2>
            <ul>
            \(items)
            </ul>
            </div>

            """
    }

    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
    }

    /// One line of text (`type` text or email).
    static func text(
        _ name: String, label: Bilingual, value: String, hint: Bilingual? = nil, problem: Problem?, type: String = "text", autocomplete: String? = nil
    ) -> String {
        let described = [hint.map { _ in "\(name)-hint" }, problem.map { _ in "\(name)-error" }].compactMap { $0 }
        var html = "<div class=\"form-group\(problem == nil ? "" : " form-group--error")\">\n"
        html += "<label for=\"\(name)\">\(label.inline)</label>\n"
        if let hint { html += "<p class=\"hint\" id=\"\(name)-hint\">\(hint.inline)</p>\n" }
        if let problem { html += errorMessage(problem, id: "\(name)-error") }
        html += "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(value))\""
        if !described.isEmpty { html += " aria-describedby=\"\(described.joined(separator: " "))\"" }
        if problem != nil { html += " aria-invalid=\"true\"" }
        if let autocomplete { html += " autocomplete=\"\(autocomplete)\"" }
        html += " spellcheck=\"false\">\n</div>\n"
        return html
    }

    /// A choice among options (radios) or of several (checkboxes), in a fieldset whose legend
    /// names the question. The first option's id is `name`, so an error can link to it.
    static func choices(
        _ name: String, legend: Bilingual, options: [(value: String, label: Bilingual)], chosen: Set<String>, multiple: Bool,
        hint: Bilingual? = nil, problem: Problem?
    ) -> String {
        let described = [hint.map { _ in "\(name)-hint" }, problem.map { _ in "\(name)-error" }].compactMap { $0 }
        var html = "<div class=\"form-group\(problem == nil ? "" : " form-group--error")\">\n<fieldset"
        if !described.isEmpty { html += " aria-describedby=\"\(described.joined(separator: " "))\"" }
        html += ">\n<legend>\(legend.inline)</legend>\n"
        if let hint { html += "<p class=\"hint\" id=\"\(name)-hint\">\(hint.inline)</p>\n" }
        if let problem { html += errorMessage(problem, id: "\(name)-error") }
        for (index, option) in options.enumerated() {
            let id = index == 0 ? name : "\(name)-\(index + 1)"
            html += "<div class=\"choice\"><input type=\"\(multiple ? "checkbox" : "radio")\" id=\"\(id)\" name=\"\(name)\" value=\"\(HTML.escape(option.value))\""
            if chosen.contains(option.value) { html += " checked" }
            html += "><label for=\"\(id)\">\(option.label.inline)</label></div>\n"
        }
        html += "</fieldset>\n</div>\n"
        return html
    }

    /// A button that submits its form; `name`/`value` say which of a form's buttons it was.
    static func button(_ label: Bilingual, name: String? = nil, value: String? = nil, style: String? = nil) -> String {
        var html = "<button type=\"submit\""
        if let name, let value { html += " name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\"" }
        if let style { html += " class=\"\(style)\"" }
        return html + "><span lang=\"cy\">\(HTML.escape(label.welsh))</span> / <span lang=\"en\">\(HTML.escape(label.english))</span></button>\n"
    }

    private static func errorMessage(_ problem: Problem, id: String) -> String {
        "<p class=\"error-message\" id=\"\(id)\">\((Bilingual("Gwall: ", "Error: ") + problem.message).inline)</p>\n"
    }
}

/// Every mistake in a posted form, to show with it.
struct FormProblems: Error {
    let list: [FormFields.Problem]
}

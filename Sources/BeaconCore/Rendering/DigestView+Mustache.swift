import Mustache

// Templates look values up by name. Answering by name, instead of letting Mustache reflect on
// each value, is what makes rendering fast enough for a hundred thousand readers; the names
// are the ones the built-in templates use and the README documents for overrides.

extension DigestView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "documentLang": documentLang
        case "pageTitle": pageTitle
        case "titles": titles
        case "bilingualNote": bilingualNote
        case "isBilingual": isBilingual
        case "editions": editions
        default: nil
        }
    }
}

extension DigestView.Text: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "lang": lang
        case "note": note
        default: nil
        }
    }
}

extension DigestView.Edition: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "anchor": anchor
        case "languageName": languageName
        case "showLanguageName": showLanguageName
        case "title": title
        case "issueLine": issueLine
        case "preparedFor": preparedFor
        case "figures": figures
        case "sections": sections
        case "nothingNew": nothingNew
        case "more": more
        case "fundTeam": fundTeam
        case "unsubscribe": unsubscribe
        case "webCopy": webCopy
        case "chart": chart
        default: nil
        }
    }
}

extension DigestView.Figures: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "rows": rows
        default: nil
        }
    }
}

extension DigestView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension DigestView.Section: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "items": items
        default: nil
        }
    }
}

extension DigestView.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "headline": headline
        case "organisation": organisation
        case "facts": facts
        case "hasFacts": hasFacts
        case "paragraphs": paragraphs
        case "why": why
        case "contacts": contacts
        case "stale": stale
        case "link": link
        case "linkLabel": linkLabel
        case "overdue": overdue
        default: nil
        }
    }
}

extension DigestView.Paragraph: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lead": lead
        case "body": body
        default: nil
        }
    }
}

extension DigestView.Unsubscribe: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "action": action
        case "link": link
        default: nil
        }
    }
}

extension DigestView.Chart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "bars": bars
        default: nil
        }
    }
}

extension DigestView.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "percent": percent
        default: nil
        }
    }
}

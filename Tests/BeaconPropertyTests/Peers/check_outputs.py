"""Reads every output of a batch of cases as its readers would, in one process, and says what
each reader was shown. Reads a manifest (JSON) from the file it is given:

  {"cases": [{"texts": {"<start marker>": {"end": "<end marker>", "text": "..."}},
              "files": [{"kind": "email|html|markdown|text|rss|opml|json-feed|webhook", "path": "..."}],
              "email": {"headers": [...], "subject": [...], "to": [...]}}]}

Register text reaches outputs between a start and an end marker. Wherever a start marker is
shown, what follows it up to the end marker must be the text, whitespace flattened; elements
and attributes in HTML must be ones the layouts write. Prints, per case, the problems found
and the markers seen."""
import email
import email.header
import email.utils
import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from email import policy
from html.parser import HTMLParser

import feedparser
from markdown_it import MarkdownIt

HTML_ELEMENTS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "span", "br",
                 "section", "ul", "li", "strong", "em", "a"}
HTML_ATTRIBUTES = {"lang", "charset", "name", "content", "style", "id", "class", "href", "aria-hidden"}
MARKDOWN_ELEMENTS = {"h1", "h2", "h3", "p", "hr", "ul", "li", "strong", "em", "a", "br"}
markdown = MarkdownIt("commonmark", {"html": True})


def flat(text):
    return " ".join(text.split())


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.elements, self.attributes, self.values = [], set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            self.values.append(value or "")
        # Block elements separate words when shown.
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def page(html, elements, problems, where):
    reader = Page()
    reader.feed(html)
    reader.close()
    for element in reader.elements - elements:
        problems.append(f"{where}: element <{element}> from data")
    for attribute in reader.attributes - HTML_ATTRIBUTES:
        problems.append(f"{where}: attribute {attribute} from data")
    return "".join(reader.parts), reader.values


def shown(detail, problems, where):
    if detail is None:
        return ""
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        return page(detail["value"], HTML_ELEMENTS, problems, where)[0]
    return detail["value"]


def check_markers(text, texts, problems, seen, where):
    text = flat(text)
    for start, expected in texts.items():
        for match in re.finditer(re.escape(start) + r"(?![0-9a-z])", text):
            rest = text[match.end():]
            end = rest.find(expected["end"])
            got = rest[:end].strip() if end >= 0 else rest[:200]
            if end < 0 or got != flat(expected["text"]):
                problems.append(f"{where}: {start} shown as {got!r}, typed as {flat(expected['text'])!r}")
            seen.add(start)


def read_email(path, expected, problems, where):
    raw = open(path, "rb").read()
    message = email.message_from_bytes(raw, policy=policy.default)
    problems.extend(f"{where}: {defect}" for defect in message.defects)
    names = [name for name, _ in message.items()]
    if names != expected["headers"]:
        problems.append(f"{where}: headers {names}, expected {expected['headers']}")
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    for line in head:
        if len(line) > 998:
            problems.append(f"{where}: header line of {len(line)} octets")
    field = None
    for line in head:
        field = field if line[:1] in (b" ", b"\t") else line.split(b":", 1)[0].decode()
        if field in ("From", "To", "Subject", "List-Id") and len(line) > 78:
            problems.append(f"{where}: {field} line of {len(line)} characters")
    if flat(str(message["Subject"])) != flat(expected["subject"]):
        problems.append(f"{where}: Subject {str(message['Subject'])!r}, expected {expected['subject']!r}")
    legacy = email.message_from_bytes(raw, policy=policy.compat32)
    for header, name in (("To", expected["to"]), ("From", expected["from"])):
        # Unfolded first (RFC 5322 section 2.2.3): parseaddr does not unfold.
        unfolded = re.sub(r"\r?\n", "", legacy[header])
        decoded = str(email.header.make_header(email.header.decode_header(email.utils.parseaddr(unfolded)[0])))
        if flat(decoded) != flat(name):
            problems.append(f"{where}: {header} name {decoded!r}, expected {name!r}")
    shown_text = message.get_body(("plain",)).get_content()
    html_text, _ = page(message.get_body(("html",)).get_content(), HTML_ELEMENTS, problems, where + " (HTML)")
    return shown_text + " \n " + html_text


def read(file, case, problems, seen):
    path, kind = file["path"], file["kind"]
    where = "/".join(path.split("/")[-3:])
    texts = case["texts"]
    if kind == "email":
        check_markers(read_email(path, file["expected"], problems, where), texts, problems, seen, where)
    elif kind == "html":
        text, values = page(open(path, encoding="utf-8").read(), HTML_ELEMENTS, problems, where)
        check_markers(text, texts, problems, seen, where)
        for value in values:
            if any(start in value for start in texts):
                problems.append(f"{where}: register text in an attribute: {value!r}")
    elif kind == "markdown":
        source = open(path, encoding="utf-8").read()
        check_markers(page(markdown.render(source), MARKDOWN_ELEMENTS, problems, where)[0], texts, problems, seen, where)
    elif kind == "text":
        check_markers(open(path, encoding="utf-8").read(), texts, problems, seen, where)
    elif kind == "rss":
        feed = feedparser.parse(path)
        if feed.bozo:
            problems.append(f"{where}: feedparser: {feed.get('bozo_exception')}")
        parts = [shown(feed.feed.get("title_detail"), problems, where), shown(feed.feed.get("subtitle_detail"), problems, where)]
        for entry in feed.entries:
            parts += [shown(entry.get("title_detail"), problems, where), shown(entry.get("summary_detail"), problems, where)]
            parts += [page(content.value, HTML_ELEMENTS, problems, where)[0] for content in entry.get("content", [])]
        for part in parts:
            check_markers(part, texts, problems, seen, where)
    elif kind == "opml":
        for outline in ElementTree.parse(path).iter("outline"):
            for attribute in ("text", "title"):
                check_markers(page(outline.get(attribute), set(), problems, where)[0], texts, problems, seen, where)
    elif kind == "json-feed":
        feed = json.load(open(path, encoding="utf-8"))
        parts = [feed["title"], feed["description"]]
        for item in feed["items"]:
            parts += [item["title"], item["summary"], item["content_text"], page(item["content_html"], HTML_ELEMENTS, problems, where)[0]]
        for part in parts:
            check_markers(part, texts, problems, seen, where)
    elif kind == "webhook":
        post = json.load(open(path, encoding="utf-8"))
        check_markers(page(markdown.render(post["text"]), MARKDOWN_ELEMENTS, problems, where)[0], texts, problems, seen, where)
        for part in (post["title"], post["summary"]):
            check_markers(part, texts, problems, seen, where)


results = []
for case in json.load(open(sys.argv[1], encoding="utf-8"))["cases"]:
    problems, seen = [], set()
    for file in case["files"]:
        try:
            read(file, case, problems, seen)
        except Exception as error:
            problems.append(f"{file['path']}: {type(error).__name__}: {error}")
    results.append({"problems": problems, "seen": sorted(seen)})
print(json.dumps(results))

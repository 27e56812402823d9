"""Reads a bulletin page with Python's HTML parser and prints its outline as JSON: h1s,
section languages, scripts, the items in order with whether each is marked overdue, and the
text of each language's section."""
import json
import sys
from html.parser import HTMLParser


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.scripts = 0
        self.sections = []
        self.items = []
        self.text = {}
        self.language = None
        self.in_item = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "script":
            self.scripts += 1
        elif tag == "section":
            self.language = attrs.get("lang")
            self.sections.append(self.language)
        elif tag == "li" and self.language == self.sections[0] if self.sections else False:
            self.items.append({"overdue": "overdue" in (attrs.get("class") or ""), "text": ""})
            self.in_item = True

    def handle_endtag(self, tag):
        if tag == "li":
            self.in_item = False
        elif tag == "section":
            self.language = None

    def handle_data(self, data):
        if self.language:
            self.text[self.language] = self.text.get(self.language, "") + data
        if self.in_item and self.items:
            self.items[-1]["text"] += data


outline = Outline()
outline.feed(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({
    "h1": outline.h1, "scripts": outline.scripts, "sections": outline.sections,
    "items": [{"overdue": item["overdue"], "text": " ".join(item["text"].split())} for item in outline.items],
    "text": {language: " ".join(text.split()) for language, text in outline.text.items()},
}))

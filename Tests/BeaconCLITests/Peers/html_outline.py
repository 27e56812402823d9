"""Reads an HTML digest on standard input the way a mail client's parser would and prints
its outline as JSON: headings, the language of each section, lists, scripts, and the text
each language's section holds. Used by the tests as an independent reader of Beacon's HTML."""
import json
import sys
from html.parser import HTMLParser


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.document_lang = None
        self.h1 = 0
        self.scripts = 0
        self.images = 0
        self.lists = 0
        self.sections = []
        self.text = {}
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.document_lang = attrs.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.images += 1
        if tag == "ul":
            self.lists += 1
        if tag == "section":
            self.sections.append(attrs.get("lang"))
            self.stack.append(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag == "section" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.text[self.stack[-1]] = self.text.get(self.stack[-1], "") + data


parser = Outline()
parser.feed(sys.stdin.read())
print(json.dumps({
    "lang": parser.document_lang, "h1": parser.h1, "scripts": parser.scripts, "images": parser.images,
    "lists": parser.lists, "sections": parser.sections,
    "text": {lang: " ".join(text.split()) for lang, text in parser.text.items()},
}))

"""Renders Markdown as chat tools and Markdown viewers do (markdown-it, CommonMark, with raw
HTML allowed: the worst case) and prints, for each file, the elements the HTML holds and its
text. A .json file is a webhook's post, whose "text" is the Markdown."""
import json
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


results = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as file:
        markdown = json.load(file)["text"] if path.endswith(".json") else file.read()
    reader = Text()
    reader.feed(MarkdownIt("commonmark", {"html": True}).render(markdown))
    reader.close()
    results.append({"elements": sorted(set(reader.elements)), "text": " ".join("".join(reader.parts).split())})
print(json.dumps(results))

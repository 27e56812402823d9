"""Reads a feed file twice, independently: with feedparser (as a feed reader would) and with
the standard library's XML parser (which rejects anything not well-formed). Prints JSON.

"shown" is what a reader displays: a value feedparser takes as HTML is rendered and reduced
to its text, with any element it holds listed under "elements"; plain text is shown as it is."""
import json
import sys
import time
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import feedparser


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.elements = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def shown(detail):
    if detail is None:
        return None
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        reader = Text()
        reader.feed(detail["value"])
        reader.close()
        return {"text": "".join(reader.parts), "elements": reader.elements}
    return {"text": detail["value"], "elements": []}


path = sys.argv[1]
parsed = feedparser.parse(path)
tree = ElementTree.parse(path)
channel = tree.getroot().find("channel")
atom = "{http://www.w3.org/2005/Atom}link"
content = "{http://purl.org/rss/1.0/modules/content/}encoded"
print(json.dumps({
    "bozo": bool(parsed.bozo),
    "bozo_exception": str(parsed.get("bozo_exception", "")),
    "title": parsed.feed.get("title"),
    "shown_title": shown(parsed.feed.get("title_detail")),
    "shown_description": shown(parsed.feed.get("subtitle_detail")),
    "language": parsed.feed.get("language"),
    "self_link": channel.find(atom).get("href"),
    "entries": [{
        "title": entry.get("title"),
        "shown_title": shown(entry.get("title_detail")),
        "shown_summary": shown(entry.get("summary_detail")),
        "id": entry.get("id"),
        "published": time.strftime("%Y-%m-%d", entry.published_parsed) if entry.get("published_parsed") else None,
        "content": entry.content[0].value if entry.get("content") else None,
    } for entry in parsed.entries],
    "items": [{
        "title": item.findtext("title"),
        "guid": item.findtext("guid"),
        "guid_is_permalink": item.find("guid").get("isPermaLink"),
        "description": item.findtext("description"),
        "content": item.findtext(content),
    } for item in channel.findall("item")],
}))

"""Reads a feed file twice, independently: with feedparser (as a feed reader would) and with
the standard library's XML parser (which rejects anything not well-formed). Prints JSON."""
import json
import sys
import time
import xml.etree.ElementTree as ElementTree

import feedparser

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
    "language": parsed.feed.get("language"),
    "self_link": channel.find(atom).get("href"),
    "entries": [{
        "title": entry.get("title"),
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

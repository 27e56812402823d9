"""Exits 0 when every feed file named parses cleanly with feedparser and the standard XML
parser and holds at least one item; otherwise prints what is wrong and exits 1."""
import sys
import xml.etree.ElementTree as ElementTree

import feedparser

problems = []
for path in sys.argv[1:]:
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append(f"{path}: {parsed.bozo_exception}")
    try:
        if not ElementTree.parse(path).getroot().findall("channel/item"):
            problems.append(f"{path}: no items")
    except ElementTree.ParseError as error:
        problems.append(f"{path}: {error}")
print("\n".join(problems))
sys.exit(1 if problems else 0)

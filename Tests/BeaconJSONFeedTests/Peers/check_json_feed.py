"""Checks JSON Feed 1.1 files against the spec's rules (https://jsonfeed.org/version/1.1) and
prints, as JSON, each file's problems and its item ids, titles and dates."""
import json
import sys
from datetime import datetime

report = {}
for path in sys.argv[1:]:
    problems = []
    with open(path, encoding="utf-8") as handle:
        feed = json.load(handle)
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version is not https://jsonfeed.org/version/1.1")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("title must be a non-empty string")
    for key in ("home_page_url", "feed_url", "description", "language"):
        if key in feed and not isinstance(feed[key], str):
            problems.append(f"{key} must be a string")
    items = feed.get("items")
    if not isinstance(items, list):
        problems.append("items must be an array")
        items = []
    ids = [item.get("id") for item in items]
    if len(set(ids)) != len(ids):
        problems.append("item ids are not unique")
    for item in items:
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append("an item id is not a non-empty string")
        if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
            problems.append(f"{item.get('id')}: needs content_html or content_text")
        try:
            datetime.fromisoformat(item.get("date_published", "").replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"{item.get('id')}: date_published is not RFC 3339")
    report[path] = {
        "problems": problems, "title": feed.get("title"), "language": feed.get("language"),
        "ids": ids, "titles": [item.get("title") for item in items],
        "html": [item.get("content_html", "") for item in items],
    }
print(json.dumps(report))

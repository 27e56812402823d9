#!/usr/bin/python3
"""Beacon's digests the way a fund team would write them in plain Python.

The performance baseline for Beacon: reads the same Config/ folder (settings, register CSV
files, audiences, subscribers, digest definitions), picks the same items for every email copy
of every digest dated --as-of, renders text and HTML with Jinja2, builds MIME messages with
the standard library, and prints how long each stage took.

    /usr/bin/python3 Tests/Baseline/digests.py --config DATA/Config/beacon.yml --as-of 2026-12-01 \
        [--keys FILE] [--smtp HOST:PORT --messages N]

The selection rules follow Sources/BeaconCore/Targeting (see README.md next to this file).
"""

import argparse
import base64
import csv
import datetime
import email.charset
import email.policy
import email.utils
import hashlib
import hmac
import math
import os
import re
import smtplib
import sys
import time
from dataclasses import dataclass, field
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import jinja2
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Fixed vocabularies, in Beacon's declaration order (sectors sort in this order).

SECTORS = {
    "health": ("Health", "Iechyd"),
    "local-government": ("Local government", "Llywodraeth leol"),
    "further-education": ("Further education", "Addysg bellach"),
    "higher-education": ("Higher education", "Addysg uwch"),
    "fire-and-rescue": ("Fire and rescue", "Tân ac achub"),
    "police": ("Police", "Plismona"),
    "national-park": ("National parks", "Parciau cenedlaethol"),
    "sponsored-body": ("Sponsored bodies", "Cyrff a noddir"),
    "central-government": ("Central government", "Llywodraeth ganolog"),
}
SECTOR_ORDER = {name: index for index, name in enumerate(SECTORS)}
REGIONS = {
    "north-wales": ("North Wales", "Gogledd Cymru"),
    "mid-wales": ("Mid Wales", "Canolbarth Cymru"),
    "south-west-wales": ("South West Wales", "De-orllewin Cymru"),
    "south-east-wales": ("South East Wales", "De-ddwyrain Cymru"),
    "all-wales": ("All Wales", "Cymru gyfan"),
}
SIZES = {"small", "medium", "large"}
PROJECT_STATUSES = {"approved", "in-progress", "completed", "repaying", "repaid", "withdrawn"}
EVALUATION_KINDS = {"none", "internal", "independent"}
RAG = {"green": ("On track", "Ar y trywydd iawn"), "amber": ("Some concerns", "Rhai pryderon"),
       "red": ("At risk", "Mewn perygl")}
NOTICE_KINDS = {"funding-round": ("Funding round", "Cylch cyllido"), "open-day": ("Open day", "Diwrnod agored"),
                "seminar": ("Seminar", "Seminar"), "deadline": ("Deadline", "Dyddiad cau")}
ACTION_STATUSES = {"open", "done", "dropped"}
AUDIENCE_KINDS = {"finance-portfolio-holder", "director", "network"}
FREQUENCIES = {"weekly", "fortnightly", "monthly", "quarterly", "per-meeting"}
LANGUAGES = {"cy": ["cy"], "en": ["en"], "both": ["cy", "en"]}  # reading order: Welsh first
ALL_SECTIONS = ["fund-figures", "actions", "highlights", "similar-projects", "notices"]

# Selection constants (DigestAssembler, ProjectSimilarity).
NOTICE_HORIZON_DAYS = 120
MATCHES_PER_PROJECT = 2
SIMILARITY_THRESHOLD = 0.34
STOP_WORDS = {
    "the", "and", "for", "with", "from", "into", "that", "this", "our", "their", "its", "are", "was",
    "will", "new", "use", "using", "project", "service", "services", "across", "more", "less", "per",
    "one", "two", "three",
}


# ---------------------------------------------------------------------------------------------
# Dates and money

def parse_date(text):
    """ISO `2026-04-01` or the day-first `01/04/2026` spreadsheets export; None otherwise."""
    text = text.strip()
    for separator, widths, order in (("-", (4, 2, 2), (0, 1, 2)), ("/", (2, 2, 4), (2, 1, 0))):
        parts = text.split(separator)
        if len(parts) == 3 and all(len(p) == w and p.isascii() and p.isdigit() for p, w in zip(parts, widths)):
            try:
                return datetime.date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                return None
    return None


def add_months(date, months):
    """Calendar months, clamped to the month's last day (31 March - 1 month = 28/29 February)."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(date.day, last_day))


def window_start(frequency, end):
    """First day of the window a frequency gives for an issue dated `end`."""
    if frequency == "weekly":
        return end - datetime.timedelta(days=7)
    if frequency == "fortnightly":
        return end - datetime.timedelta(days=14)
    if frequency == "monthly":
        return add_months(end, -1)
    return add_months(end, -3)  # quarterly, per-meeting


MONEY = re.compile(r"£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?")


def parse_pence(text):
    """`£1,250,000`, `1250000.50` → whole pence; None for anything else."""
    match = MONEY.fullmatch(text.strip())
    if not match:
        return None
    fraction = match.group(2) or "0"
    return int(match.group(1).replace(",", "")) * 100 + int(fraction.ljust(2, "0"))


def pounds(pence):
    """`£1,250,000` for whole pounds, `£1,250,000.50` otherwise."""
    whole, rest = divmod(pence, 100)
    return f"£{whole:,}" if rest == 0 else f"£{whole:,}.{rest:02d}"


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
CY_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
             "Hydref", "Tachwedd", "Rhagfyr"]


def month_year(date, lang):
    return f"{(CY_MONTHS if lang == 'cy' else EN_MONTHS)[date.month - 1]} {date.year}"


def date_words(date, lang):
    return f"{date.day} {month_year(date, lang)}"


# ---------------------------------------------------------------------------------------------
# The model

@dataclass(slots=True)
class Text:
    """Reader-facing text; Welsh may be missing, and then the English is shown, marked."""
    en: str
    cy: str = None

    def resolved(self, lang):
        if lang == "cy" and self.cy is not None:
            return self.cy, "cy"
        return self.en, "en"


@dataclass(slots=True)
class Organisation:
    name: str
    sector: str
    region: str
    size: str
    key: str = ""  # the name as people compare it: case and spacing do not matter

    def __post_init__(self):
        self.key = " ".join(self.name.lower().split())


@dataclass(slots=True)
class Contact:
    name: str
    role: str
    email: str
    phone: str
    confirmed_on: datetime.date


@dataclass(slots=True, eq=False)
class Project:
    id: str
    fund: str
    title: Text
    summary: Text
    organisation: Organisation
    themes: list
    investment: int
    projected_savings: int
    achieved_savings: int
    status: str
    approved_on: datetime.date
    completed_on: datetime.date
    evaluation: str
    evaluated_on: datetime.date
    evaluation_summary: Text
    contact: Contact
    link: str
    # The project's own part of every reader's relevance: how it was evaluated, what it saved.
    own_reasons: list = field(default_factory=list)
    own_score: int = 0
    # What a reader's relevance depends on: the organisation as compared, and the theme list.
    organisation_profile: tuple = None
    themes_key: tuple = None


@dataclass(slots=True)
class Update:
    id: str
    project: str
    reported_on: datetime.date
    milestone: Text
    rag: str
    savings_to_date: int
    next_steps: Text


@dataclass(slots=True)
class Lesson:
    id: str
    project: str
    recorded_on: datetime.date
    worked: Text
    went_wrong: Text
    overcome: Text


@dataclass(slots=True)
class Notice:
    id: str
    fund: str
    kind: str
    title: Text
    details: Text
    published_on: datetime.date
    event_on: datetime.date
    sectors: list
    link: str


@dataclass(slots=True)
class Action:
    id: str
    network: str
    action: Text
    owner: str
    raised_on: datetime.date
    due_on: datetime.date
    status: str
    closed_on: datetime.date
    project: str


@dataclass(slots=True)
class Audience:
    id: str
    kind: str
    name: Text
    sectors: list
    themes: list
    meetings: list
    list_address: str


@dataclass(slots=True)
class Subscriber:
    id: str
    name: str
    email: str
    audience: str
    organisation: Organisation
    interests: list
    language: str
    channels: list
    frequency: str
    consent_on: datetime.date
    unsubscribed_on: datetime.date

    @property
    def reachable(self):
        return self.consent_on is not None and self.unsubscribed_on is None


@dataclass(slots=True)
class Digest:
    id: str
    title: Text
    audiences: list
    frequency: str
    channels: list
    items: int
    words: int
    sections: list
    funds: list
    send_when_empty: bool


@dataclass(slots=True)
class Reader:
    """Who an issue is assembled for: a subscriber, or a network's mailing list."""
    key: str  # the recipient key: subscriber id or list:<network>
    name: str
    email: str
    audience: Audience
    organisation: Organisation  # None for a mailing list
    interests: frozenset
    language: str
    frequency: str
    network: Audience  # the audience when it is a network
    sectors: frozenset  # the reader's own sector, or the network's


@dataclass
class Config:
    base: str
    programme: Text
    team_name: Text
    team_email: str
    team_phone: str
    data_folder: str
    stale_months: int
    public_base_url: str
    email_settings: dict
    funds: dict = None
    themes: dict = None
    projects: list = None
    updates: list = None
    lessons: list = None
    notices: list = None
    actions: list = None
    audiences: dict = None
    subscribers: list = None
    digests: list = None


# ---------------------------------------------------------------------------------------------
# Reading and validating the input. Every problem is collected, as `beacon check` does, and
# the run stops if there is any.

class InvalidConfiguration(Exception):
    pass


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAK = re.compile("[\r\n]")
EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*"
                   r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}")


class Fields:
    """Typed values out of one record (a CSV row or a flattened YAML mapping), reporting
    problems with file, line and field and carrying on."""

    def __init__(self, values, where, problems, csv_style):
        self.values = values  # field -> str or list
        self.where = where
        self.problems = problems
        self.csv_style = csv_style

    def report(self, name, message):
        self.problems.append(f"{self.where}: {name}: {message}")

    def has(self, name):
        return name in self.values

    def string(self, name, required=True, multiline=False):
        value = self.values.get(name)
        if isinstance(value, list):
            value = "; ".join(value)
        value = (value or "").strip()
        if not value:
            if required:
                self.report(name, "is required")
            return None
        if multiline and "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if CONTROL.search(value) or (not multiline and LINE_BREAK.search(value)):
            self.report(name, "holds a line break or control character")
            return None
        return value

    def localized(self, base, required=True, multiline=False):
        suffix = ("_en", "_cy") if self.csv_style else (".en", ".cy")
        english = self.string(base + suffix[0], required, multiline)
        welsh = self.string(base + suffix[1], False, multiline)
        if english is None:
            if welsh is not None:
                self.report(base + suffix[0], "Welsh text is given but the English text is empty")
            return None
        return Text(english, welsh)

    def date(self, name, required=True):
        text = self.string(name, required)
        if text is None:
            return None
        value = parse_date(text)
        if value is None:
            self.report(name, f"{text!r} is not a date")
        return value

    def money(self, name, required=True):
        text = self.string(name, required)
        if text is None:
            return None
        value = parse_pence(text)
        if value is None:
            self.report(name, f"{text!r} is not an amount of money")
        return value

    def choice(self, name, allowed, required=True, default=None):
        text = self.string(name, required and default is None)
        if text is None:
            return default
        if text.lower() not in allowed:
            self.report(name, f"{text!r} is not one of {', '.join(sorted(allowed))}")
            return None
        return text.lower()

    def items(self, name, required=False):
        value = self.values.get(name)
        if value is None:
            items = []
        elif isinstance(value, list):
            items = [item.strip() for item in value if item.strip()]
        else:
            items = [item.strip() for item in value.split(";") if item.strip()]
        if required and not items:
            self.report(name, "is required")
        return items

    def choices(self, name, allowed, required=False):
        result = []
        for item in self.items(name, required):
            if item.lower() in allowed:
                result.append(item.lower())
            else:
                self.report(name, f"{item!r} is not one of {', '.join(sorted(allowed))}")
        return result

    def references(self, name, known, kind, required=False):
        result = []
        for item in self.items(name, required):
            if item in known:
                result.append(item)
            else:
                self.report(name, f"{item!r} is not a known {kind}")
        return result

    def reference(self, name, known, kind, required=True):
        text = self.string(name, required)
        if text is not None and text not in known:
            self.report(name, f"{text!r} is not a known {kind}")
            return None
        return text

    def email(self, name, required=True):
        text = self.string(name, required)
        if text is not None and (not text.isascii() or not EMAIL.fullmatch(text)):
            self.report(name, f"{text!r} is not an email address")
            return None
        return text

    def url(self, name):
        text = self.string(name, False)
        if text is None:
            return None
        lower = text.lower()
        if not lower.startswith(("https://", "http://")) or len(text) <= 8 or any(c in text for c in ' "<>'):
            self.report(name, f"{text!r} is not a web address")
            return None
        return text

    def positive_int(self, name, default):
        text = self.string(name, False)
        if text is None:
            return default
        if not text.isdigit() or int(text) <= 0:
            self.report(name, f"{text!r} is not a positive whole number")
            return default
        return int(text)

    def claim(self, name, seen):
        """The record's id, which must not repeat an earlier one."""
        text = self.string(name)
        if text is None:
            return None
        if text in seen:
            self.report(name, f"{text!r} is used twice")
            return None
        seen.add(text)
        return text


def csv_records(path, required, optional, problems):
    """Each data row of a register CSV file as a Fields, after checking the header."""
    display = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, strict=True))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        problems.append(f"{display}: {error}")
        return
    if not rows:
        problems.append(f"{display}: the file is empty; it needs a header row")
        return
    header = [name.strip().lower() for name in rows[0]]
    known = set(required) | set(optional)
    bad = [name for name in header if name not in known] + [name for name in required if name not in header]
    if bad or len(set(header)) != len(header):
        problems.append(f"{display}: unknown, missing or repeated columns: {', '.join(bad) or 'repeated'}")
        return
    for number, row in enumerate(rows[1:], start=2):
        if all(not value.strip() for value in row):
            continue
        if len(row) != len(header):
            problems.append(f"{display}:{number}: {len(row)} fields, expected {len(header)}")
            continue
        yield Fields(dict(zip(header, row)), f"{display}:{number}", problems, csv_style=True)


def flatten(node, path, into):
    """A YAML mapping as dotted keys (`title.en`, `budget.items`), as Beacon reads it."""
    if isinstance(node, dict):
        for key, value in node.items():
            flatten(value, f"{path}.{key}" if path else str(key), into)
    elif isinstance(node, list):
        into[path] = ["" if item is None else str(item) for item in node if not isinstance(item, (dict, list))]
    elif node is not None and str(node) not in ("", "~", "null", "Null", "NULL"):
        into[path] = str(node)


def yaml_records(path, key, problems):
    """The records listed under the file's one top-level key, flattened."""
    display = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as handle:
            # Every scalar stays text, as Beacon reads it: dates and numbers are checked by field.
            root = yaml.load(handle, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.append(f"{display}: {error}")
        return
    if not isinstance(root, dict) or list(root) != [key] or not isinstance(root[key], list):
        problems.append(f"{display}: expected one top-level key, {key}:, holding a list")
        return
    for number, item in enumerate(root[key], start=1):
        values = {}
        flatten(item, "", values)
        yield Fields(values, f"{display} entry {number}", problems, csv_style=False)


def read_settings(path, problems):
    display = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as handle:
            root = yaml.load(handle, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InvalidConfiguration(f"{display}: {error}")
    values = {}
    flatten(root, "", values)
    settings = Fields(values, display, problems, csv_style=False)
    base = os.path.dirname(os.path.abspath(path))
    config = Config(
        base=base,
        programme=settings.localized("programme"),
        team_name=settings.localized("fund_team.name"),
        team_email=settings.email("fund_team.email"),
        team_phone=settings.string("fund_team.phone", False),
        data_folder=os.path.join(base, settings.string("data", False) or "../Digests"),
        stale_months=settings.positive_int("stale_contact_months", 12),
        public_base_url=settings.url("public_base_url"),
        email_settings={name[len("email."):]: value for name, value in values.items() if name.startswith("email.")})
    files = {name: os.path.join(base, settings.string(name, False) or default) for name, default in
             (("register", "register"), ("audiences", "audiences.yml"), ("digests", "digests.yml"))}
    files["subscribers"] = [os.path.join(base, name) for name in settings.items("subscribers") or ["subscribers.yml"]]
    return config, files


def project_from(row, seen, funds, themes):
    organisation = organisation_from(row, "organisation")
    evaluation = row.choice("evaluation", EVALUATION_KINDS)
    evaluated_on = evaluation_summary = None
    if evaluation not in (None, "none"):
        evaluated_on = row.date("evaluated_on")
        evaluation_summary = row.localized("evaluation_summary", multiline=True)
    elif evaluation == "none" and (row.string("evaluated_on", False) or row.string("evaluation_summary_en", False)):
        row.report("evaluation", "evaluation details are filled in but evaluation is \"none\"")
    project = Project(
        id=row.claim("project_id", seen), fund=row.reference("fund_id", funds, "fund"),
        title=row.localized("title"), summary=row.localized("summary", False, True), organisation=organisation,
        themes=row.references("themes", themes, "theme", required=True), investment=row.money("investment"),
        projected_savings=row.money("projected_savings"), achieved_savings=row.money("achieved_savings", False),
        status=row.choice("status", PROJECT_STATUSES), approved_on=row.date("approved_on"),
        completed_on=row.date("completed_on", False), evaluation=evaluation, evaluated_on=evaluated_on,
        evaluation_summary=evaluation_summary, contact=contact_from(row), link=row.url("link"))
    if project.completed_on and project.approved_on and project.completed_on < project.approved_on:
        row.report("completed_on", "is before approved_on")
    needed = (project.id, project.fund, project.title, organisation, project.themes, project.investment,
              project.projected_savings, project.status, project.approved_on, evaluation, project.contact)
    if any(value is None for value in needed) or not project.themes:
        return None
    if evaluation != "none" and (evaluated_on is None or evaluation_summary is None):
        return None
    return project


def organisation_from(row, name_field):
    name = row.string(name_field)
    sector = row.choice("sector", SECTORS)
    region = row.choice("region", REGIONS)
    size = row.choice("organisation_size", SIZES, required=False)
    return Organisation(name, sector, region, size) if name and sector and region else None


def contact_from(row):
    contact = Contact(row.string("contact_name"), row.string("contact_role", False), row.email("contact_email"),
                      row.string("contact_phone", False), row.date("contact_confirmed_on"))
    return contact if contact.name and contact.email and contact.confirmed_on else None


def update_from(row, seen, projects):
    update = Update(
        id=row.claim("update_id", seen), project=row.reference("project_id", projects, "project"),
        reported_on=row.date("reported_on"), milestone=row.localized("milestone", multiline=True),
        rag=row.choice("rag", RAG), savings_to_date=row.money("savings_to_date", False),
        next_steps=row.localized("next_steps", False, True))
    return update if None not in (update.id, update.project, update.reported_on, update.milestone, update.rag) else None


def lesson_from(row, seen, projects):
    lesson = Lesson(
        id=row.claim("lesson_id", seen), project=row.reference("project_id", projects, "project"),
        recorded_on=row.date("recorded_on"), worked=row.localized("worked", False, True),
        went_wrong=row.localized("went_wrong", False, True), overcome=row.localized("overcome", False, True))
    if lesson.worked is None and lesson.went_wrong is None:
        row.report("worked_en", "a lesson needs worked_en or went_wrong_en")
        return None
    return lesson if None not in (lesson.id, lesson.project, lesson.recorded_on) else None


def notice_from(row, seen, funds):
    notice = Notice(
        id=row.claim("notice_id", seen), fund=row.reference("fund_id", funds, "fund"),
        kind=row.choice("kind", NOTICE_KINDS), title=row.localized("title"),
        details=row.localized("details", False, True), published_on=row.date("published_on"),
        event_on=row.date("event_on", False), sectors=row.choices("sectors", SECTORS), link=row.url("link"))
    return notice if None not in (notice.id, notice.fund, notice.kind, notice.title, notice.published_on) else None


def action_from(row, seen, networks, projects):
    action = Action(
        id=row.claim("action_id", seen), network=row.reference("network_id", networks, "network"),
        action=row.localized("action", multiline=True), owner=row.string("owner"),
        raised_on=row.date("raised_on"), due_on=row.date("due_on"), status=row.choice("status", ACTION_STATUSES),
        closed_on=row.date("closed_on", False), project=row.reference("project_id", projects, "project", False))
    if action.status == "open" and action.closed_on is not None:
        row.report("closed_on", "is filled in but the status is \"open\"")
    elif action.status not in (None, "open") and action.closed_on is None:
        row.report("closed_on", f"is required when the status is \"{action.status}\"")
    if action.raised_on and action.due_on and action.due_on < action.raised_on:
        row.report("due_on", "is before raised_on")
    needed = (action.id, action.network, action.action, action.owner, action.raised_on, action.due_on, action.status)
    return action if None not in needed else None


def audience_from(row, seen, themes):
    audience = Audience(
        id=row.claim("id", seen), kind=row.choice("kind", AUDIENCE_KINDS), name=row.localized("name"),
        sectors=row.choices("sectors", SECTORS), themes=row.references("themes", themes, "theme"),
        meetings=sorted(filter(None, (parse_date(text) for text in row.items("meetings")))),
        list_address=row.email("list_address", False))
    return audience if None not in (audience.id, audience.kind, audience.name) else None


def subscriber_from(row, id_field, seen, audiences, themes):
    subscriber = Subscriber(
        id=row.claim(id_field, seen), name=row.string("name"), email=row.email("email"),
        audience=row.reference("audience", audiences, "audience"), organisation=organisation_from(row, "organisation"),
        interests=row.references("interests", themes, "theme"), language=row.choice("language", LANGUAGES, default="both"),
        channels=row.items("channels"), frequency=row.choice("frequency", FREQUENCIES, required=False),
        consent_on=row.date("consent_on", False), unsubscribed_on=row.date("unsubscribed_on", False))
    if subscriber.frequency == "per-meeting":
        row.report("frequency", "per-meeting is a digest frequency, not a reader's")
    if subscriber.consent_on is None and subscriber.unsubscribed_on is None:
        row.report("consent_on", "no consent recorded")
    needed = (subscriber.id, subscriber.name, subscriber.email, subscriber.audience, subscriber.organisation,
              subscriber.language)
    return subscriber if None not in needed else None


def digest_from(row, seen, audiences, funds):
    sections = row.choices("sections", ALL_SECTIONS, required=True) if row.has("sections") else list(ALL_SECTIONS)
    digest = Digest(
        id=row.claim("id", seen), title=row.localized("title"),
        audiences=row.references("audiences", audiences, "audience", required=True),
        frequency=row.choice("frequency", FREQUENCIES), channels=row.items("channels", required=True),
        items=row.positive_int("budget.items", 8), words=row.positive_int("budget.words", 450), sections=sections,
        funds=row.references("funds", funds, "fund"),
        send_when_empty=(row.string("send_when_empty", False) or "false").lower() in ("true", "yes"))
    row.string("schedule")  # when issues go is the scheduler's business; here it only must be there
    if digest.frequency == "per-meeting" and any(audiences[a].kind != "network" for a in digest.audiences):
        row.report("audiences", "per-meeting digests are for networks")
    if "actions" in sections and not any(audiences[a].kind == "network" for a in digest.audiences):
        row.report("sections", "the actions section needs a network audience")
    needed = (digest.id, digest.title, digest.frequency)
    return digest if None not in needed and digest.audiences and digest.channels else None


def load(path):
    """The whole configuration, validated and cross-referenced; raises on any problem."""
    problems = []
    config, files = read_settings(path, problems)
    register = files["register"]

    def table(name, required, optional, make):
        rows = csv_records(os.path.join(register, name), required, optional, problems)
        return [record for record in map(make, rows) if record is not None]

    seen = set()
    funds = table("funds.csv", ["fund_id", "name_en"], ["name_cy"],
                  lambda r: (r.claim("fund_id", seen), r.localized("name")))
    config.funds = {fund_id: name for fund_id, name in funds if fund_id and name}
    seen = set()
    themes = table("themes.csv", ["theme_id", "label_en"], ["label_cy"],
                   lambda r: (r.claim("theme_id", seen), r.localized("label")))
    config.themes = {theme_id: label for theme_id, label in themes if theme_id and label}
    seen = set()
    config.projects = table(
        "projects.csv",
        ["project_id", "fund_id", "title_en", "organisation", "sector", "region", "themes", "investment",
         "projected_savings", "status", "approved_on", "evaluation", "contact_name", "contact_email",
         "contact_confirmed_on"],
        ["title_cy", "summary_en", "summary_cy", "organisation_size", "achieved_savings", "completed_on",
         "evaluated_on", "evaluation_summary_en", "evaluation_summary_cy", "contact_role", "contact_phone", "link"],
        lambda r: project_from(r, seen, config.funds, config.themes))
    project_ids = {project.id for project in config.projects}
    seen = set()
    config.updates = table(
        "updates.csv", ["update_id", "project_id", "reported_on", "milestone_en", "rag"],
        ["milestone_cy", "savings_to_date", "next_steps_en", "next_steps_cy"],
        lambda r: update_from(r, seen, project_ids))
    seen = set()
    config.lessons = table(
        "lessons.csv", ["lesson_id", "project_id", "recorded_on"],
        ["worked_en", "worked_cy", "went_wrong_en", "went_wrong_cy", "overcome_en", "overcome_cy"],
        lambda r: lesson_from(r, seen, project_ids))
    seen = set()
    config.notices = table(
        "notices.csv", ["notice_id", "fund_id", "kind", "title_en", "published_on"],
        ["title_cy", "details_en", "details_cy", "event_on", "sectors", "link"],
        lambda r: notice_from(r, seen, config.funds))

    seen = set()
    audiences = [a for a in map(lambda r: audience_from(r, seen, config.themes),
                                yaml_records(files["audiences"], "audiences", problems)) if a]
    config.audiences = {audience.id: audience for audience in audiences}
    networks = {audience.id for audience in audiences if audience.kind == "network"}
    seen = set()
    config.actions = table(
        "actions.csv", ["action_id", "network_id", "action_en", "owner", "raised_on", "due_on", "status"],
        ["action_cy", "closed_on", "project_id"], lambda r: action_from(r, seen, networks, project_ids))

    seen = set()
    config.subscribers = []
    for name in files["subscribers"]:
        if name.lower().endswith(".csv"):
            rows = csv_records(name, ["subscriber_id", "name", "email", "audience", "organisation", "sector", "region"],
                               ["organisation_size", "interests", "language", "channels", "frequency", "consent_on",
                                "unsubscribed_on"], problems)
            id_field = "subscriber_id"
        else:
            rows, id_field = yaml_records(name, "subscribers", problems), "id"
        for row in rows:
            subscriber = subscriber_from(row, id_field, seen, config.audiences, config.themes)
            if subscriber:
                config.subscribers.append(subscriber)

    seen = set()
    config.digests = [d for d in map(lambda r: digest_from(r, seen, config.audiences, config.funds),
                                     yaml_records(files["digests"], "digests", problems)) if d]
    if problems:
        raise InvalidConfiguration("\n".join(problems[:50]) + (f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""))
    for project in config.projects:
        project.own_reasons = own_reasons(project)
        project.own_score = sum(weight for weight, _ in project.own_reasons)
        org = project.organisation
        project.organisation_profile = (org.key, org.sector, org.region, org.size)
        project.themes_key = tuple(project.themes)
    return config


# ---------------------------------------------------------------------------------------------
# Similarity: shared themes (rarer ones weigh more) plus shared words in titles and summaries.

LETTERS_OR_DIGITS = re.compile(r"[^\W_]+")  # runs of letters and numbers


def project_words(project):
    """Lower-cased English words of three letters or more, crudely singularised."""
    text = (project.title.en + " " + (project.summary.en if project.summary else "")).lower()
    words = set()
    for raw in LETTERS_OR_DIGITS.findall(text):
        if len(raw) < 3:
            continue
        if len(raw) > 4 and raw.endswith("s") and not raw.endswith("ss"):
            raw = raw[:-1]
        if raw not in STOP_WORDS:
            words.add(raw)
    return frozenset(words)


class Similarity:
    """Scores between projects by position in the register, as Beacon computes them."""

    def __init__(self, projects):
        self.projects = projects
        self.position = {}
        for index, project in enumerate(projects):
            self.position.setdefault(project.id, index)
        themes = sorted({theme for project in projects for theme in project.themes})
        number = {theme: index for index, theme in enumerate(themes)}
        counts = [0] * len(themes)
        self.masks = []
        for project in projects:
            mask = 0
            for theme in set(project.themes):
                mask |= 1 << number[theme]
                counts[number[theme]] += 1
            self.masks.append(mask)
        self.weights = [math.log(1 + len(projects) / count) for count in counts]
        self.words = [project_words(project) for project in projects]
        self.word_counts = [len(words) for words in self.words]
        # Theme scores by pair of theme sets: projects share a few dozen combinations.
        self.theme_scores = {}

    def theme_score(self, a, b):
        """Shared weight over combined weight, each summed in sorted theme order as Beacon does
        (a plain sum() would differ: Python sums floats with compensation)."""
        union = shared = 0.0
        either, both = a | b, a & b
        bit = 0
        while either >> bit:
            if (either >> bit) & 1:
                union += self.weights[bit]
            bit += 1
        bit = 0
        while both >> bit:
            if (both >> bit) & 1:
                shared += self.weights[bit]
            bit += 1
        return 0.0 if union == 0 else shared / union

    def score(self, a, b):
        """0 (nothing in common) to 1: 60% themes, 40% words."""
        key = (self.masks[a], self.masks[b])
        themes = self.theme_scores.get(key)
        if themes is None:
            themes = self.theme_scores[key] = self.theme_score(*key)
        count_a, count_b = self.word_counts[a], self.word_counts[b]
        text = 0.0 if not count_a or not count_b else \
            len(self.words[a] & self.words[b]) / math.sqrt(float(count_a * count_b))
        return 0.6 * themes + 0.4 * text

    def scores(self, a, others):
        """score(a, b) for each b in `others`: the same sums, in one loop, since matchmaking
        compares every pair of a large register."""
        mask_a, words_a, count_a = self.masks[a], self.words[a], self.word_counts[a]
        masks, words, counts, cache = self.masks, self.words, self.word_counts, self.theme_scores
        result = []
        for b in others:
            key = (mask_a, masks[b])
            themes = cache.get(key)
            if themes is None:
                themes = cache[key] = self.theme_score(*key)
            count_b = counts[b]
            text = 0.0 if not count_a or not count_b else len(words_a & words[b]) / math.sqrt(float(count_a * count_b))
            result.append(0.6 * themes + 0.4 * text)
        return result


# ---------------------------------------------------------------------------------------------
# Matchmaking: pairs of projects in different organisations worth a phone call.

@dataclass(slots=True)
class Pair:
    anchor: Project  # the reader's own project, or for a network the other side; may be None
    match: Project
    score: float
    introduces_both: bool
    weight: int = 0  # how much the pairing adds to the match's rank
    reason: tuple = None  # what the reader is told about it

    def __post_init__(self):
        self.weight = 10 + int(self.score * 30)
        if self.anchor is not None:
            self.reason = ("similarElsewhere", self.anchor.organisation.name) if self.introduces_both \
                else ("similarToYours", self.anchor.title)


def sort_pairs(similarity, pairs):
    """Strongest first; ties by the match's id, then the anchor's. Pairs are (anchor, match, score)."""
    ids = similarity.projects
    pairs.sort(key=lambda p: (-p[2], ids[p[1]].id, ids[p[0] if p[0] is not None else p[1]].id))
    return pairs


def anchored_pairs(similarity, live, organisation):
    """Each other organisation's project with the organisation's most similar one; None when the
    organisation has no live project."""
    projects = similarity.projects
    anchors = [p for p in live if projects[p].organisation.key == organisation]
    if not anchors:
        return None
    pairs = []
    for match in live:
        if projects[match].organisation.key == organisation:
            continue
        scores = similarity.scores(match, anchors)
        best_score = max(scores)
        if best_score >= SIMILARITY_THRESHOLD:
            # Among equally similar anchors, the one with the smallest id.
            best = min((a for a, s in zip(anchors, scores) if s == best_score), key=lambda a: projects[a].id)
            pairs.append((best, match, best_score))
    return sort_pairs(similarity, pairs)


def interest_pairs(similarity, live, interests):
    """For a reader whose organisation has no project: independently evaluated work in their interests."""
    projects = similarity.projects
    return [(None, p, 0.0) for p in live
            if projects[p].evaluation == "independent" and any(t in interests for t in projects[p].themes)]


def network_pairs(similarity, live, network):
    """Every pair in the network's scope from different organisations, the smaller id the anchor."""
    projects = similarity.projects
    everyone = not network.sectors and not network.themes
    scope = [p for p in live if everyone or projects[p].organisation.sector in network.sectors
             or any(t in network.themes for t in projects[p].themes)]
    pairs = []
    organisations = {p: projects[p].organisation.key for p in scope}
    for index, first in enumerate(scope):
        first_id = projects[first].id
        others = [p for p in scope[index + 1:] if organisations[p] != organisations[first]]
        for second, value in zip(others, similarity.scores(first, others)):
            if value >= SIMILARITY_THRESHOLD:
                pairs.append((first, second, value) if first_id < projects[second].id else (second, first, value))
    return sort_pairs(similarity, pairs)


class IssuePairs:
    """One set of candidate pairs within one issue's window: those with news on either side,
    strongest first, and which of them are shown (the same for every reader of the issue who has
    these candidates, so worked out once)."""

    def __init__(self, pairs, news, stale_limit, introduces_both):
        self.pairs = pairs  # (anchor, match, score) as projects: a network has millions, so no Pair yet
        self.news = news
        self.stale_limit = stale_limit
        self.introduces_both = introduces_both
        self.strongest_pairs = None
        self.shown_pairs = {}

    @property
    def strongest(self):
        """By match id, the match's strongest pair: its first, since pairs come strongest first."""
        if self.strongest_pairs is None:
            self.strongest_pairs = {}
            for anchor, match, score in self.pairs:
                if match.id not in self.strongest_pairs:
                    self.strongest_pairs[match.id] = Pair(anchor, match, score, self.introduces_both)
        return self.strongest_pairs

    def shown(self, show_all):
        """(pair, key, date, stale contact) for each pair shown. A subscriber's match with news of its
        own is already a highlight; a network sees every pair. Each project in at most two pairs."""
        if show_all not in self.shown_pairs:
            self.shown_pairs[show_all] = self.select(show_all)
        return self.shown_pairs[show_all]

    def select(self, show_all):
        appearances = {}
        shown = []
        for anchor, match, score in self.pairs:
            if not show_all and match.id in self.news:
                continue
            involved = [match] + ([anchor] if self.introduces_both and anchor else [])
            if any(appearances.get(p.id, 0) >= MATCHES_PER_PROJECT for p in involved):
                continue
            for p in involved:
                appearances[p.id] = appearances.get(p.id, 0) + 1
            pair = Pair(anchor, match, score, self.introduces_both)
            key = "match:" + (f"{pair.anchor.id}+" if pair.anchor else "") + pair.match.id
            date = max(pair.match.approved_on, pair.anchor.approved_on if pair.anchor else pair.match.approved_on)
            stale = next((p.contact.confirmed_on for p in involved if p.contact.confirmed_on < self.stale_limit), None)
            shown.append((pair, key, date, stale, -date.toordinal()))
        return shown


NO_PAIRS = IssuePairs([], {}, None, False)


# ---------------------------------------------------------------------------------------------
# Relevance: integer weights with the reasons shown to the reader.

def own_reasons(project):
    """The project's own part of every reader's relevance: evaluation and savings."""
    reasons = []
    if project.evaluation == "independent":
        reasons.append((15, ("independentlyEvaluated",)))
    elif project.evaluation == "internal":
        reasons.append((5, ("internallyEvaluated",)))
    if project.achieved_savings:
        reasons.append((10, ("savingsAchieved", project.achieved_savings)))
    return reasons


def reader_reasons(project, reader):
    """The reader's part of a project's relevance (Relevance.of before evaluation and savings),
    as (score, [(weight, reason), …])."""
    reasons = []
    score = 0
    org = project.organisation
    interests = reader.interests
    # Most projects share no theme with the reader: the set test is much cheaper than the list.
    shared = None if interests.isdisjoint(project.themes) else [t for t in project.themes if t in interests]
    own = reader.organisation
    if own is not None:
        if own.key == org.key:
            score += 50
            reasons.append((50, ("yourOrganisation",)))
        else:
            if own.sector == org.sector:
                score += 20
                reasons.append((20, ("sameSector", own.sector)))
                if own.size is not None and own.size == org.size:
                    score += 5
                    reasons.append((5, ("similarOrganisation",)))
            elif shared:
                score += 15
                reasons.append((15, ("crossSector", org.sector)))
            if own.region == org.region and own.region != "all-wales":
                score += 10
                reasons.append((10, ("sameRegion", own.region)))
    network = reader.network
    if network is not None:
        if org.sector in network.sectors:
            score += 20
            reasons.append((20, ("networkSector", org.sector)))
        if own is None and shared:
            score += 8 * min(len(shared), 3)
            reasons.append((8 * min(len(shared), 3), ("networkTheme", shared)))
    if own is not None and shared:
        score += 8 * min(len(shared), 3)
        reasons.append((8 * min(len(shared), 3), ("sharedInterest", shared)))
    return score, reasons


class ReaderWeights:
    """The score reader_reasons gives, worked out by what it depends on: the project's
    organisation (own, same sector and size, region, network sector) and its themes (shared
    interests), plus the one term needing both (a cross-sector idea needs a shared interest).
    A reader meets a few dozen organisations and theme lists among thousands of candidates, so
    each part is worked out once per reader; reasons are worded only for the items kept."""

    def __init__(self, reader):
        self.reader = reader
        self.organisations = {}
        self.themes = {}

    def score(self, project):
        org_part = self.organisations.get(project.organisation_profile)
        if org_part is None:
            org_part = self.organisations[project.organisation_profile] = self.organisation_part(project.organisation)
        theme_part = self.themes.get(project.themes_key)
        if theme_part is None:
            theme_part = self.themes[project.themes_key] = self.theme_part(project.themes)
        return org_part[0] + theme_part[0] + (15 if org_part[1] and theme_part[1] else 0)

    def organisation_part(self, org):
        """(score, whether a shared interest would make it a cross-sector idea)."""
        own, network = self.reader.organisation, self.reader.network
        score, cross = 0, False
        if own is not None and own.key == org.key:
            score += 50
        elif own is not None:
            if own.sector == org.sector:
                score += 20 + (5 if own.size is not None and own.size == org.size else 0)
            else:
                cross = True
            if own.region == org.region and own.region != "all-wales":
                score += 10
        if network is not None and org.sector in network.sectors:
            score += 20
        return score, cross

    def theme_part(self, themes):
        """(score, whether any theme is shared): shared interests, or a network's themes."""
        shared = sum(1 for theme in themes if theme in self.reader.interests)
        own, network = self.reader.organisation, self.reader.network
        score = 0
        if shared and (own is not None or network is not None):
            score = 8 * min(shared, 3)
        return score, shared > 0


def ranked_reasons(reasons):
    """Strongest first; equal weights keep the order they were added in (sort is stable)."""
    return [reason for _, reason in sorted(reasons, key=lambda wr: -wr[0])]


# ---------------------------------------------------------------------------------------------
# Items

@dataclass(slots=True)
class News:
    latest_update: Update
    newly_evaluated: bool
    lessons: list
    newly_approved: bool

    def lesson(self):
        """The lesson shown: the latest with something that went wrong, else the latest."""
        with_problems = [lesson for lesson in self.lessons if lesson.went_wrong is not None]
        return (with_problems or self.lessons or [None])[-1]


@dataclass(slots=True)
class Item:
    key: str
    section: str
    kind: str  # news, similar, notice, action
    project: Project  # the project whose contact the reader can call, if any
    date: datetime.date
    score: int
    reasons: list
    stale_since: datetime.date = None
    news: News = None
    anchor: Project = None
    introduce_both: bool = False
    notice: Notice = None
    action: Action = None

    @property
    def contact_projects(self):
        if self.kind == "similar":
            return [self.project] + ([self.anchor] if self.introduce_both and self.anchor else [])
        return [self.project] if self.project is not None else []


WORDS = re.compile(r"[^ \t\n\r]+")


def item_words(item):
    """Roughly how many English words the item takes on the page, for the budget (ItemWords.swift)."""
    if item.kind == "news":
        project, news = item.project, item.news
        lesson = news.lesson()
        texts = [project.title.en]
        if news.newly_evaluated:
            texts.append(project.evaluation_summary and project.evaluation_summary.en)
        else:
            update = news.latest_update
            texts += [project.summary.en if news.newly_approved and project.summary else None,
                      update.milestone.en if update else None,
                      update.next_steps.en if update and update.next_steps else None]
        if lesson is not None:
            if lesson.went_wrong is None:
                texts.append(lesson.worked and lesson.worked.en)
            else:
                texts += [lesson.went_wrong.en, lesson.overcome and lesson.overcome.en]
    elif item.kind == "similar":
        match = item.project
        texts = [match.title.en, match.summary and match.summary.en, item.anchor and item.anchor.title.en]
    elif item.kind == "notice":
        texts = [item.notice.title.en, item.notice.details and item.notice.details.en]
    else:
        texts = [item.action.action.en, item.action.owner]
    total = 6 + (8 if item.contact_projects else 0)
    return total + sum(len(WORDS.findall(text)) for text in texts if text)


# ---------------------------------------------------------------------------------------------
# Assembly

@dataclass
class IssueContext:
    """What every reader of one issue shares, worked out once per digest funds and window."""
    start: datetime.date
    end: datetime.date
    projects: list
    news: dict
    live: list  # not withdrawn: what the fund figures count and matchmaking pairs
    # Per project with news: (project, news, score before the reader's part, news reasons, date,
    # stale contact date, key, -date ordinal), from highlight_base.
    highlights: list
    figures: dict
    scope: str


@dataclass(slots=True)
class Issue:
    digest: Digest
    reader: Reader
    start: datetime.date
    end: datetime.date
    sections: list  # (section name, items)
    figures: dict
    omitted: int

    @property
    def empty(self):
        return not any(items for _, items in self.sections)


class Assembler:
    """Selects, ranks and trims what is new for each reader."""

    def __init__(self, config):
        self.config = config
        self.similarity = Similarity(config.projects)
        self.projects_by_id = {}
        for project in config.projects:
            self.projects_by_id.setdefault(project.id, project)
        self.contexts = {}
        self.candidates = {}  # matchmaking pairs by scope and organisation, interests or network
        self.reader_pairs = {}  # those pairs with news in an issue's window

    # -- what readers of an issue share

    def context(self, digest, start, end):
        funds = ",".join(sorted(digest.funds))
        key = (funds, start, end)
        if key not in self.contexts:
            self.contexts[key] = self.make_context(digest, start, end, funds)
        return self.contexts[key]

    def make_context(self, digest, start, end, funds):
        # Projects approved after the issue date do not exist yet for that issue.
        projects = [p for p in self.config.projects
                    if (not digest.funds or p.fund in digest.funds) and p.approved_on < end]
        news = self.news(projects, start, end)
        live = [p for p in projects if p.status != "withdrawn"]
        stale_limit = add_months(end, -self.config.stale_months)
        highlights = []
        for project in projects:
            if project.id in news:
                highlights.append(self.highlight_base(project, news[project.id], stale_limit))
        return IssueContext(start, end, projects, news, live, highlights, fund_figures(live), f"{funds}|{end}")

    def news(self, projects, start, end):
        """What is new about each project in [start, end): latest update, evaluation, lessons, approval."""
        latest = {}
        for update in self.config.updates:
            if start <= update.reported_on < end:
                current = latest.get(update.project)
                if current is None or (current.reported_on, current.id) < (update.reported_on, update.id):
                    latest[update.project] = update
        lessons = {}
        for lesson in self.config.lessons:
            if start <= lesson.recorded_on < end:
                lessons.setdefault(lesson.project, []).append(lesson)
        result = {}
        for project in projects:
            news = News(
                latest.get(project.id),
                project.evaluated_on is not None and start <= project.evaluated_on < end,
                sorted(lessons.get(project.id, []), key=lambda l: (l.recorded_on, l.id)),
                start <= project.approved_on < end)
            if news.latest_update or news.newly_evaluated or news.lessons or news.newly_approved:
                result[project.id] = news
        return result

    @staticmethod
    def highlight_base(project, news, stale_limit):
        """The reader-independent part of a project's highlight: base score, news reasons, date."""
        reasons = []
        base = 0
        if news.newly_evaluated:
            reasons.append((40, ("newlyEvaluated",)))
        if news.newly_approved:
            reasons.append((15, ("newlyApproved",)))
        if news.lessons:
            base = 35 if any(lesson.went_wrong is not None for lesson in news.lessons) else 30
        if news.latest_update:
            base = max(base, 20)
            if news.latest_update.rag == "red":
                reasons.append((5, ("atRisk",)))
        dates = [news.latest_update.reported_on if news.latest_update else None,
                 project.evaluated_on if news.newly_evaluated else None,
                 project.approved_on if news.newly_approved else None] + [l.recorded_on for l in news.lessons]
        fixed = base + project.own_score + sum(w for w, _ in reasons)
        stale = project.contact.confirmed_on if project.contact.confirmed_on < stale_limit else None
        date = max(d for d in dates if d is not None)
        return project, news, fixed, reasons, date, stale, f"project:{project.id}", -date.toordinal()

    # -- matchmaking, worked out once per scope and organisation (or interests, or network)

    def pairs(self, context, reader):
        """The reader's pairs within the issue's window (an IssuePairs)."""
        if reader.network is None and reader.organisation is not None:
            key = f"{context.scope}|organisation:{reader.organisation.key}"
            candidates = self.cached(key, lambda: anchored_pairs(self.similarity, self.live(context),
                                                                 reader.organisation.key))
            if candidates is None:
                interests = ",".join(sorted(reader.interests))
                key = f"{context.scope}|interests:{interests}"
                candidates = self.cached(key, lambda: interest_pairs(self.similarity, self.live(context),
                                                                     reader.interests))
            both = False
        elif reader.network is not None:
            key = f"{context.scope}|network:{reader.network.id}"
            candidates = self.cached(key, lambda: network_pairs(self.similarity, self.live(context), reader.network))
            both = True
        else:
            return NO_PAIRS
        window_key = (key, context.start, context.end)
        if window_key not in self.reader_pairs:
            stale_limit = add_months(context.end, -self.config.stale_months)
            self.reader_pairs[window_key] = IssuePairs(self.with_news(candidates, context.news),
                                                       context.news, stale_limit, both)
        return self.reader_pairs[window_key]

    def cached(self, key, make):
        if key not in self.candidates:
            self.candidates[key] = make()
        return self.candidates[key]

    def live(self, context):
        return [self.similarity.position[p.id] for p in context.live]

    def with_news(self, candidates, news):
        """Only pairs with news on one side, so an introduction is not repeated issue after issue."""
        projects = self.similarity.projects
        pairs = []
        for anchor, match, score in candidates or []:
            match_project = projects[match]
            anchor_project = projects[anchor] if anchor is not None else None
            if match_project.id in news or (anchor_project is not None and anchor_project.id in news):
                pairs.append((anchor_project, match_project, score))
        return pairs

    # -- one reader's issue

    def assemble(self, digest, reader, start, end):
        context = self.context(digest, start, end)
        pairs = self.pairs(context, reader)
        wanted = set(digest.sections)
        # (-score, -date, key, section, make, args): items are made only for what is kept.
        candidates = []
        if "highlights" in wanted:
            candidates += self.highlights(context, pairs.strongest, reader)
        if "similar-projects" in wanted:
            candidates += self.matches(context, pairs, reader)
        if "notices" in wanted:
            candidates += self.notices(digest, reader, start, end)
        if "actions" in wanted:
            candidates += self.actions(reader, start, end)
        candidates.sort()  # score and date descending, then key (keys are unique: nothing further is compared)
        # A network's actions are its follow-up between meetings: all listed, outside the budget.
        kept = [make(*args) for _, _, _, section, make, args in candidates if section == "actions"]
        budgeted = words = 0
        for _, _, _, section, make, args in candidates:
            if budgeted == digest.items:
                break
            if section == "actions":
                continue
            item = make(*args)
            size = item_words(item)
            if words + size <= digest.words:
                kept.append(item)
                budgeted += 1
                words += size
        sections = [(kind, [item for item in kept if item.section == kind])
                    for kind in digest.sections if kind != "fund-figures"]
        figures = None
        if "fund-figures" in wanted:
            figures = dict(context.figures, own=organisation_line(context.live, reader.organisation))
        return Issue(digest, reader, start, end, sections, figures, len(candidates) - len(kept))

    def highlights(self, context, strongest, reader):
        """One item per project with news; a project like the reader's own says so."""
        result = []
        use_pairs = reader.network is None
        weights = ReaderWeights(reader)
        for base in context.highlights:
            project, fixed, key, neg_date = base[0], base[2], base[6], base[7]
            score = fixed + weights.score(project)
            pair = strongest.get(project.id) if use_pairs else None
            if pair is not None and pair.anchor is not None:
                score += pair.weight
            else:
                pair = None
            result.append((-score, neg_date, key, "highlights", news_item, (base, score, reader, pair)))
        return result

    def matches(self, context, pairs, reader):
        """Matchmaking items, ranked by how much the match matters to the reader and how alike."""
        result = []
        show_all = reader.network is not None or reader.organisation is None
        weights = ReaderWeights(reader)
        for shown in pairs.shown(show_all):
            pair, key, neg_date = shown[0], shown[1], shown[4]
            score = 25 + pair.match.own_score + (pair.weight if pair.reason is not None else 0)
            score += weights.score(pair.match)
            result.append((-score, neg_date, key, "similar-projects", similar_item, (shown, score, reader)))
        return result

    def notices(self, digest, reader, start, end):
        """Notices published in the window, or coming up within the horizon, for the reader's sectors."""
        result = []
        for notice in self.config.notices:
            if digest.funds and notice.fund not in digest.funds:
                continue
            upcoming = notice.event_on is not None and notice.event_on >= end \
                and (notice.event_on - end).days <= NOTICE_HORIZON_DAYS
            if not (start <= notice.published_on < end or (upcoming and notice.published_on < end)):
                continue
            reasons = []
            if notice.sectors:
                if reader.sectors.isdisjoint(notice.sectors):
                    continue
                reasons.append((10, ("forYourSector",)))
            if upcoming:
                reasons.append((15 if (notice.event_on - end).days <= 30 else 5, ("comingUp", notice.event_on)))
            score = 25 + sum(w for w, _ in reasons)
            item = Item(f"notice:{notice.id}", "notices", "notice", None, notice.published_on, score,
                        ranked_reasons(reasons), notice=notice)
            result.append((-score, -item.date.toordinal(), item.key, "notices", itself, (item,)))
        return result

    def actions(self, reader, start, end):
        """Every open action of the reader's network, overdue first, and those closed in the window."""
        if reader.network is None:
            return []
        result = []
        stale_limit = add_months(end, -self.config.stale_months)
        for action in self.config.actions:
            if action.network != reader.network.id:
                continue
            if action.status == "open" and action.due_on < end:
                days = (end - action.due_on).days
                reasons, base = [(min(days, 60), ("overdue", days))], 100
            elif action.status == "open":
                reasons, base = [(0, ("dueOn", action.due_on))], 70 if (action.due_on - end).days <= 30 else 50
            elif action.closed_on is not None and start <= action.closed_on < end:
                reasons, base = [(0, ("closed", action.status))], 30
            else:
                continue
            project = self.projects_by_id.get(action.project) if action.project else None
            stale = project.contact.confirmed_on if project and project.contact.confirmed_on < stale_limit else None
            score = base + sum(w for w, _ in reasons)
            item = Item(f"action:{action.id}", "actions", "action", project, action.due_on, score,
                        ranked_reasons(reasons), stale, action=action)
            result.append((-score, -item.date.toordinal(), item.key, "actions", itself, (item,)))
        return result


def news_item(base, score, reader, pair):
    """A highlight, with its reasons in Beacon's order: the reader's, the project's own, the
    pairing with the reader's project, then what is new."""
    project, news, fixed, news_reasons, date, stale, key, _ = base
    mine_score, mine = reader_reasons(project, reader)
    assert score == fixed + mine_score + (pair.weight if pair else 0), key  # ReaderWeights agrees
    reasons = mine + project.own_reasons + ([(pair.weight, pair.reason)] if pair else []) + news_reasons
    return Item(key, "highlights", "news", project, date, score, ranked_reasons(reasons), stale, news=news)


def similar_item(shown, score, reader):
    pair, key, date, stale, _ = shown
    mine_score, mine = reader_reasons(pair.match, reader)
    reasons = mine + pair.match.own_reasons + ([(pair.weight, pair.reason)] if pair.reason is not None else [])
    assert score == 25 + sum(weight for weight, _ in reasons), key  # ReaderWeights agrees
    return Item(key, "similar-projects", "similar", pair.match, date, score, ranked_reasons(reasons), stale,
                anchor=pair.anchor, introduce_both=pair.introduces_both)


def itself(item):
    return item


def figures_line(projects):
    return {"projects": len(projects), "invested": sum(p.investment for p in projects),
            "projected": sum(p.projected_savings for p in projects),
            "achieved": sum(p.achieved_savings or 0 for p in projects)}


def fund_figures(live):
    """Fund-wide figures, by sector in Beacon's sector order."""
    by_sector = {}
    for project in live:
        by_sector.setdefault(project.organisation.sector, []).append(project)
    return {"total": figures_line(live),
            "sectors": [(sector, figures_line(by_sector[sector])) for sector in sorted(by_sector, key=SECTOR_ORDER.get)]}


def organisation_line(live, organisation):
    """The reader's organisation's share, if it has projects."""
    if organisation is None:
        return None
    own = [p for p in live if p.organisation.key == organisation.key]
    return figures_line(own) if own else None


# ---------------------------------------------------------------------------------------------
# Who gets a copy (DeliveryPlanner.recipients with reach eachSubscriber)

def window(digest, reader, end):
    """The news a first issue dated `end` covers for this reader (IssueWindow.swift)."""
    start = window_start(digest.frequency, end)
    if digest.frequency == "per-meeting" and reader.network is not None:
        earlier = [meeting for meeting in reader.network.meetings if meeting < end]
        if earlier:
            start = earlier[-1]
    if reader.frequency:
        start = min(start, window_start(reader.frequency, end))
    return start, end


def recipients(config, digest):
    """Reachable subscribers of the digest's audiences who take email, then networks' lists."""
    if "email" not in digest.channels:
        return []
    audiences = set(digest.audiences)
    readers = []
    for subscriber in config.subscribers:
        if subscriber.audience in audiences and subscriber.reachable \
                and (not subscriber.channels or "email" in subscriber.channels):
            audience = config.audiences[subscriber.audience]
            readers.append(Reader(
                subscriber.id, subscriber.name, subscriber.email, audience, subscriber.organisation,
                frozenset(subscriber.interests), subscriber.language, subscriber.frequency,
                audience if audience.kind == "network" else None, frozenset([subscriber.organisation.sector])))
    for audience_id in digest.audiences:
        network = config.audiences.get(audience_id)
        if network and network.kind == "network" and network.list_address:
            name = f"{network.name.cy} / {network.name.en}" if network.name.cy else network.name.en
            readers.append(Reader(f"list:{network.id}", name, network.list_address, network, None,
                                  frozenset(network.themes), "both", None, network, frozenset(network.sectors)))
    return readers


# ---------------------------------------------------------------------------------------------
# Wording (Phrasebook.swift): every fixed phrase in English and Welsh.

class Phrases:
    def __init__(self, lang, config):
        self.lang = lang
        self.config = config

    def pick(self, english, welsh):
        return welsh if self.lang == "cy" else english

    def text(self, localized):
        return localized.resolved(self.lang)[0]

    def date(self, date):
        return date_words(date, self.lang)

    def issue_line(self, start, end):
        last = end - datetime.timedelta(days=1)
        return self.pick(f"Issue of {self.date(end)} · news from {self.date(start)} to {self.date(last)}",
                         f"Rhifyn {self.date(end)} · newyddion o {self.date(start)} i {self.date(last)}")

    def prepared_for(self, name, organisation):
        who = ", ".join(part for part in (name, organisation) if part)
        return self.pick(f"Prepared for {who}", f"Wedi'i baratoi ar gyfer {who}")

    def more(self, count):
        return self.pick(
            f"{count} more {'item' if count == 1 else 'items'} did not fit on this page; the fund team can send the full list.",
            f"Nid oedd lle i {count} eitem arall ar y dudalen hon; gall tîm y gronfa anfon y rhestr lawn.")

    def fund_team(self):
        config = self.config
        details = ", ".join(p for p in (self.text(config.team_name), config.team_email, config.team_phone) if p)
        return self.pick(f"Questions about the fund: {details}", f"Cwestiynau am y gronfa: {details}")

    HEADINGS = {
        "fund-figures": ("The fund at a glance", "Y gronfa ar gip"),
        "actions": ("Network actions", "Camau gweithredu'r rhwydwaith"),
        "highlights": ("New since the last issue", "Newydd ers y rhifyn diwethaf"),
        "similar-projects": ("Similar projects elsewhere: who to call", "Prosiectau tebyg mewn mannau eraill: pwy i'w ffonio"),
        "notices": ("Dates for your diary", "Dyddiadau i'r dyddiadur"),
    }
    WORDS = {
        "bilingual": ("This digest is in Welsh and English; the English follows the Welsh.",
                      "Mae'r crynodeb hwn yn Gymraeg ac yn Saesneg; mae'r Saesneg yn dilyn y Gymraeg."),
        "language": ("English", "Cymraeg"), "untranslated": ("not yet translated", "Saesneg yn unig"),
        "nothing": ("Nothing new for you in this period.", "Dim byd newydd i chi yn y cyfnod hwn."),
        "unsubscribe": ("To stop receiving this digest", "I roi'r gorau i gael y crynodeb hwn"),
        "unsubscribe_action": ("unsubscribe", "dad-danysgrifio"),
        "by_sector": ("Projects by sector", "Prosiectau fesul sector"), "all": ("All projects", "Pob prosiect"),
        "yours": ("Your organisation", "Eich sefydliad"), "worked": ("What worked", "Beth weithiodd"),
        "wrong": ("What went wrong", "Beth aeth o'i le"), "overcome": ("How it was overcome", "Sut y goresgynnwyd hyn"),
        "status": ("Status", "Statws"), "next": ("Next steps", "Camau nesaf"),
        "savings": ("Savings to date", "Arbedion hyd yma"),
        "evaluation": ("What the evaluation found", "Beth a ganfu'r gwerthusiad"),
        "similar": ("Similar to", "Tebyg i"), "owner": ("Owner", "Perchennog"), "due": ("Due", "Erbyn"),
        "why": ("Why", "Pam"), "contact": ("Contact", "Cyswllt"), "more_at": ("More", "Rhagor"),
    }

    def word(self, name):
        return self.pick(*self.WORDS[name])

    def heading(self, section):
        return self.pick(*self.HEADINGS[section])

    def figures_heading(self):
        programme = self.text(self.config.programme)
        return self.pick(f"{programme} at a glance", f"{programme} ar gip")

    def figures(self, line):
        count = line["projects"]
        projects = self.pick(f"{count} {'project' if count == 1 else 'projects'}", f"{count} prosiect")
        invested, achieved, projected = pounds(line["invested"]), pounds(line["achieved"]), pounds(line["projected"])
        return self.pick(f"{projects}, {invested} invested, {achieved} saved so far of {projected} projected",
                         f"{projects}, {invested} wedi'i fuddsoddi, {achieved} wedi'i arbed hyd yma o {projected} a ragwelir")

    def label(self, item, issue_date):
        if item.kind == "news":
            news = item.news
            if news.newly_evaluated:
                return self.pick("Evaluation published", "Gwerthusiad wedi'i gyhoeddi")
            if news.lessons:
                return self.pick("Lesson learnt", "Gwers a ddysgwyd")
            if news.newly_approved:
                return self.pick("New project", "Prosiect newydd")
            return self.pick("Progress", "Cynnydd")
        if item.kind == "similar":
            return self.pick("Similar project", "Prosiect tebyg")
        if item.kind == "notice":
            return self.pick(*NOTICE_KINDS[item.notice.kind])
        action = item.action
        if action.status == "open":
            if action.due_on < issue_date:
                return self.pick("Overdue action", "Cam gweithredu hwyr")
            return self.pick("Open action", "Cam gweithredu agored")
        if action.status == "done":
            return self.pick("Action done", "Cam gweithredu wedi'i gwblhau")
        return self.pick("Action dropped", "Cam gweithredu wedi'i ollwng")

    def investment(self, project):
        invested, projected = pounds(project.investment), pounds(project.projected_savings)
        return self.pick(f"{invested} from the fund; {projected} savings projected",
                         f"{invested} o'r gronfa; rhagwelir arbedion o {projected}")

    def stale(self, since):
        when = month_year(since, self.lang)
        return self.pick(f"contact not confirmed since {when}; check before calling",
                         f"cyswllt heb ei gadarnhau ers {when}; gwiriwch cyn ffonio")

    def themes(self, ids):
        return ", ".join(self.text(self.config.themes.get(t) or Text(t, t)) for t in ids)

    def reason(self, reason):
        kind, arg = reason[0], reason[1] if len(reason) > 1 else None
        pick, text = self.pick, self.text
        if kind == "yourOrganisation":
            return pick("your organisation", "eich sefydliad chi")
        if kind == "sameSector":
            label = self.pick(*SECTORS[arg])
            return pick(f"same sector ({label})", f"yr un sector ({label})")
        if kind == "crossSector":
            label = self.pick(*SECTORS[arg])
            return pick(f"cross-sector idea from {label}", f"syniad traws-sector: {label}")
        if kind == "sameRegion":
            label = self.pick(*REGIONS[arg])
            return pick(f"same region ({label})", f"yr un rhanbarth ({label})")
        if kind == "similarOrganisation":
            return pick("an organisation like yours", "sefydliad tebyg i'ch un chi")
        if kind == "sharedInterest":
            return pick(f"your interest: {self.themes(arg)}", f"eich diddordeb: {self.themes(arg)}")
        if kind == "networkSector":
            label = self.pick(*SECTORS[arg])
            return pick(f"network sector: {label}", f"sector y rhwydwaith: {label}")
        if kind == "networkTheme":
            return pick(f"network theme: {self.themes(arg)}", f"thema'r rhwydwaith: {self.themes(arg)}")
        if kind == "newlyEvaluated":
            return pick("newly evaluated", "newydd ei werthuso")
        if kind == "independentlyEvaluated":
            return pick("independently evaluated", "wedi'i werthuso'n annibynnol")
        if kind == "internallyEvaluated":
            return pick("evaluated internally", "wedi'i werthuso'n fewnol")
        if kind == "savingsAchieved":
            return pick(f"{pounds(arg)} saved so far", f"{pounds(arg)} wedi'i arbed hyd yma")
        if kind == "atRisk":
            return pick("at risk", "mewn perygl")
        if kind == "newlyApproved":
            return pick("newly approved", "newydd ei gymeradwyo")
        if kind == "similarToYours":
            return pick(f"like your project “{text(arg)}”", f"tebyg i'ch prosiect “{text(arg)}”")
        if kind == "similarElsewhere":
            return pick(f"similar work at {arg}", f"gwaith tebyg yn {arg}")
        if kind == "overdue":
            return pick(f"overdue by {arg} {'day' if arg == 1 else 'days'}", f"{arg} diwrnod yn hwyr")
        if kind == "dueOn":
            return pick(f"due {self.date(arg)}", f"erbyn {self.date(arg)}")
        if kind == "closed":
            if arg == "dropped":
                return pick("dropped since the last meeting", "wedi'i ollwng ers y cyfarfod diwethaf")
            return pick("done since the last meeting", "wedi'i gwblhau ers y cyfarfod diwethaf")
        if kind == "forYourSector":
            return pick("for your sector", "ar gyfer eich sector")
        return pick(f"on {self.date(arg)}", f"ar {self.date(arg)}")  # comingUp


# ---------------------------------------------------------------------------------------------
# Rendering: a view per issue (everything worded), laid out by Jinja2 templates.

def folded_text(localized, phrases):
    """Text in the edition's language, or English marked as untranslated; line breaks folded."""
    text, lang = localized.resolved(phrases.lang)
    if "\n" in text:
        text = " ".join(text.split())
    return {"text": text, "lang": lang, "note": None if lang == phrases.lang else phrases.word("untranslated")}


def item_view(item, phrases, issue_date):
    facts, paragraphs, link = [], [], None

    def paragraph(lead, body):
        if body is not None:
            paragraphs.append({"lead": lead, "body": folded_text(body, phrases)})

    if item.kind == "news":
        project, news = item.project, item.news
        headline = project.title
        if news.latest_update:
            facts.append(f"{phrases.word('status')}: {phrases.pick(*RAG[news.latest_update.rag])}")
            if news.latest_update.savings_to_date is not None:
                facts.append(f"{phrases.word('savings')}: {pounds(news.latest_update.savings_to_date)}")
        if news.newly_approved or news.newly_evaluated:
            facts.append(phrases.investment(project))
        if news.newly_evaluated:  # an evaluation says more than the latest milestone
            paragraph(phrases.word("evaluation"), project.evaluation_summary)
        else:
            paragraph(None, project.summary if news.newly_approved else None)
            paragraph(None, news.latest_update.milestone if news.latest_update else None)
            paragraph(phrases.word("next"), news.latest_update.next_steps if news.latest_update else None)
        lesson = news.lesson()
        if lesson is not None:
            paragraph(phrases.word("wrong"), lesson.went_wrong)
            paragraph(phrases.word("overcome"), lesson.overcome if lesson.went_wrong else None)
            paragraph(phrases.word("worked"), lesson.worked if lesson.went_wrong is None else None)
        link = project.link
        organisation = project.organisation.name
    elif item.kind == "similar":
        headline = item.project.title
        if item.anchor:
            facts.append(f"{phrases.word('similar')}: {phrases.text(item.anchor.title)} ({item.anchor.organisation.name})")
        paragraph(None, item.project.summary)
        link = item.project.link
        organisation = item.project.organisation.name
    elif item.kind == "notice":
        headline = item.notice.title
        if item.notice.event_on:
            facts.append(phrases.date(item.notice.event_on))
        paragraph(None, item.notice.details)
        link = item.notice.link
        organisation = None
    else:
        headline = item.action.action
        facts = [f"{phrases.word('owner')}: {item.action.owner}", f"{phrases.word('due')}: {phrases.date(item.action.due_on)}"]
        organisation = phrases.text(item.project.title) if item.project else None
    reasons = [phrases.reason(reason) for reason in item.reasons[:3]]
    return {
        "label": phrases.label(item, issue_date), "headline": folded_text(headline, phrases),
        "organisation": organisation, "facts": facts, "paragraphs": paragraphs,
        "why": f"{phrases.word('why')}: " + " · ".join(reasons) if reasons else None,
        "contacts": [contact_line(p.contact, phrases) for p in item.contact_projects],
        "stale": phrases.stale(item.stale_since) if item.stale_since else None,
        "link": link, "link_label": phrases.word("more_at"),
    }


def contact_line(contact, phrases):
    name = f"{contact.name} ({contact.role})" if contact.role else contact.name
    return f"{phrases.word('contact')}: " + ", ".join(p for p in (name, contact.email, contact.phone) if p)


def edition_view(issue, phrases, unsubscribe, bilingual):
    reader = issue.reader
    figures = None
    if issue.figures:
        rows = [{"label": phrases.word("all"), "value": phrases.figures(issue.figures["total"])}]
        if issue.figures["own"]:
            rows.append({"label": phrases.word("yours"), "value": phrases.figures(issue.figures["own"])})
        by_sector = ", ".join(f"{phrases.pick(*SECTORS[s])} {line['projects']}" for s, line in issue.figures["sectors"])
        rows.append({"label": phrases.word("by_sector"), "value": by_sector})
        figures = {"heading": phrases.figures_heading(), "rows": rows}
    who = phrases.text(reader.audience.name) if reader.organisation is None else reader.name
    return {
        "lang": phrases.lang, "anchor": "cymraeg" if phrases.lang == "cy" else "english",
        "language_name": phrases.word("language"), "show_language_name": bilingual,
        "title": phrases.text(issue.digest.title), "issue_line": phrases.issue_line(issue.start, issue.end),
        "prepared_for": phrases.prepared_for(who, reader.organisation.name if reader.organisation else None),
        "figures": figures,
        "sections": [{"heading": phrases.heading(kind), "items": [item_view(i, phrases, issue.end) for i in items]}
                     for kind, items in issue.sections if items],
        "nothing_new": phrases.word("nothing") if issue.empty else None,
        "more": phrases.more(issue.omitted) if issue.omitted > 0 else None,
        "fund_team": phrases.fund_team(),
        "unsubscribe": {"text": phrases.word("unsubscribe"), "action": phrases.word("unsubscribe_action"),
                        "link": unsubscribe},
    }


def page_view(issue, config, unsubscribe):
    languages = LANGUAGES[issue.reader.language]
    phrasebooks = [Phrases(lang, config) for lang in languages]
    bilingual = len(languages) > 1
    return {
        "document_lang": languages[0],
        "page_title": " / ".join(p.text(issue.digest.title) for p in phrasebooks),
        "titles": [{"text": p.text(issue.digest.title), "lang": p.lang} for p in phrasebooks],
        "bilingual_note": [{"text": p.word("bilingual"), "lang": p.lang} for p in phrasebooks] if bilingual else [],
        "editions": [edition_view(issue, p, unsubscribe, bilingual) for p in phrasebooks],
    }


def wrap_text(text, width=72):
    """Lines of at most `width` characters; list items and indented lines hang under their text."""
    return "\n".join(wrap_line(line, width) for line in text.split("\n"))


def wrap_line(line, width):
    if len(line) <= width:
        return line
    body = line.lstrip(" ")
    indentation = " " * (len(line) - len(body))
    hanging = indentation + ("  " if body.startswith("- ") else "")
    lines, current = [], ""
    for word in body.split(" "):
        if not word:
            continue
        if not current:
            current = (indentation if not lines else hanging) + word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = hanging + word
    lines.append(current)
    return "\n".join(lines)


class Renderer:
    def __init__(self, config):
        self.config = config
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(os.path.join(HERE, "templates")),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
        self.text_template = environment.get_template("digest.text.j2")
        self.html_template = environment.get_template("digest.html.j2")

    def render(self, issue, unsubscribe):
        view = page_view(issue, self.config, unsubscribe)
        return wrap_text(self.text_template.render(view)), self.html_template.render(view)


# ---------------------------------------------------------------------------------------------
# MIME

QP_UTF8 = email.charset.Charset("utf-8")
QP_UTF8.body_encoding = email.charset.QP  # quoted-printable, like Beacon; the default would be base64
CRLF_POLICY = email.policy.compat32.clone(linesep="\r\n")


class Composer:
    """Bilingual subject, the headers list tools look for, and a signed unsubscribe link."""

    def __init__(self, config):
        self.config = config
        settings = config.email_settings
        self.sender = settings.get("from") or config.team_email
        self.from_name = Text(settings["from_name.en"], settings.get("from_name.cy")) \
            if "from_name.en" in settings else config.team_name
        self.reply_to = settings.get("reply_to") or config.team_email
        self.unsubscribe_address = settings.get("unsubscribe_address") or self.reply_to
        self.domain = self.sender.rsplit("@", 1)[-1]
        self.secret = self.unsubscribe_secret(config)

    @staticmethod
    def unsubscribe_secret(config):
        """The key Beacon keeps in the data folder, or the environment's; a throwaway one otherwise."""
        if len(os.environ.get("BEACON_UNSUBSCRIBE_SECRET", "")) >= 16:
            return os.environ["BEACON_UNSUBSCRIBE_SECRET"].encode()
        try:
            with open(os.path.join(config.data_folder, "keys", "unsubscribe.key"), "rb") as handle:
                kept = handle.read()
            if len(kept) >= 16:
                return kept
        except OSError:
            pass
        return base64.b64encode(os.urandom(32))

    def unsubscribe_link(self, issue):
        payload = f"{issue.digest.id}\n{issue.reader.key}".encode()
        signature = hmac.new(self.secret, payload, hashlib.sha256).digest()[:16]
        token = b64url(payload) + "." + b64url(signature)
        mailto = f"mailto:{self.unsubscribe_address}?subject=unsubscribe%20{token}"
        if self.config.public_base_url:
            return mailto, self.config.public_base_url.rstrip("/") + "/unsubscribe/" + token
        return mailto, None

    def compose(self, issue, text, html, links):
        languages = LANGUAGES[issue.reader.language]
        mailto, one_click = links
        identity = f"{issue.digest.id}\n{issue.end}\n{issue.reader.key}".encode()
        digest = hashlib.sha256(identity).hexdigest()
        message = MIMEMultipart("alternative")
        names = list(dict.fromkeys(self.from_name.resolved(lang)[0] for lang in languages))
        message["Date"] = email.utils.formatdate(localtime=True)
        message["From"] = email.utils.formataddr((" / ".join(names), self.sender), charset="utf-8")
        message["Reply-To"] = f"<{self.reply_to}>"
        message["To"] = email.utils.formataddr((issue.reader.name, issue.reader.email), charset="utf-8")
        message["Subject"] = Header(subject(issue, languages), "utf-8")
        message["Message-ID"] = f"<beacon.{digest[:32]}@{self.domain}>"
        message["Content-Language"] = ", ".join(languages)
        label = re.sub(r"[^a-z0-9-]", "-", issue.digest.id.lower())
        message["List-Id"] = Header(f"{issue.digest.title.en} <{label}.{self.domain}>", "utf-8")
        message["List-Unsubscribe"] = ", ".join(f"<{link}>" for link in (mailto, one_click) if link)
        if one_click and one_click.lower().startswith("https://"):
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message["Auto-Submitted"] = "auto-generated"
        message.preamble = "This is a message in Welsh and English, as plain text and HTML."
        message.attach(MIMEText(text, "plain", QP_UTF8))
        message.attach(MIMEText(html, "html", QP_UTF8))
        return message


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def subject(issue, languages):
    return " / ".join(f"{issue.digest.title.resolved(lang)[0]} – {date_words(issue.end, lang)}" for lang in languages)


# ---------------------------------------------------------------------------------------------
# The run

def report(stage, seconds, count):
    print(f"{stage}\t{seconds:.3f}\t{count}", flush=True)


def assemble_all(config, assembler, as_of, limit=None):
    """Every email copy with something new (or whose digest is sent when empty), in Beacon's
    order; with `limit`, only the first that many copies of each digest."""
    issues = []
    for digest in config.digests:
        made = 0
        for reader in recipients(config, digest):
            if limit is not None and made >= limit:
                break
            start, end = window(digest, reader, as_of)
            issue = assembler.assemble(digest, reader, start, end)
            if not issue.empty or digest.send_when_empty:
                issues.append(issue)
                made += 1
    return issues


def write_keys(path, issues):
    with open(path, "w", encoding="utf-8") as handle:
        for issue in issues:
            items = " ".join(f"{kind}:{item.key}" for kind, items in issue.sections for item in items)
            handle.write(f"{issue.digest.id}\t{issue.reader.key}\t{items}\n")


def send(messages, issues, composer, address, count):
    """The first `count` messages over one SMTP connection."""
    host, _, port = address.rpartition(":")
    started = time.perf_counter()
    with smtplib.SMTP(host, int(port)) as connection:
        for message, issue in list(zip(messages, issues))[:count]:
            connection.sendmail(composer.sender, [issue.reader.email], message)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description="Beacon's digests in plain Python, timed stage by stage.")
    parser.add_argument("--config", required=True, help="the settings file, beacon.yml")
    parser.add_argument("--as-of", required=True, help="the issue date, YYYY-MM-DD")
    parser.add_argument("--keys", help="write digest<TAB>reader<TAB>section:key … for every copy here")
    parser.add_argument("--smtp", help="HOST:PORT of a server to send to")
    parser.add_argument("--messages", type=int, default=0, help="how many messages to send over --smtp")
    parser.add_argument("--copies", type=int, help="only the first this many copies of each digest (shared work is still done in full)")
    args = parser.parse_args()
    as_of = parse_date(args.as_of)
    if as_of is None:
        parser.error(f"--as-of {args.as_of} is not a date; write YYYY-MM-DD")

    clock = time.perf_counter()
    try:
        config = load(args.config)
    except InvalidConfiguration as problems:
        sys.exit(f"The configuration has problems:\n{problems}")
    renderer = Renderer(config)
    composer = Composer(config)
    loaded = time.perf_counter()
    report("load and validate", loaded - clock, len(config.subscribers))

    issues = assemble_all(config, Assembler(config), as_of, args.copies)
    assembled = time.perf_counter()
    report("targeting and assembly", assembled - loaded, len(issues))

    links = [composer.unsubscribe_link(issue) for issue in issues]
    rendered = [renderer.render(issue, link[1] or link[0]) for issue, link in zip(issues, links)]
    rendering_done = time.perf_counter()

    messages = []
    for index, (issue, link) in enumerate(zip(issues, links)):
        text, html = rendered[index]
        rendered[index] = None  # a large run would otherwise hold every page twice
        messages.append(composer.compose(issue, text, html, link).as_bytes(policy=CRLF_POLICY))
    composed = time.perf_counter()
    report("rendering text and HTML", rendering_done - assembled, len(issues))
    report("building MIME", composed - rendering_done, len(issues))
    report("assembly, rendering and MIME", composed - loaded, len(issues))
    report("average message bytes", sum(map(len, messages)) // max(len(issues), 1), len(issues))

    if args.keys:
        write_keys(args.keys, issues)
    if args.smtp:
        count = min(args.messages or len(messages), len(messages))
        report("smtp one connection", send(messages, issues, composer, args.smtp, count), count)


if __name__ == "__main__":
    main()

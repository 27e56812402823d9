"""Reads one message file as a mail client would, with Python's email package and the default
policy, and prints what a reader and a list tool would see as JSON.

"to_name" is the To display name decoded as RFC 2047 says (whitespace between encoded-words
ignored) by email.header: the default policy's address parser keeps that whitespace."""
import email
import email.header
import email.utils
import json
import sys
from email import policy

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=policy.default)
raw_name = email.utils.parseaddr(email.message_from_bytes(raw, policy=policy.compat32)["To"])[0]
to_name = str(email.header.make_header(email.header.decode_header(raw_name)))
plain = message.get_body(("plain",))
html = message.get_body(("html",))
lines = raw.split(b"\r\n")
header_block = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
print(json.dumps({
    "headers": {name: str(value) for name, value in message.items()},
    "header_names": [name for name, _ in message.items()],
    "content_type": message.get_content_type(),
    "parts": [part.get_content_type() for part in message.iter_parts()],
    "part_encodings": [part["Content-Transfer-Encoding"] for part in message.iter_parts()],
    # Line endings as a reader sees them: the wire's CRLF survives quoted-printable decoding.
    "plain": plain.get_content().replace("\r\n", "\n") if plain else None,
    "html": html.get_content().replace("\r\n", "\n") if html else None,
    "to_addresses": [address.addr_spec for address in message["To"].addresses],
    "to_name": to_name,
    "defects": [str(defect) for defect in message.defects] + [str(d) for part in message.iter_parts() for d in part.defects],
    "bare_line_feeds": raw.count(b"\n") - raw.count(b"\r\n"),
    "longest_body_line": max(len(line) for line in raw.split(b"\r\n\r\n", 1)[1].split(b"\r\n")),
    "longest_header_line": max(len(line) for line in header_block),
    "non_ascii_bytes": sum(1 for byte in raw if byte > 127),
}))

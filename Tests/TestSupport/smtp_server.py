"""A real SMTP server for Beacon's tests: aiosmtpd on loopback, keeping every message it
accepts as a file, with faults a real server can produce switched on from the command line.

  smtp_server.py --maildir DIR [--tempfail ADDR:N] [--tempfail-third N] [--reject ADDR]
                 [--drop-during-data ADDR] [--delay SECONDS] [--stall-after N]
                 [--tls CERT KEY --auth USER:PASSWORD]

--tempfail-third N answers 451 to the first N attempts for a third of all recipients (chosen by
a hash of the address, so the same third every run); --delay holds each message that long
before accepting it, like a busy server, so a test can stop a sender part-way; --stall-after N
accepts N messages, then keeps each later one and never answers, like a server that hangs after
taking the data (the sender cannot know the message arrived).

Prints "READY <port>" when listening; stops at once on SIGTERM. Each accepted message is written to
DIR as NNNN.eml with its envelope in NNNN.json; each new connection is logged to
DIR/connections.log so tests can see connections being reused."""
import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import threading
import zlib

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.maildir = args.maildir
        self.tempfail = {}
        for item in args.tempfail:
            address, count = item.rsplit(":", 1)
            self.tempfail[address] = int(count)
        self.reject = set(args.reject)
        self.drop = set(args.drop_during_data)
        self.tempfail_third = args.tempfail_third
        self.third_attempts = {}
        self.delay = args.delay
        self.stall_after = args.stall_after
        self.lock = threading.Lock()
        self.count = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with open(os.path.join(self.maildir, "connections.log"), "a") as log:
            log.write(f"{session.peer}\n")
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if self.tempfail.get(address, 0) > 0:
            self.tempfail[address] -= 1
            return "451 4.3.0 <%s>: Mailbox busy, try again later" % address
        if zlib.crc32(address.encode()) % 3 == 0:
            attempts = self.third_attempts.get(address, 0)
            if attempts < self.tempfail_third:
                self.third_attempts[address] = attempts + 1
                return "451 4.7.1 <%s>: Greylisted, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(address in self.drop for address in envelope.rcpt_tos):
            for address in envelope.rcpt_tos:
                self.drop.discard(address)
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.count += 1
            name = os.path.join(self.maildir, "%04d" % self.count)
        # Envelope first, each file renamed into place whole: a test reading the folder while a
        # message arrives sees it complete or not at all.
        with open(name + ".json.part", "w") as meta:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, meta)
        os.replace(name + ".json.part", name + ".json")
        with open(name + ".eml.part", "wb") as message:
            message.write(envelope.original_content)
        os.replace(name + ".eml.part", name + ".eml")
        if self.stall_after is not None and self.count > self.stall_after:
            await asyncio.sleep(3600)
        return "250 2.0.0 Ok: queued as %04d" % self.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--tempfail-third", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--stall-after", type=int)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--drop-during-data", action="append", default=[])
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)

    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            # handled=False: aiosmtpd then answers "535" itself instead of staying silent.
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(args.tls))

    # aiosmtpd checks its own port after starting, so it needs a real one: ask the system for a free one.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(args), hostname="127.0.0.1", port=port, server_hostname="localhost", **options)
    controller.start()
    print("READY %d" % port, flush=True)
    # Messages are on disk as soon as they are accepted, so stopping need not be graceful. A
    # parent that starts this from a thread pool may hand it a blocked SIGTERM: unblock it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    while True:
        signal.pause()


if __name__ == "__main__":
    main()

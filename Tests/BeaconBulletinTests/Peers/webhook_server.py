"""A webhook receiver for Beacon's tests: Python's http.server on loopback, keeping every
POST body it gets and answering with the statuses it is told, in turn.

  webhook_server.py --dir DIR [--statuses 429,200] [--retry-after SECONDS] [--hang]

Prints "READY <port>"; the last status given repeats. --hang accepts connections and never
answers."""
import argparse
import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--statuses", default="200")
parser.add_argument("--retry-after")
parser.add_argument("--hang", action="store_true")
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)
statuses = [int(status) for status in args.statuses.split(",")]
lock = threading.Lock()
received = []


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            received.append(body)
            count = len(received)
            with open(os.path.join(args.dir, "%04d.json" % count), "wb") as out:
                out.write(body)
            with open(os.path.join(args.dir, "%04d.headers" % count), "w") as out:
                out.write(str(self.headers))
        if args.hang:
            time.sleep(3600)
        status = statuses[min(count, len(statuses)) - 1]
        reply = b'{"ok": true}' if status < 300 else b'{"error": "refused by the test server"}'
        self.send_response(status)
        if status == 429 and args.retry_after:
            self.send_header("Retry-After", args.retry_after)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *_):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
print("READY %d" % server.server_address[1], flush=True)
server.serve_forever()

"""An HTTP server for BeaconCurl's tests: Python's http.server on loopback, answering each
request as its path says, and keeping what it was sent.

  http_peer.py --dir DIR

Paths: /status/N answers N; /body/N answers N bytes of body; /slow/S waits S seconds before
answering; /header/NAME/VALUE answers with that header field. Every request's headers and
body are written to DIR as NNNN.headers and NNNN.body. Prints "READY <port>"."""
import argparse
import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
args = parser.parse_args()
lock = threading.Lock()
count = [0]


class Handler(BaseHTTPRequestHandler):
    def answer(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            count[0] += 1
            name = os.path.join(args.dir, "%04d" % count[0])
        with open(name + ".body", "wb") as out:
            out.write(body)
        with open(name + ".headers", "w") as out:
            out.write(self.requestline + "\n" + str(self.headers))
        parts = self.path.strip("/").split("/")
        status, reply, extra = 200, b"ok", []
        if parts[0] == "status":
            status = int(parts[1])
        elif parts[0] == "body":
            reply = bytes(index % 251 for index in range(int(parts[1])))
        elif parts[0] == "slow":
            time.sleep(float(parts[1]))
        elif parts[0] == "header":
            extra.append((parts[1], parts[2]))
        self.send_response(status)
        for field in extra:
            self.send_header(*field)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = answer
    do_POST = answer
    do_PUT = answer

    def log_message(self, *_):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
print("READY %d" % server.server_address[1], flush=True)
server.serve_forever()

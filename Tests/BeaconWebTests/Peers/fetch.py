"""One HTTP request as a plain client sends it, for the BeaconWeb tests; prints the answer as JSON.

Usage: fetch.py PORT METHOD PATH [--header NAME:VALUE]... [--chunked BYTES]

--chunked sends a body of BYTES bytes with Transfer-Encoding: chunked and no Content-Length.
A gzip body is also given decoded by Python's gzip module.
"""
import argparse
import base64
import gzip
import http.client
import json

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("method")
parser.add_argument("path")
parser.add_argument("--header", action="append", default=[])
parser.add_argument("--chunked", type=int)
arguments = parser.parse_args()

headers = dict(header.split(":", 1) for header in arguments.header)
connection = http.client.HTTPConnection("127.0.0.1", arguments.port, timeout=30)
if arguments.chunked is None:
    connection.request(arguments.method, arguments.path, headers=headers)
else:
    body = iter([b"x" * arguments.chunked])
    connection.request(arguments.method, arguments.path, body=body, headers=headers, encode_chunked=True)
response = connection.getresponse()
body = response.read()
encoding = response.getheader("Content-Encoding")
print(json.dumps({
    "status": response.status,
    "headers": {name.lower(): value for name, value in response.getheaders()},
    "body": base64.b64encode(body).decode(),
    "decoded": base64.b64encode(gzip.decompress(body)).decode() if encoding == "gzip" else None,
}))

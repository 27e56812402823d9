#!/usr/bin/env bash
# How many readers get a second copy when a send is killed (kill -9) part-way and run again.
# Each trial gives the portfolio-holders digest READERS readers, sends through aiosmtpd on
# loopback, kills the send after a growing number of messages, runs it again, and counts.
#
#   Tests/Benchmarks/crash-recovery.sh [READERS] [TRIALS]   (default 2000 5; needs python3-aiosmtpd)
set -euo pipefail
cd "$(dirname "$0")/../.."
readers=${1:-2000}
trials=${2:-5}
work=$(mktemp -d)
peer=""
trap '[ -n "$peer" ] && kill -9 "$peer" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product beacon >/dev/null
beacon=$PWD/.build/release/beacon

for trial in $(seq 1 "$trials"); do
  rm -rf "$work/run" && mkdir -p "$work/run/mail"
  /usr/bin/python3 Tests/BeaconCLITests/Peers/make_readers.py Config "$work/run/Config" "$readers"
  /usr/bin/python3 Tests/TestSupport/smtp_server.py --maildir "$work/run/mail" > "$work/ready" &
  peer=$!
  while ! grep -q READY "$work/ready"; do sleep 0.05; done
  export BEACON_SMTP_URL="smtp://127.0.0.1:$(awk '{ print $2 }' "$work/ready")"
  kill_after=$((readers * trial / (trials + 1)))
  (cd "$work/run" && exec "$beacon" send --due --as-of 2026-12-01T09:05 >/dev/null 2>&1) &
  sender=$!
  while [ "$(find "$work/run/mail" -name '*.eml' | wc -l)" -lt "$kill_after" ]; do sleep 0.01; done
  kill -9 "$sender"; wait "$sender" 2>/dev/null || true
  (cd "$work/run" && "$beacon" send --due --as-of 2026-12-01T09:05 >/dev/null 2>&1)
  /usr/bin/python3 - "$work/run/mail" "$kill_after" <<'PY'
import collections, glob, json, sys
copies = collections.Counter()
for envelope in glob.glob(sys.argv[1] + "/*.json"):
    for recipient in json.load(open(envelope))["to"]:
        if recipient.endswith("@bench.example"):
            copies[recipient] += 1
print(f"killed after {sys.argv[2]:>5} messages: {len(copies)} readers reached, {sum(n - 1 for n in copies.values())} second copies")
PY
  kill -9 "$peer"; peer=""
done

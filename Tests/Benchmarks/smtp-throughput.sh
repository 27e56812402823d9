#!/usr/bin/env bash
# Email throughput: Beacon's `send` against Postfix's smtp-sink, next to Postfix's own
# smtp-source with the same sessions, message count and message size on the same sink.
#
#   Tests/Benchmarks/smtp-throughput.sh [MESSAGES]     (default 2000; needs postfix installed)
#
# Beacon's figure is the whole `beacon send`: loading the register, assembling, rendering
# and composing every personal message, and SMTP. smtp-source only sends a fixed message,
# so it is the upper bound for the client side.
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-2000}
port=2526
work=$(mktemp -d)
sink=""
trap '[ -n "$sink" ] && kill "$sink" 2>/dev/null; rm -rf "$work"' EXIT

swift build -c release --product beacon >/dev/null
/usr/bin/python3 Tests/BeaconCLITests/Peers/make_readers.py Config "$work/Config" "$messages"
cp -r Config/templates "$work/Config/" 2>/dev/null || true

sink_user=(); [ "$(id -u)" = 0 ] && sink_user=(-u nobody)
/usr/sbin/smtp-sink "${sink_user[@]}" 127.0.0.1:$port 256 &
sink=$!
sleep 1

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }

# Each run has its own data folder: in a shared one the ledger would find the issue sent.
beacon() {
  BEACON_DATA="$work/Digests-$1" BEACON_SMTP_URL="smtp://127.0.0.1:$port" BEACON_SMTP_CONNECTIONS=$1 \
    BEACON_UNSUBSCRIBE_SECRET="benchmark secret, not for real use" \
    .build/release/beacon send portfolio-holders-monthly --as-of 2026-12-01 --config "$work/Config/beacon.yml"
}

# A typical message's size, taken from the outbox copy of the same digests.
BEACON_DATA="$work/outbox" BEACON_UNSUBSCRIBE_SECRET="benchmark secret, not for real use" \
  .build/release/beacon send portfolio-holders-monthly --as-of 2026-12-01 --config "$work/Config/beacon.yml" >/dev/null
size=$(find "$work/outbox/outbox" -name '*.eml' -printf '%s\n' | awk '{ total += $1 } END { printf "%d", total / NR }')

printf "%-34s %10s %12s\n" "run ($messages messages, ~$size bytes)" "seconds" "messages/s"
outbox=$(seconds env BEACON_DATA="$work/outbox-timed" BEACON_UNSUBSCRIBE_SECRET="benchmark secret, not for real use" \
  .build/release/beacon send portfolio-holders-monthly --as-of 2026-12-01 --config "$work/Config/beacon.yml")
awk -v n="$messages" -v o="$outbox" 'BEGIN { printf "%-34s %10.2f %12.0f\n", "beacon send to the file outbox", o, n / o }'
for sessions in 1 2; do
  b=$(seconds beacon "$sessions")
  s=$(seconds /usr/sbin/smtp-source -s "$sessions" -m "$messages" -l "$size" -f bench@bench.example -t sink@bench.example 127.0.0.1:$port)
  awk -v n="$messages" -v b="$b" -v s="$s" -v k="$sessions" 'BEGIN {
    printf "%-34s %10.2f %12.0f\n", "beacon send, " k " connection(s)", b, n / b
    printf "%-34s %10.2f %12.0f\n", "smtp-source, " k " session(s)", s, n / s
    printf "%-34s %10.0f%%\n", "  beacon as a share of smtp-source", 100 * s / b }'
done

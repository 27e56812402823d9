#!/usr/bin/env bash
# Beacon at national scale, next to what a fund team would write instead and to Postfix's own
# SMTP client. One command from a fresh clone, as root on Debian (it installs its peers):
#
#   Tests/Benchmarks/national-scale.sh [PROJECTS] [SUBSCRIBERS] [PYTHON_COPIES]
#
# Defaults: 10,000 projects, 100,000 subscribers, and the Python baseline on the first 4,000
# email copies of each digest. The baseline does its shared work (matchmaking included) in
# full and makes every copy the same way, so its time on part of the copies is a lower bound
# for all of them: the "at least" ratio compares Beacon's time for every copy with that.
# PYTHON_COPIES=all runs every copy (an estimated 20 to 35 minutes). The baseline's selection is checked against
# Beacon's for every copy it made, item by item.
#
# It prints a table and exits; it is not a test and CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
projects=${1:-10000}
subscribers=${2:-100000}
python_copies=${3:-4000}
as_of=2026-12-01
port=2531
smtp_messages=20000
export PATH="/opt/swift/usr/bin:$PATH"
export BEACON_UNSUBSCRIBE_SECRET="benchmark secret, not for real use"

# The peers: Postfix for smtp-sink and smtp-source, Jinja2 and PyYAML for the baseline, GNU
# time for peak memory.
packages=(postfix python3-jinja2 python3-yaml time libcurl4-openssl-dev libsqlite3-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
sink=""
trap '[ -n "$sink" ] && kill "$sink" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product beacon >/dev/null
swift build -c release --product beacon-datagen >/dev/null
swift build -c release --product beacon-bench >/dev/null
bin=.build/release
config="$work/Config/beacon.yml"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }

generate=$(seconds "$bin/beacon-datagen" --projects "$projects" --subscribers "$subscribers" "$work")

sink_user=(); [ "$(id -u)" = 0 ] && sink_user=(-u nobody)
/usr/sbin/smtp-sink "${sink_user[@]}" 127.0.0.1:$port 512 &
sink=$!
sleep 1

# Beacon's stages, each timed on its own, then SMTP alone on composed messages.
"$bin/beacon-bench" --config "$config" --as-of $as_of --keys "$work/beacon-keys.tsv" \
  --smtp-url smtp://127.0.0.1:$port --smtp-messages $smtp_messages --smtp-connections 1 2 > "$work/beacon.tsv"
size=$(awk -F'\t' '$1 == "average message bytes" { print $2 }' "$work/beacon.tsv")
for sessions in 1 2; do
  printf "smtp-source, %s session%s\t%s\n" "$sessions" "$([ "$sessions" = 1 ] || echo s)" \
    "$(seconds /usr/sbin/smtp-source -s "$sessions" -m $smtp_messages -l "$size" -f bench@bench.example -t sink@bench.example 127.0.0.1:$port)" \
    >> "$work/peers.tsv"
done

# The whole run as cron runs it, every digest of the day, with the ledger: to the outbox,
# then over SMTP with the default connections; and the feeds and bulletins on their own.
whole() { # NAME CONFIG DATA DIGEST… (with BEACON_SMTP_URL passed through when set)
  local name=$1 settings=$2 data=$3; shift 3
  for digest in "$@"; do
    BEACON_DATA="$data" /usr/bin/time -f "$name\t$digest\t%e\t%M" -a -o "$work/whole.tsv" \
      "$bin/beacon" send "$digest" --as-of $as_of --config "$settings" >/dev/null
  done
}
digests=(portfolio-holders-monthly directors-fortnightly network-meeting-bulletin)
whole outbox "$config" "$work/run-outbox" "${digests[@]}"
BEACON_SMTP_URL=smtp://127.0.0.1:$port whole smtp "$config" "$work/run-smtp" "${digests[@]}"
# The directors' feeds and the networks' bulletins without their email copies.
mkdir -p "$work/feeds" && cp -r "$work/Config" "$work/feeds/"
sed -i 's/channels: \[email, /channels: [/; s/channels: \[bulletin, email\]/channels: [bulletin]/' "$work/feeds/Config/digests.yml"
whole feeds "$work/feeds/Config/beacon.yml" "$work/run-feeds" directors-fortnightly network-meeting-bulletin
emails=$(cat "$work/run-outbox/reports/"*.csv | grep -c ',email,sent,' || true)
editions=$(cat "$work/run-feeds/reports/"*.csv | grep -c ',sent,' || true)

# The Python baseline on the first copies, and its selection against Beacon's.
limit=(); [ "$python_copies" = all ] || limit=(--copies "$python_copies")
/usr/bin/python3 Tests/Baseline/digests.py --config "$config" --as-of $as_of "${limit[@]}" --keys "$work/python-keys.tsv" > "$work/python.tsv"
compared=$(wc -l < "$work/python-keys.tsv")
# Beacon's copies that the baseline made too: the first of each digest.
awk -F'\t' -v limit="$python_copies" 'limit == "all" || seen[$1]++ < limit' "$work/beacon-keys.tsv" > "$work/beacon-keys-compared.tsv"
if cmp -s "$work/beacon-keys-compared.tsv" "$work/python-keys.tsv"; then same="same items for all $compared copies it made"
else same="SELECTIONS DIFFER: compare $work/python-keys.tsv with $work/beacon-keys-compared.tsv (kept)"; trap - EXIT; fi

cores=$(nproc); cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); memory=$(free -g | awk '/Mem:/ { print $2 }')
echo "Beacon at national scale: $projects projects, $subscribers subscribers, issue of $as_of"
echo "Machine: $cores cores ($cpu), $memory GiB; $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'); $(date -u +%Y-%m-%d)"
echo "Generating the data: $generate s"
echo
awk -F'\t' '
  FNR == 1 { file++ }
  file == 1 { wall[$1] = $2; cpu[$1] = $3; count[$1] = $4 }
  file == 2 { peer[$1] = $2 }
  file == 3 { pwall[$1] = $2; pcount[$1] = $3 }
  END {
    print "| stage | Beacon s (processor s) | copies | per s | Python s | copies | per s | Beacon faster, per copy (at least) |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    n = split("load and validate|targeting and assembly|rendering text and HTML|building MIME|assembly, rendering and MIME", stages, "|")
    for (i = 1; i <= n; i++) {
      s = stages[i]
      ratio = sprintf("%.0f× (%.0f×)", (pwall[s] / pcount[s]) / (wall[s] / count[s]), pwall[s] / wall[s])
      if (i == 1) ratio = sprintf("%.1f×", pwall[s] / wall[s])
      printf "| %s | %.1f (%.1f) | %d | %.0f | %.1f | %d | %.0f | %s |\n", s, wall[s], cpu[s], count[s], count[s] / wall[s], pwall[s], pcount[s], pcount[s] / pwall[s], ratio
    }
    printf "\n| SMTP to smtp-sink, %d messages of %d bytes | seconds | messages/s | share of smtp-source |\n", count["SMTP, 1 connection"], wall["average message bytes"]
    print "| --- | ---: | ---: | ---: |"
    for (k = 1; k <= 2; k++) {
      b = (k == 1) ? "SMTP, 1 connection" : "SMTP, 2 connections"
      p = (k == 1) ? "smtp-source, 1 session" : "smtp-source, 2 sessions"
      printf "| Beacon, composed messages, %s | %.2f | %.0f | %.0f%% |\n", substr(b, 7), wall[b], count[b] / wall[b], 100 * peer[p] / wall[b]
      printf "| %s | %.2f | %.0f | |\n", p, peer[p], count[b] / peer[p]
    }
  }' "$work/beacon.tsv" "$work/peers.tsv" "$work/python.tsv"
echo
awk -F'\t' -v emails="$emails" -v editions="$editions" '
  { wall[$1] += $3; if ($4 > peak[$1]) peak[$1] = $4 }
  END {
    printf "| whole run, three digests, with the ledger | seconds | peak memory MiB | what went out |\n| --- | ---: | ---: | --- |\n"
    printf "| email to the file outbox, feeds, bulletins | %.1f | %.0f | %d emails |\n", wall["outbox"], peak["outbox"] / 1024, emails
    printf "| email over SMTP (2 connections), feeds, bulletins | %.1f | %.0f | %d emails |\n", wall["smtp"], peak["smtp"] / 1024, emails
    printf "| feeds and bulletins alone | %.1f | %.0f | %d editions |\n", wall["feeds"], peak["feeds"] / 1024, editions
  }' "$work/whole.tsv"
echo
echo "Python baseline: $same."

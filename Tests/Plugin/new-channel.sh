#!/usr/bin/env bash
# The new-channel plugin, used as a channel maintainer would, on a copy of the package:
# refusals change nothing; a scaffolded channel builds, passes its own test, and is accepted
# by `beacon check` when a digest names it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
cd "$copy"
passed=0
failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*"; fi; }
fingerprint() { cat Package.swift Sources/beacon/Channels.swift | sha256sum; find Sources Tests -type d | sort | sha256sum; }
plugin() { swift package --allow-writing-to-package-directory new-channel "$@" >/dev/null 2>&1; }

before=$(fingerprint)
check bash -c '! swift package --allow-writing-to-package-directory new-channel --name teams >/dev/null 2>&1'
check bash -c '! swift package --allow-writing-to-package-directory new-channel --name Mailer --type email >/dev/null 2>&1'
check bash -c '! swift package --allow-writing-to-package-directory new-channel --name RSS >/dev/null 2>&1'
check test "$before" = "$(fingerprint)"

check plugin --name Teams
check test -f Sources/BeaconTeams/TeamsChannel.swift
check test -f Tests/BeaconTeamsTests/TeamsChannelTests.swift
after=$(fingerprint)
check bash -c '! swift package --allow-writing-to-package-directory new-channel --name Teams >/dev/null 2>&1'
check test "$after" = "$(fingerprint)"

check swift build --build-tests
check swift test --filter BeaconTeamsTests
sed -i '0,/channels: \[email\]/s//channels: [email, teams]/' Config/digests.yml
check swift run beacon check --as-of 2026-12-01
check swift run beacon send portfolio-holders-monthly --as-of 2026-12-01
check test -n "$(find Digests/teams -name '2026-12-01.md' | head -1)"
echo "new-channel: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

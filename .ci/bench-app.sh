#!/usr/bin/env bash
# bench-app.sh BINARY DB — start the real binary under Xvfb with
# CHANNELDESK_TRACE=1 on a copy of DB and print the time from start to the
# partner list shown and the resident memory then (targets: 1 s, 200 MB).
set -euo pipefail
bin=${1:?usage: bench-app.sh BINARY DB}
db=${2:?usage: bench-app.sh BINARY DB}
command -v Xvfb >/dev/null || { echo "bench-app: Xvfb is missing (apt-get install xvfb)" >&2; exit 1; }
tmp=$(mktemp -d)
disp=:$((500 + RANDOM % 400))
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
cleanup() { kill "$xpid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
sleep 0.5
for run in 1 2 3; do
  # A database the program closed cleanly carries a stamp that lets the
  # next open skip the page-by-page check; copy it as a user's file would be.
  cp -p "$db" "$tmp/L.db"
  [[ -f $db.verified ]] && cp "$db.verified" "$tmp/L.db.verified"
  DISPLAY=$disp CHANNELDESK_TRACE=1 GOGC=${GOGC:-100} "$bin" --db "$tmp/L.db" >"$tmp/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    grep -q "trace: settled" "$tmp/log" && break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  line=$(grep -o "trace:.*" "$tmp/log" | tr '\n' ' ' || true)
  [[ -n $line ]] || line="no trace line in 10 s"
  echo "run $run: $line"
  rm -f "$tmp"/L.db*
done

#!/usr/bin/env bash
# make bench, player part: start-up to the first full frame, bytes written per keystroke and peak
# memory of the release player in a real terminal (tmux), beside Debian's `dialog --infobox` as the
# reference. Prints rows of the bench table.
set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'for part in bytes dialog-bytes; do tmux -L ridealong-bench-$$-$part kill-server 2>/dev/null; done; rm -rf "$WORK"' EXIT
RUNS=${RUNS:-25}

PANES=0
in_pane() {  # runs a command in a fresh 80x24 pane of its own tmux server and waits for it to finish
  PANES=$((PANES + 1))
  local server="tmux -L ridealong-bench-$$-$PANES"
  $server -u new-session -d -s b -x 80 -y 24 "$1; touch $WORK/done" || exit 1
  for _ in $(seq 200); do [ -e "$WORK/done" ] && break; sleep 0.02; done
  rm -f "$WORK/done"
  $server kill-server 2>/dev/null
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for _ in $(seq "$RUNS"); do
  in_pane "env TERM=xterm-256color bash -c 'T0_NS=\${EPOCHREALTIME/./}000 exec $BIN play --courses $ROOT/Courses --data-dir $WORK/data --trainee B-1 --first-frame-log $WORK/first'"
  in_pane "env TERM=xterm-256color bash -c 's=\${EPOCHREALTIME/./}; dialog --infobox \"Scenario training for patrol officers\" 6 44; e=\${EPOCHREALTIME/./}; echo \$(( (e - s) )) >> $WORK/dialog'"
done
first=$(awk '{print $1}' "$WORK/first" | median)
peak=$(awk '{print $2}' "$WORK/first" | sort -n | tail -1)
dialog_us=$(median < "$WORK/dialog")
dialog_ms=$(awk -v u="$dialog_us" 'BEGIN {printf "%.2f", u / 1000}')

# Bytes: the first frame, then 20 keystrokes moving through the course list. Each program starts in a
# pane of a server of its own whose output is already being recorded.
T="tmux -L ridealong-bench-$$-bytes"
$T -u new-session -d -s b -x 80 -y 24 "sleep 5"
$T pipe-pane -o -t b "cat >> $WORK/bytes"
$T respawn-pane -k -t b "env TERM=xterm-256color $BIN play --courses $ROOT/Courses --data-dir $WORK/data --trainee B-1"
for _ in $(seq 100); do $T capture-pane -p -t b | grep -q "Courses" && break; sleep 0.05; done
sleep 0.3
frame_bytes=$(stat -c %s "$WORK/bytes")
for i in $(seq 10); do $T send-keys -t b Down; sleep 0.05; $T send-keys -t b Up; sleep 0.05; done
sleep 0.3
key_bytes=$(( ($(stat -c %s "$WORK/bytes") - frame_bytes) / 20 ))
$T kill-server 2>/dev/null
T="tmux -L ridealong-bench-$$-dialog-bytes"
$T -u new-session -d -s b -x 80 -y 24 "sleep 5"
$T pipe-pane -o -t b "cat >> $WORK/dialog-bytes"
$T respawn-pane -k -t b "env TERM=xterm-256color dialog --infobox 'Scenario training for patrol officers' 6 44; sleep 1"
sleep 0.6
dialog_bytes=$(stat -c %s "$WORK/dialog-bytes" 2>/dev/null || echo 0)

ratio=$(awk -v a="$first" -v b="$dialog_ms" 'BEGIN {printf "%.2f", a / b}')
row() { printf '  %-44s %14s   %s\n' "$1" "$2" "$3"; }
row "start to first full frame (median of $RUNS)" "${first} ms" "< 10 ms"
row "dialog --infobox start to exit (reference)" "${dialog_ms} ms" "-"
row "start-up ratio to dialog" "${ratio}×" "≤ 2×"
row "bytes for the first frame (dialog: ${dialog_bytes})" "${frame_bytes} B" "-"
row "bytes written per keystroke (list move)" "${key_bytes} B" "-"
row "peak memory of the player (courses loaded)" "$((peak / 1024)) MB" "< 30 MB"

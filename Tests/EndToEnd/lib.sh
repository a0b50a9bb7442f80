# Helpers shared by the end-to-end checks: a private tmux server, waiting for text, typing keys.
SOCKET="ridealong-e2e-$$"
T="tmux -L $SOCKET"
STATUS="$WORK/status"
cap() { $T capture-pane -p -t e2e 2>/dev/null; }
wait_for() { for _ in $(seq "${2:-100}"); do cap | grep -q -- "$1" && return 0; sleep 0.05; done; echo "  (waited for: $1)"; cap | sed 's/^/  | /'; return 1; }
keys() { for k in "$@"; do $T send-keys -t e2e "$k"; sleep 0.12; done; }
start() {  # start [env...] -- args
  rm -f "$STATUS"
  stop_tmux
  for _ in 1 2 3; do
    $T -u new-session -d -s e2e -x 80 -y 24 "env LANG=C.UTF-8 TERM=xterm-256color $* ; echo \$? > $STATUS; sleep 30" 2>/dev/null \
      && $T has-session -t e2e 2>/dev/null && return 0
    sleep 0.3
  done
  return 1
}
stop_tmux() {
  $T kill-server 2>/dev/null
  for _ in $(seq 40); do $T has-session 2>/dev/null || break; sleep 0.05; done
  sleep 0.1
}
exit_status() { for _ in $(seq 100); do [ -s "$STATUS" ] && { cat "$STATUS"; return; }; sleep 0.05; done; echo none; }
player_pid() { pgrep -f -- "^$BIN play" | head -1; }


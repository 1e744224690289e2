# Sourced by the bench scripts (bash): every process a script starts in the background (&) is one of its jobs, and on
# any end of the script (done, failed, Ctrl-C, TERM) they are all stopped and waited for, so that no server JVM (about
# 700 MB each) or moto outlives the run. Start servers as plain commands (`java ... &`), not inside a compound command
# (`case ... esac &`), so that the job is the JVM itself and not a subshell that would leave it orphaned.

# TERM to each pid, wait for each; what has not ended after 10 s gets KILL
stop_children() { # pid...
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  # short sleeps: the watchdog, stopped once they have ended, leaves no sleep behind
  ( for _ in $(seq 1 100); do sleep 0.1; done; kill -9 "$@" 2>/dev/null ) &
  local killer=$! pid
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
  kill "$killer" 2>/dev/null || true
  wait "$killer" 2>/dev/null || true
}

stop_all_children() {
  # a child forked but not yet exec'd has these traps too: only the script itself stops its jobs
  [ "${BASHPID:-$$}" = "$$" ] || return 0
  trap - EXIT INT TERM
  local pids
  pids=$(jobs -p)
  # shellcheck disable=SC2086 # one pid per word
  [ -z "$pids" ] || stop_children $pids
}

trap stop_all_children EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

#!/bin/sh
# agent-ssh.sh: the agent console over a real SSH login. The test makes its
# own host and client keys and runs a private sshd on 127.0.0.1; the
# client key may only run the console (authorized_keys command="..."), in
# the C locale, so the ASCII fallback is what shows. In tmux: ssh -tt logs
# in, the console comes up logged in, goes ready, shows the offer, answers
# it; quitting ends the SSH session and the core logs the agent out.
. "$top_srcdir/tests/integ/lib.sh"
. "$top_srcdir/tests/integ/tmux.sh"
SSHD=/usr/sbin/sshd
for p in tmux ssh ssh-keygen "$SSHD"; do
	command -v "$p" >/dev/null || { echo "SKIP: $p not installed"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (logs in as root over SSH)"; exit 77; }

ssh-keygen -q -t ed25519 -N '' -f "$T/host_key" || fail "host key"
ssh-keygen -q -t ed25519 -N '' -f "$T/client_key" || fail "client key"
printf 'command="env LC_ALL=C LANG=C %s/centrala-agent --state-dir %s --agent 1001 --pin 1234",no-port-forwarding,no-agent-forwarding,no-X11-forwarding %s\n' \
	"$B" "$T" "$(cat "$T/client_key.pub")" >"$T/authorized_keys"
mkdir -p /run/sshd

port_free() {
	python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" "$1" 2>/dev/null
}
port_listens() {
	python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1)" "$1" 2>/dev/null
}

# start_sshd PORT: a private sshd in the foreground (-D), in PIDS.
start_sshd() {
	cat >"$T/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
CONF
	"$SSHD" -D -f "$T/sshd_config" -E "$T/sshd.log" &
	SSHD_PID=$!
	PIDS="$PIDS $SSHD_PID"
}

PORT=
for i in 0 1 2 3 4 5 6 7; do
	p=$((20000 + ($$ + i * 1031) % 10000))
	port_free "$p" || continue
	start_sshd "$p"
	if wait_until 5 port_listens "$p"; then PORT=$p; break; fi
	kill "$SSHD_PID" 2>/dev/null
done
[ -n "$PORT" ] || fail "sshd would not start"

start_core
console_start 80 24 "ssh -tt -F /dev/null -i $T/client_key -p $PORT -o IdentitiesOnly=yes \
-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
-o LogLevel=ERROR root@127.0.0.1"
must_show 20 "State NOT READY (login)" "console not logged in over SSH"
wait_until 5 agent_is 1001 not_ready || fail "core: agent not logged in"
frame 24 || { cat "$T/screen.txt"; fail "title/key bar not in place"; }
grep -q "^+- Call -*+$" "$T/screen.txt" || { cat "$T/screen.txt"; fail "no ASCII line drawing in the C locale"; }
pass "console up over SSH, logged in (ASCII screen in the C locale)"

keys r
wait_until 5 agent_is 1001 ready || fail "core: agent not ready"
pstn_bg --calls 1 --hold never
must_show 20 "INCOMING CALL from 600100" "no offer on screen"
keys a
wait_until 10 field_is "[c['state'] for c in d['calls']][0]" connected || fail "core: call not connected"
must_show 5 "ON CALL" "call panel not connected"
wait_until 5 agent_is 1001 on_call || fail "core: agent not on call"
pass "over SSH: offer shown, answered, connected"

keys q
must_show 5 "Quit anyway?" "quit on a call did not ask"
keys n
wait_until 5 hides "Quit anyway?" || fail "prompt did not close"
keys h
must_show 10 "CALL ENDED: you hung up" "hang up not shown"
keys q
wait_until 10 agent_is 1001 logged_out || fail "core: agent still logged in after quitting"
# Dead, and not by a signal; tmux may not have the exit status yet when
# the pty closes before ssh is reaped (seen on a loaded machine).
pane_gone() {
	case "$(tmux_cmd list-panes -t c -F '#{pane_dead} #{pane_dead_status}:#{pane_dead_signal}')" in
	"1 0:"|"1 :") return 0 ;;
	*) return 1 ;;
	esac
}
wait_until 10 pane_gone || fail "the SSH session did not end cleanly: $(tmux_cmd list-panes -t c -F 'dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal}')"
pass "quit asks on a call; quitting ends the SSH session, the agent is logged out"

# tmux.sh: for the console tests (sourced after lib.sh): a private tmux
# server (its own socket, no user config, panes kept after their program
# exits so a crash shows on the screen), keys sent to it, and checks on what
# capture-pane shows. The server is killed on exit with the rest.
TMUX_SOCK=czt$$
tmux_cmd() { tmux -L "$TMUX_SOCK" -f "$T/tmux.conf" "$@"; }
# exit-empty off: a test that kills its session and starts another must
# not meet the server on its way out ("server exited unexpectedly").
printf 'set -g remain-on-exit on\nset -g history-limit 0\nset -g default-terminal screen\nset -s exit-empty off\n' >"$T/tmux.conf"

tmux_cleanup() {
	tmux_cmd kill-server 2>/dev/null
	cleanup
}
trap tmux_cleanup EXIT

# console_start COLS ROWS COMMAND: runs COMMAND in a detached session "c".
console_start() {
	tmux_cmd new-session -d -s c -x "$1" -y "$2" "$3" || fail "tmux would not start"
}

keys() { tmux_cmd send-keys -t c "$@"; }
typed() { tmux_cmd send-keys -t c -l "$1"; }
screen() { tmux_cmd capture-pane -p -t c; }
# shows REGEX / hides REGEX: what the screen holds now (for wait_until).
shows() { screen | grep -q -e "$1"; }
hides() { ! screen | grep -q -e "$1"; }
# frame ROWS: the title on the first line, the key bar on the last.
frame() {
	screen >"$T/screen.txt"
	[ "$(wc -l <"$T/screen.txt")" -eq "$1" ] &&
	head -n 1 "$T/screen.txt" | grep -q "Centrala agent console" &&
	sed -n "${1}p" "$T/screen.txt" | grep -q "^F1 Help "
}
# must_show SECONDS REGEX WHAT: waits for REGEX on screen, else fails
# with the screen in the log.
# find_key KEY: in the setup wizard's section editor, "/" to the key
# named KEY (rows are not counted: a new key in the table moves them).
find_key() {
	keys /; must_show 5 "Find a key" "no find question for $1"
	typed "$1"; keys Enter
	wait_until 5 hides "Find a key" || { screen; fail "find $1 not closed"; }
}
must_show() {
	wait_until "$1" shows "$2" || { echo "---- screen"; screen; fail "$3"; }
}
# agent_is ID STATE: per ctl status.
agent_is() {
	field_is "[a['state'] for a in d['agents'] if a['agent']=='$1'][0]" "$2"
}

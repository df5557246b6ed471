#!/bin/sh
# ivr-silence.sh: the voice menus of ivr.sh with callers who press nothing
# (apart from ivr.sh, so that the two run side by side: each caller hears
# the prompts through, half a minute). A caller who keeps silent gets the
# re-prompts, then the menu's on_fail. Speech with no digits yields no
# digit.
. "$top_srcdir/tests/integ/lib.sh"

cat "$S/data/centrala.ini" "$S/tests/integ/ivr-menus.ini" >"$T/c.ini"
start_core -c "$T/c.ini"

# Silence: re-prompt once (retries = 1), then on_fail plays goodbye and clears.
pstn_until_done 60 --calls 1 --dnis 2100 --hold never || fail "pstn (silent) failed"
wait_until 10 sql_is "select count(*) from cdr" 1 || fail "no CDR"
got=$(sql "select reason || ' ' || coalesce(queue,'-') from cdr order by id desc limit 1")
[ "$got" = "message played -" ] || fail "silent caller: $got"
[ "$(sql "select count(*) from events where kind='ivr' and detail like '%\"timeout\"%'")" = 2 ] ||
	fail "timeouts: $(sql "select detail from events where kind='ivr'")"
[ "$(sql "select count(*) from events where kind='ivr' and detail like '%\"fail\"%'")" = 1 ] || fail "on_fail"
pass "a silent caller is prompted again, then goes by on_fail"

# Speech and no digits: a recorded voice looped into the menu never makes
# a digit, so the caller ends on the on_fail path too.
pstn_until_done 60 --calls 1 --dnis 2100 --hold never --voice "$S/data/prompts/en/main-menu.wav" ||
	fail "pstn (voice) failed"
wait_until 10 sql_is "select count(*) from cdr" 2 || fail "no second CDR"
[ "$(sql "select count(*) from events where kind='ivr' and (detail like '%\"key\"%' or detail like '%\"invalid\"%') and call_id=(select call_id from cdr order by id desc limit 1)")" = 0 ] ||
	fail "talk-off: $(sql "select detail from events where kind='ivr'")"
pass "speech without digits: no false digit"

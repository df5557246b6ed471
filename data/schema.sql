-- schema.sql: Centrala's database schema, as numbered migration steps.
--
-- Format. The file is a series of steps. Each step starts with a line that
-- is exactly "-- version N" (N = 1, 2, ... in order, no gaps) and holds the
-- SQL that takes a database from version N-1 to version N, up to the next
-- such line. The build embeds this file in the binaries (core/schema-sql.c,
-- `const char schema_sql[]`). DB_SCHEMA_VERSION in core/db.h must equal the
-- highest step (test-db checks it).
--
-- Upgrade. At open the core reads PRAGMA user_version and applies every
-- step above it, each in its own transaction (BEGIN IMMEDIATE ... COMMIT)
-- that also sets user_version = N: a step is applied entirely or not at
-- all. A database whose user_version is higher than this build knows (made
-- by a newer Centrala) is refused with a message and not modified.
--
-- Rules for steps: never edit a step that has been released, add a new
-- one; no BEGIN/COMMIT and no PRAGMA that cannot run in a transaction
-- (journal_mode, for one) inside a step; no other line may begin with
-- "-- version ".
--
-- Conventions. Times are INTEGER Unix epoch milliseconds, 0 = never.
-- Text that names something optional (a route, queue, agent, reason, an
-- event's call or state) is NULL when absent, never ''. The numbers of a
-- call (cli, dnis) and its span are NOT NULL: '' means withheld or unknown.

-- version 1
CREATE TABLE meta (
	key	TEXT PRIMARY KEY,
	value	TEXT
);
INSERT INTO meta (key, value) VALUES ('created_ms',
	CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

-- One row per finished call (struct cdr in core/db.h).
CREATE TABLE cdr (
	id		INTEGER PRIMARY KEY,
	call_id		TEXT NOT NULL UNIQUE,
	direction	TEXT NOT NULL,		-- 'in' or 'out'
	start_ms	INTEGER NOT NULL,	-- SETUP seen or sent
	answer_ms	INTEGER NOT NULL DEFAULT 0,	-- CONNECT
	end_ms		INTEGER NOT NULL,
	cli		TEXT NOT NULL DEFAULT '',	-- '' = withheld
	dnis		TEXT NOT NULL DEFAULT '',
	span		TEXT NOT NULL DEFAULT '',
	channel		INTEGER NOT NULL DEFAULT 0,	-- timeslot, 0 = none
	route		TEXT,			-- 'queue:sales'; NULL = unrouted
	queue		TEXT,
	agent		TEXT,			-- the agent who talked
	queue_enter_ms	INTEGER NOT NULL DEFAULT 0,
	agent_answer_ms	INTEGER NOT NULL DEFAULT 0,
	wait_ms		INTEGER NOT NULL DEFAULT 0,
	talk_ms		INTEGER NOT NULL DEFAULT 0,
	cause		INTEGER NOT NULL DEFAULT 0,	-- Q.850 clearing cause
	cleared_by	TEXT NOT NULL,		-- network, agent, core, link
	reason		TEXT
);
CREATE INDEX cdr_start ON cdr (start_ms);
CREATE INDEX cdr_queue ON cdr (queue, start_ms);
CREATE INDEX cdr_agent ON cdr (agent, start_ms);

-- The append-only life of every call, agent and span: the raw material of
-- every statistic (docs/STATISTICS.md). detail is a JSON object as text;
-- it is deliberately not checked with json_valid(): a malformed detail
-- must not cost the event.
CREATE TABLE events (
	id		INTEGER PRIMARY KEY,
	ts_ms		INTEGER NOT NULL,
	kind		TEXT NOT NULL,		-- EV_* in core/db.h
	call_id		TEXT,
	agent		TEXT,
	queue		TEXT,
	state		TEXT,			-- agent or span state
	detail		TEXT
);
CREATE INDEX events_ts ON events (ts_ms);
CREATE INDEX events_call ON events (call_id);
CREATE INDEX events_agent ON events (agent, ts_ms);

-- PINs set by admins (`centrala ctl set-pin`): crypt(3) hashes only.
CREATE TABLE pins (
	who		TEXT PRIMARY KEY,
	hash		TEXT NOT NULL,
	set_ms		INTEGER
);

-- version 2
-- Media: what the caller chose in the menus, the digits they gave, time on
-- hold; call recordings and voicemail messages, indexed by call.
ALTER TABLE cdr ADD COLUMN ivr TEXT;		-- 'main>1>account': menus walked
ALTER TABLE cdr ADD COLUMN vars TEXT;		-- JSON: choices and digits
ALTER TABLE cdr ADD COLUMN hold_ms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recordings (
	id		INTEGER PRIMARY KEY,
	call_id		TEXT NOT NULL,
	path		TEXT NOT NULL,		-- relative to the recordings folder
	format		TEXT NOT NULL,		-- 'stereo' or 'mixed'
	why		TEXT NOT NULL,		-- 'policy' or 'agent'
	agent		TEXT,
	queue		TEXT,
	start_ms	INTEGER NOT NULL,
	end_ms		INTEGER NOT NULL DEFAULT 0,	-- 0 = still recording
	paused_ms	INTEGER NOT NULL DEFAULT 0,	-- silence written for PCI pauses
	status		TEXT NOT NULL DEFAULT 'recording',	-- 'ok', 'failed'
	error		TEXT
);
CREATE INDEX recordings_call ON recordings (call_id);
CREATE INDEX recordings_start ON recordings (start_ms);

CREATE TABLE voicemail (
	id		INTEGER PRIMARY KEY,
	call_id		TEXT NOT NULL,
	box		TEXT NOT NULL,
	cli		TEXT NOT NULL DEFAULT '',
	path		TEXT NOT NULL,		-- relative to the voicemail folder
	start_ms	INTEGER NOT NULL,
	duration_ms	INTEGER NOT NULL DEFAULT 0,
	status		TEXT NOT NULL DEFAULT 'new',	-- 'new', 'heard', 'deleted'
	error		TEXT
);
CREATE INDEX voicemail_box ON voicemail (box, start_ms);

-- version 3
-- Callbacks: a caller who chose to be called back keeps their place in
-- line (virtual hold); the request outlives a restart of the core. Each
-- attempt is an outbound call with its own CDR row, whose parent names
-- the inbound call that asked.
ALTER TABLE cdr ADD COLUMN parent TEXT;		-- the call this one serves

CREATE TABLE callbacks (
	id		INTEGER PRIMARY KEY,
	parent		TEXT,			-- the inbound call that asked
	number		TEXT NOT NULL,		-- digits to dial
	cli		TEXT NOT NULL DEFAULT '',	-- number presented: the one the caller dialled
	queue		TEXT NOT NULL,
	priority	INTEGER NOT NULL DEFAULT 0,
	requested_ms	INTEGER NOT NULL,
	place_ms	INTEGER NOT NULL,	-- its place in line: when the caller queued
	attempts	INTEGER NOT NULL DEFAULT 0,
	last_ms		INTEGER NOT NULL DEFAULT 0,	-- last attempt's end
	last_cause	INTEGER NOT NULL DEFAULT 0,	-- Q.850, 0 = none yet
	state		TEXT NOT NULL DEFAULT 'waiting',	-- 'waiting', 'done', 'failed'
	agent		TEXT,			-- who talked to the caller
	done_ms		INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX callbacks_state ON callbacks (state);

-- version 4
-- The agent desktop: customers (the screen pop finds them by the caller's
-- number), one contact per call an agent handled with its note and
-- disposition (the customer's history), and callbacks agents schedule.
CREATE TABLE customers (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	company		TEXT NOT NULL DEFAULT '',
	phone		TEXT NOT NULL DEFAULT '',	-- as given: digits, maybe '+'
	phone2		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	fields		TEXT,			-- JSON object: the center's own fields
	phone_key	TEXT NOT NULL DEFAULT '',	-- last 9 digits of phone, for lookups
	phone2_key	TEXT NOT NULL DEFAULT '',
	created_ms	INTEGER NOT NULL,
	updated_ms	INTEGER NOT NULL
);
CREATE INDEX customers_phone_key ON customers (phone_key);
CREATE INDEX customers_phone2_key ON customers (phone2_key);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

CREATE TABLE contacts (			-- one per agent who handled a call
	call_id		TEXT NOT NULL,
	customer_id	INTEGER,		-- NULL = nobody known
	agent		TEXT NOT NULL,
	queue		TEXT,
	direction	TEXT NOT NULL,		-- 'in' or 'out'
	number		TEXT NOT NULL DEFAULT '',	-- the other party's
	start_ms	INTEGER NOT NULL,	-- the agent's answer
	disposition	TEXT,
	note		TEXT NOT NULL DEFAULT '',
	updated_ms	INTEGER NOT NULL,
	PRIMARY KEY (call_id, agent)
);
CREATE INDEX contacts_customer ON contacts (customer_id, start_ms);
CREATE INDEX contacts_agent ON contacts (agent, start_ms);

ALTER TABLE callbacks ADD COLUMN due_ms INTEGER NOT NULL DEFAULT 0;	-- not before
ALTER TABLE callbacks ADD COLUMN for_agent TEXT;	-- only this agent; NULL = the queue
ALTER TABLE callbacks ADD COLUMN note TEXT;

-- version 5
-- No record lost, whatever stops the core. A call is stored from its SETUP
-- (or its dial) in calls_open; the transaction that writes its CDR deletes
-- it. An agent's session is a row from login to logout. The core updates
-- the heartbeat every few seconds; at start it closes what an earlier
-- process left open (calls, sessions, recordings) at the time that process
-- was last alive, with the reason 'core stopped' (core/db-recover.c).
CREATE TABLE calls_open (
	call_id		TEXT PRIMARY KEY,
	direction	TEXT NOT NULL,		-- 'in' or 'out'
	start_ms	INTEGER NOT NULL,	-- SETUP seen or sent
	cli		TEXT NOT NULL DEFAULT '',
	dnis		TEXT NOT NULL DEFAULT '',
	span		TEXT NOT NULL DEFAULT '',
	channel		INTEGER NOT NULL DEFAULT 0,
	parent		TEXT			-- the call a callback serves
);
-- Writing a call's CDR closes its open row, in the same transaction.
CREATE TRIGGER cdr_closes_open AFTER INSERT ON cdr BEGIN
	DELETE FROM calls_open WHERE call_id = NEW.call_id;
END;

CREATE TABLE sessions (			-- one per agent login
	id		INTEGER PRIMARY KEY,
	agent		TEXT NOT NULL,
	login_ms	INTEGER NOT NULL,
	logout_ms	INTEGER NOT NULL DEFAULT 0,	-- 0 = still logged in
	cause		TEXT			-- why it ended: 'logout', 'core stopped', ...
);
CREATE INDEX sessions_agent ON sessions (agent, login_ms);
CREATE INDEX sessions_open ON sessions (logout_ms) WHERE logout_ms = 0;
-- Agents an earlier Centrala left logged in (its last state for them is
-- not logged_out): an open session each, which the first start closes.
-- One pass over the table: walking events_agent instead would fetch every
-- row by its id (20 times slower on a million events).
WITH last AS (SELECT agent,
	    max(CASE kind WHEN 'agent_state' THEN id END) AS id,
	    max(CASE kind WHEN 'agent_login' THEN ts_ms END) AS login
	FROM events NOT INDEXED WHERE kind IN ('agent_state', 'agent_login')
	    AND agent IS NOT NULL GROUP BY agent)
INSERT INTO sessions (agent, login_ms)
	SELECT e.agent, coalesce(last.login, e.ts_ms)
	FROM last JOIN events e ON e.id = last.id
	WHERE e.state IS NOT 'logged_out' ORDER BY e.agent;

CREATE TABLE heartbeat (		-- exactly one row
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	pid		INTEGER NOT NULL DEFAULT 0,
	started_ms	INTEGER NOT NULL DEFAULT 0,	-- the process's start
	alive_ms	INTEGER NOT NULL DEFAULT 0,	-- last seen alive
	period_ms	INTEGER NOT NULL DEFAULT 0,	-- between two updates
	stopped_ms	INTEGER NOT NULL DEFAULT 0	-- orderly stop; 0 = running or crashed
);
INSERT INTO heartbeat (id) VALUES (1);

-- version 6
-- Outbound campaigns (docs/DIALER.md). A campaign is configured in the INI
-- file ([campaign NAME]); its run-time state is here, changed by
-- supervisors. Lists of records are imported from CSV, numbers in E.164;
-- every dial attempt is a row; do-not-call numbers are global (client
-- NULL) or one client's.
CREATE TABLE campaigns (
	name		TEXT PRIMARY KEY,
	state		TEXT NOT NULL,		-- running, paused, stopped, finished
	changed_by	TEXT NOT NULL DEFAULT '',	-- a user, or 'config'
	changed_ms	INTEGER NOT NULL
);

CREATE TABLE lists (
	id		INTEGER PRIMARY KEY,
	campaign	TEXT NOT NULL,
	name		TEXT NOT NULL,
	priority	INTEGER NOT NULL DEFAULT 0,	-- higher is called first
	state		TEXT NOT NULL DEFAULT 'active',	-- active, paused, removed
	created_ms	INTEGER NOT NULL,
	changed_by	TEXT NOT NULL DEFAULT '',
	UNIQUE (campaign, name)
);

CREATE TABLE records (
	id		INTEGER PRIMARY KEY,
	list_id		INTEGER NOT NULL REFERENCES lists (id),
	line		INTEGER NOT NULL,	-- in the imported file
	phone		TEXT NOT NULL,		-- E.164, '+' and digits
	name		TEXT NOT NULL DEFAULT '',
	tz		TEXT NOT NULL DEFAULT '',	-- '' = from the number
	fields		TEXT,			-- JSON object: the other columns
	state		TEXT NOT NULL DEFAULT 'open',	-- open, done
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_at_ms	INTEGER NOT NULL DEFAULT 0,	-- not before
	last_outcome	TEXT,			-- busy, ..., or a disposition
	UNIQUE (list_id, phone)
);
CREATE INDEX records_due ON records (list_id, state, next_at_ms);
CREATE INDEX records_phone ON records (phone);

CREATE TABLE attempts (
	id		INTEGER PRIMARY KEY,
	record_id	INTEGER NOT NULL REFERENCES records (id),
	ts_ms		INTEGER NOT NULL,
	outcome		TEXT NOT NULL,		-- busy, noanswer, ..., answered
	cause		INTEGER NOT NULL DEFAULT 0,	-- Q.850
	agent		TEXT,
	disposition	TEXT,
	call_id		TEXT
);
CREATE INDEX attempts_record ON attempts (record_id, ts_ms);

CREATE TABLE dnc (
	number		TEXT NOT NULL,		-- E.164
	client		TEXT,			-- NULL = every client's
	source		TEXT NOT NULL DEFAULT '',	-- request, import, disposition
	added_by	TEXT NOT NULL DEFAULT '',
	added_ms	INTEGER NOT NULL
);
CREATE UNIQUE INDEX dnc_number ON dnc (number, coalesce(client, ''));

-- version 7
-- Personal data (docs/ADMIN.md): erasing a customer on request leaves this
-- one line: when, who asked, the customer's former id and how many rows and
-- files went (a JSON object of counts). Nothing in it identifies the person.
CREATE TABLE erasures (
	id		INTEGER PRIMARY KEY,
	ts_ms		INTEGER NOT NULL,
	erased_by	TEXT NOT NULL,		-- the admin who asked
	customer_id	INTEGER NOT NULL,
	counts		TEXT NOT NULL		-- {"contacts":2,"calls":3,...}
);

-- version 8
-- Per-interval queue totals (docs/STATISTICS.md, "Stored totals"): the
-- queue figures of lib/stats.c per queue and 15-minute interval (UTC),
-- added up as calls end, so a month's interval report reads thousands of
-- rows, not millions of events. A call's figures are folded in when it
-- ends (its call_end event, written with its CDR; core/db-totals.c, by a
-- trigger of the core's own connection); wrap-up when the agent leaves
-- it; callbacks requested and failed when they happen. Aggregates with no personal data: retention and
-- erasure do not change them. The core fills the table from the existing
-- events right after this step (the backfill).
CREATE TABLE queue_totals (
	start_ms	INTEGER NOT NULL,	-- the 15-minute interval's start
	queue		TEXT NOT NULL,
	offered		INTEGER NOT NULL DEFAULT 0,
	answered	INTEGER NOT NULL DEFAULT 0,
	abandoned	INTEGER NOT NULL DEFAULT 0,	-- not short (5 s)
	short_abandoned	INTEGER NOT NULL DEFAULT 0,
	answered_in_sl	INTEGER NOT NULL DEFAULT 0,
	abandoned_after_sl INTEGER NOT NULL DEFAULT 0,
	overflowed	INTEGER NOT NULL DEFAULT 0,
	timed_out	INTEGER NOT NULL DEFAULT 0,	-- max-wait exit
	to_callback	INTEGER NOT NULL DEFAULT 0,
	cut		INTEGER NOT NULL DEFAULT 0,
	cb_requested	INTEGER NOT NULL DEFAULT 0,
	cb_connected	INTEGER NOT NULL DEFAULT 0,
	cb_failed	INTEGER NOT NULL DEFAULT 0,
	cb_delay_ms	INTEGER NOT NULL DEFAULT 0,
	wait_answered_ms INTEGER NOT NULL DEFAULT 0,
	max_wait_ms	INTEGER NOT NULL DEFAULT 0,
	talk_ms		INTEGER NOT NULL DEFAULT 0,
	hold_ms		INTEGER NOT NULL DEFAULT 0,
	wrap_ms		INTEGER NOT NULL DEFAULT 0,
	sl_target_s	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (start_ms, queue)
) WITHOUT ROWID;
-- Each agent's state as the totals last saw it, and the interval row of
-- the last call it handled: where its wrap-up time goes.
CREATE TABLE totals_agents (
	agent		TEXT PRIMARY KEY,
	state		TEXT,
	since_ms	INTEGER NOT NULL DEFAULT 0,
	queue		TEXT,
	start_ms	INTEGER
);
-- version 9
-- What the compliance report shows (docs/DIALER.md): the answering-machine
-- detector's verdict, the time from the answer to the end of the called
-- party's greeting (the 2 s of the rules count from there; 0: from the
-- answer) and to the start of the abandon message. Refusals of a number
-- on a do-not-call list at the moment of the dial are attempts rows with
-- outcome 'dnc' (not counted as attempts, as 'skipped').
ALTER TABLE attempts ADD COLUMN amd TEXT;		-- machine:long greeting
ALTER TABLE attempts ADD COLUMN greeting_ms INTEGER;
ALTER TABLE attempts ADD COLUMN message_ms INTEGER;

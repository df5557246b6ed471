-- schema.sql: Centrala's database schema, as numbered migration steps.
-- Each step starts with a line "-- version N" and holds the SQL that takes a
-- database from version N-1 to N. At start the core reads PRAGMA
-- user_version and applies every higher step, each in one transaction that
-- also sets user_version = N. Never edit a released step: add a new one.
-- A database newer than the build is refused and left untouched.

-- version 1
CREATE TABLE meta (
	key	TEXT PRIMARY KEY,
	value	TEXT
);
INSERT INTO meta (key, value) VALUES ('created_ms',
	CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

-- One row per finished call. Times are epoch milliseconds; 0 = never.
-- Optional text fields (route, queue, agent) are NULL when absent.
CREATE TABLE cdr (
	id		INTEGER PRIMARY KEY,
	call_id		TEXT NOT NULL UNIQUE,
	direction	TEXT NOT NULL,
	start_ms	INTEGER NOT NULL,
	answer_ms	INTEGER NOT NULL DEFAULT 0,
	end_ms		INTEGER NOT NULL,
	cli		TEXT NOT NULL DEFAULT '',
	dnis		TEXT NOT NULL DEFAULT '',
	span		TEXT NOT NULL DEFAULT '',
	channel		INTEGER NOT NULL DEFAULT 0,
	route		TEXT,
	queue		TEXT,
	agent		TEXT,
	queue_enter_ms	INTEGER NOT NULL DEFAULT 0,
	agent_answer_ms	INTEGER NOT NULL DEFAULT 0,
	wait_ms		INTEGER NOT NULL DEFAULT 0,
	talk_ms		INTEGER NOT NULL DEFAULT 0,
	cause		INTEGER NOT NULL DEFAULT 0,
	cleared_by	TEXT NOT NULL,
	reason		TEXT
);
CREATE INDEX cdr_start ON cdr (start_ms);
CREATE INDEX cdr_queue ON cdr (queue, start_ms);
CREATE INDEX cdr_agent ON cdr (agent, start_ms);

-- The append-only life of every call, agent and span: the raw material of
-- every statistic (docs/STATISTICS.md).
CREATE TABLE events (
	id		INTEGER PRIMARY KEY,
	ts_ms		INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	call_id		TEXT,
	agent		TEXT,
	queue		TEXT,
	state		TEXT,
	detail		TEXT
);
CREATE INDEX events_ts ON events (ts_ms);
CREATE INDEX events_call ON events (call_id);
CREATE INDEX events_agent ON events (agent, ts_ms);

-- PINs set by admins (`centrala ctl set-pin`): crypt(3) hashes only.
CREATE TABLE pins (
	who		TEXT PRIMARY KEY,
	hash		TEXT NOT NULL,
	set_ms		INTEGER NOT NULL
);

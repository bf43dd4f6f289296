/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include "ys-database.h"
#include "ys-error.h"
#include "ys-schema.h"
#include "ys-step.h"
#include "ys-timestamp.h"

/*
 * The tables, indexes and triggers, as a list of migrations that each move
 * a database one version forward. Released steps are never edited: a
 * database made by any earlier Yardstick comes up to date through them.
 */

/* The per-day and per-duration totals counted from scratch, as schema 3
 * added them. */
#define DAILY_FROM_RUNS \
  "INSERT INTO daily SELECT workflow_id, mode, coalesce (tool_id, ''), started_on, count(*)," \
  "  sum (corrections), sum (corrections >= 1), sum (used IS 1), sum (used IS 0)" \
  "  FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
#define DURATIONS_FROM_RUNS \
  "INSERT INTO durations SELECT workflow_id, mode, coalesce (tool_id, ''), duration_seconds," \
  "  count(*) FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"

/* Any change to a record of @table advances the count of changes. */
#define SYNC_TRIGGERS(table) \
  "CREATE TRIGGER sync_" table "_insert AFTER INSERT ON " table " BEGIN" \
  "  UPDATE sync_state SET changes = changes + 1; END;" \
  "CREATE TRIGGER sync_" table "_update AFTER UPDATE ON " table " BEGIN" \
  "  UPDATE sync_state SET changes = changes + 1; END;" \
  "CREATE TRIGGER sync_" table "_delete AFTER DELETE ON " table " BEGIN" \
  "  UPDATE sync_state SET changes = changes + 1; END;"

/* The same since schema 8, which counts drawn and overridden runs per day
 * and keeps the per-duration counts of each workflow and mode with drawn
 * runs apart (after schema 8's own migration). */
#define DAILY_FROM_RUNS_8 \
  "INSERT INTO daily (workflow_id, mode, tool_key, day, runs, corrections, corrected," \
  "  used_yes, used_no, drawn, overridden)" \
  "  SELECT workflow_id, mode, coalesce (tool_id, ''), started_on, count(*), sum (corrections)," \
  "  sum (corrections >= 1), sum (used IS 1), sum (used IS 0), sum (assignment = 1)," \
  "  sum (assignment = 2) FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
#define MODE_DURATIONS_FROM_RUNS_8 \
  "INSERT INTO mode_durations (workflow_id, mode, duration_seconds, drawn, runs)" \
  "  SELECT workflow_id, mode, duration_seconds, assignment = 1, count(*) FROM runs" \
  "  WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"

/* Schema 8's totals triggers: a run counts in (ADD_NEW) or out (REMOVE_OLD). */
#define ADD_NEW_8 \
  "  INSERT INTO daily (workflow_id, mode, tool_key, day, runs, corrections, corrected," \
  "   used_yes, used_no, drawn, overridden)" \
  "  VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''), NEW.started_on, 1," \
  "   NEW.corrections, NEW.corrections >= 1, NEW.used IS 1, NEW.used IS 0, NEW.assignment = 1," \
  "   NEW.assignment = 2)" \
  "  ON CONFLICT DO UPDATE SET runs = runs + 1, corrections = corrections + excluded.corrections," \
  "   corrected = corrected + excluded.corrected, used_yes = used_yes + excluded.used_yes," \
  "   used_no = used_no + excluded.used_no, drawn = drawn + excluded.drawn," \
  "   overridden = overridden + excluded.overridden;" \
  "  INSERT INTO durations VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, '')," \
  "   NEW.duration_seconds, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;" \
  "  INSERT INTO mode_durations VALUES (NEW.workflow_id, NEW.mode, NEW.duration_seconds," \
  "   NEW.assignment = 1, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;"
#define REMOVE_OLD_8 \
  "  UPDATE daily SET runs = runs - 1, corrections = corrections - OLD.corrections," \
  "   corrected = corrected - (OLD.corrections >= 1), used_yes = used_yes - (OLD.used IS 1)," \
  "   used_no = used_no - (OLD.used IS 0), drawn = drawn - (OLD.assignment = 1)," \
  "   overridden = overridden - (OLD.assignment = 2)" \
  "  WHERE workflow_id = OLD.workflow_id AND mode = OLD.mode" \
  "   AND tool_key = coalesce (OLD.tool_id, '') AND day = OLD.started_on;" \
  "  UPDATE durations SET runs = runs - 1 WHERE workflow_id = OLD.workflow_id" \
  "   AND mode = OLD.mode AND tool_key = coalesce (OLD.tool_id, '')" \
  "   AND duration_seconds = OLD.duration_seconds;" \
  "  UPDATE mode_durations SET runs = runs - 1 WHERE workflow_id = OLD.workflow_id" \
  "   AND mode = OLD.mode AND duration_seconds = OLD.duration_seconds" \
  "   AND drawn = (OLD.assignment = 1);"
#define COUNTED_COLUMNS_8 \
  "workflow_id, mode, tool_id, started_on, duration_seconds, corrections, used, assignment, deleted"

/* Schema 9 keys runs by an integer and refers to workflows and tools by
 * theirs (runs.workflow, runs.tool; 0 for no tool in the totals), so the
 * totals and every index hold small integers where they held 36-character
 * ids. The same totals as schema 8's, counted from scratch: after schema
 * 9's own migration and after a bulk merge (ys_schema_bulk_end()). */
#define DAILY_FROM_RUNS_9 \
  "INSERT INTO daily (workflow, mode, tool, day, runs, corrections, corrected, used_yes," \
  "  used_no, drawn, overridden)" \
  "  SELECT workflow, mode, coalesce (tool, 0), started_on, count(*), sum (corrections)," \
  "  sum (corrections >= 1), sum (used IS 1), sum (used IS 0), sum (assignment = 1)," \
  "  sum (assignment = 2) FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
#define DURATIONS_FROM_RUNS_9 \
  "INSERT INTO durations (workflow, mode, tool, duration_seconds, runs)" \
  "  SELECT workflow, mode, coalesce (tool, 0), duration_seconds, count(*) FROM runs" \
  "  WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
#define MODE_DURATIONS_FROM_RUNS_9 \
  "INSERT INTO mode_durations (workflow, mode, duration_seconds, drawn, runs)" \
  "  SELECT workflow, mode, duration_seconds, assignment = 1, count(*) FROM runs" \
  "  WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"

/* Schema 9's totals triggers, as schema 8's with the integer keys. */
#define ADD_NEW_9 \
  "  INSERT INTO daily (workflow, mode, tool, day, runs, corrections, corrected, used_yes," \
  "   used_no, drawn, overridden)" \
  "  VALUES (NEW.workflow, NEW.mode, coalesce (NEW.tool, 0), NEW.started_on, 1," \
  "   NEW.corrections, NEW.corrections >= 1, NEW.used IS 1, NEW.used IS 0, NEW.assignment = 1," \
  "   NEW.assignment = 2)" \
  "  ON CONFLICT DO UPDATE SET runs = runs + 1, corrections = corrections + excluded.corrections," \
  "   corrected = corrected + excluded.corrected, used_yes = used_yes + excluded.used_yes," \
  "   used_no = used_no + excluded.used_no, drawn = drawn + excluded.drawn," \
  "   overridden = overridden + excluded.overridden;" \
  "  INSERT INTO durations VALUES (NEW.workflow, NEW.mode, coalesce (NEW.tool, 0)," \
  "   NEW.duration_seconds, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;" \
  "  INSERT INTO mode_durations VALUES (NEW.workflow, NEW.mode, NEW.duration_seconds," \
  "   NEW.assignment = 1, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;"
#define REMOVE_OLD_9 \
  "  UPDATE daily SET runs = runs - 1, corrections = corrections - OLD.corrections," \
  "   corrected = corrected - (OLD.corrections >= 1), used_yes = used_yes - (OLD.used IS 1)," \
  "   used_no = used_no - (OLD.used IS 0), drawn = drawn - (OLD.assignment = 1)," \
  "   overridden = overridden - (OLD.assignment = 2)" \
  "  WHERE workflow = OLD.workflow AND mode = OLD.mode" \
  "   AND tool = coalesce (OLD.tool, 0) AND day = OLD.started_on;" \
  "  UPDATE durations SET runs = runs - 1 WHERE workflow = OLD.workflow" \
  "   AND mode = OLD.mode AND tool = coalesce (OLD.tool, 0)" \
  "   AND duration_seconds = OLD.duration_seconds;" \
  "  UPDATE mode_durations SET runs = runs - 1 WHERE workflow = OLD.workflow" \
  "   AND mode = OLD.mode AND duration_seconds = OLD.duration_seconds" \
  "   AND drawn = (OLD.assignment = 1);"
#define COUNTED_COLUMNS_9 \
  "workflow, mode, tool, started_on, duration_seconds, corrections, used, assignment, deleted"

/* Each entry moves the schema one version forward; never edit a released one. */
static const char *migrations[] = {
  /* 1: workflows, tools, runs and feedback as FORMAT.md describes them. */
  "CREATE TABLE workflows ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  people INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 10000),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE tools ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE runs ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  workflow_id TEXT NOT NULL REFERENCES workflows (id),"
  "  mode INTEGER NOT NULL CHECK (mode IN (0, 1)),"
  "  tool_id TEXT REFERENCES tools (id),"
  "  started_at INTEGER NOT NULL,"
  "  started_on TEXT NOT NULL,"
  "  duration_seconds INTEGER NOT NULL CHECK (duration_seconds BETWEEN 1 AND 604800),"
  "  corrections INTEGER NOT NULL CHECK (corrections BETWEEN 0 AND 1000),"
  "  used INTEGER CHECK (used IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  CHECK ((mode = 1) = (tool_id IS NOT NULL))"
  ") STRICT;"
  "CREATE TABLE feedback ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  workflow_id TEXT NOT NULL REFERENCES workflows (id),"
  "  tool_id TEXT NOT NULL REFERENCES tools (id),"
  "  saves_time INTEGER NOT NULL CHECK (saves_time IN (0, 1)),"
  "  given_on TEXT NOT NULL,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  /* The run list of a workflow, newest first. */
  "CREATE INDEX runs_by_workflow_start ON runs (workflow_id, started_at DESC, id)"
  "  WHERE deleted = 0;"
  /* Per-workflow, per-mode, per-period aggregation (counts, weekly series). */
  "CREATE INDEX runs_by_workflow_mode_day ON runs (workflow_id, mode, started_on)"
  "  WHERE deleted = 0;"
  /* Medians: an ordered scan of one workflow and mode by duration. */
  "CREATE INDEX runs_by_workflow_mode_duration"
  "  ON runs (workflow_id, mode, duration_seconds) WHERE deleted = 0;"
  "CREATE INDEX runs_by_tool ON runs (tool_id, workflow_id) WHERE deleted = 0;"
  "CREATE INDEX feedback_by_workflow ON feedback (workflow_id, tool_id, given_on)"
  "  WHERE deleted = 0;",

  /* 2: running timers (local to this machine, never in bundles), and the
   * runs still waiting to hear whether their output was used. */
  "CREATE TABLE timers ("
  "  workflow_id TEXT PRIMARY KEY NOT NULL REFERENCES workflows (id),"
  "  mode INTEGER NOT NULL CHECK (mode IN (0, 1)),"
  "  tool_id TEXT REFERENCES tools (id),"
  "  started_at INTEGER NOT NULL,"
  "  paused_at INTEGER,"
  "  paused_total INTEGER NOT NULL DEFAULT 0 CHECK (paused_total >= 0),"
  "  CHECK ((mode = 1) = (tool_id IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX runs_awaiting_outcome ON runs (started_at DESC, id)"
  "  WHERE used IS NULL AND deleted = 0;",

  /* 3: what the figures need to stay fast on years of runs. Counts and
   * rates come from "daily", kept by triggers, one row per workflow, mode,
   * tool and day; a median is a seek into a covering index ordered by
   * duration (per mode, per tool, per week) and a few steps along it. */
  "ALTER TABLE runs ADD COLUMN started_week TEXT NOT NULL DEFAULT '';"
  "UPDATE runs SET started_week = date (started_on, 'weekday 0', '-6 days');"
  "DROP INDEX runs_by_workflow_mode_day;"
  "DROP INDEX runs_by_workflow_mode_duration;"
  "DROP INDEX runs_by_tool;"
  "CREATE INDEX runs_by_duration ON runs (workflow_id, mode, duration_seconds, started_on)"
  "  WHERE deleted = 0;"
  "CREATE INDEX runs_by_tool_duration"
  "  ON runs (workflow_id, mode, tool_id, duration_seconds, started_on) WHERE deleted = 0;"
  "CREATE INDEX runs_by_week"
  "  ON runs (workflow_id, mode, started_week, duration_seconds, started_on) WHERE deleted = 0;"
  "CREATE TABLE daily ("
  "  workflow_id TEXT NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  tool_key TEXT NOT NULL,"
  "  day TEXT NOT NULL,"
  "  runs INTEGER NOT NULL,"
  "  corrections INTEGER NOT NULL,"
  "  corrected INTEGER NOT NULL,"
  "  used_yes INTEGER NOT NULL,"
  "  used_no INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow_id, mode, day, tool_key)"
  ") STRICT, WITHOUT ROWID;"
  DAILY_FROM_RUNS
  /* How many runs took each duration: the whole history's medians are a
   * walk over distinct durations, not over runs. */
  "CREATE TABLE durations ("
  "  workflow_id TEXT NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  tool_key TEXT NOT NULL,"
  "  duration_seconds INTEGER NOT NULL,"
  "  runs INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow_id, mode, tool_key, duration_seconds)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX durations_by_mode ON durations (workflow_id, mode, duration_seconds, runs);"
  DURATIONS_FROM_RUNS
  "CREATE TRIGGER daily_insert AFTER INSERT ON runs WHEN NEW.deleted = 0 BEGIN"
  "  INSERT INTO daily VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.started_on, 1, NEW.corrections, NEW.corrections >= 1, NEW.used IS 1, NEW.used IS 0)"
  "  ON CONFLICT DO UPDATE SET runs = runs + 1, corrections = corrections + excluded.corrections,"
  "   corrected = corrected + excluded.corrected, used_yes = used_yes + excluded.used_yes,"
  "   used_no = used_no + excluded.used_no;"
  "  INSERT INTO durations VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.duration_seconds, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;"
  "END;"
  "CREATE TRIGGER daily_update_old AFTER UPDATE ON runs WHEN OLD.deleted = 0 BEGIN"
  "  UPDATE daily SET runs = runs - 1, corrections = corrections - OLD.corrections,"
  "   corrected = corrected - (OLD.corrections >= 1), used_yes = used_yes - (OLD.used IS 1),"
  "   used_no = used_no - (OLD.used IS 0)"
  "  WHERE workflow_id = OLD.workflow_id AND mode = OLD.mode"
  "   AND tool_key = coalesce (OLD.tool_id, '') AND day = OLD.started_on;"
  "  UPDATE durations SET runs = runs - 1 WHERE workflow_id = OLD.workflow_id"
  "   AND mode = OLD.mode AND tool_key = coalesce (OLD.tool_id, '')"
  "   AND duration_seconds = OLD.duration_seconds;"
  "END;"
  "CREATE TRIGGER daily_update_new AFTER UPDATE ON runs WHEN NEW.deleted = 0 BEGIN"
  "  INSERT INTO daily VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.started_on, 1, NEW.corrections, NEW.corrections >= 1, NEW.used IS 1, NEW.used IS 0)"
  "  ON CONFLICT DO UPDATE SET runs = runs + 1, corrections = corrections + excluded.corrections,"
  "   corrected = corrected + excluded.corrected, used_yes = used_yes + excluded.used_yes,"
  "   used_no = used_no + excluded.used_no;"
  "  INSERT INTO durations VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.duration_seconds, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;"
  "END;"
  "CREATE TRIGGER daily_delete AFTER DELETE ON runs WHEN OLD.deleted = 0 BEGIN"
  "  UPDATE daily SET runs = runs - 1, corrections = corrections - OLD.corrections,"
  "   corrected = corrected - (OLD.corrections >= 1), used_yes = used_yes - (OLD.used IS 1),"
  "   used_no = used_no - (OLD.used IS 0)"
  "  WHERE workflow_id = OLD.workflow_id AND mode = OLD.mode"
  "   AND tool_key = coalesce (OLD.tool_id, '') AND day = OLD.started_on;"
  "  UPDATE durations SET runs = runs - 1 WHERE workflow_id = OLD.workflow_id"
  "   AND mode = OLD.mode AND tool_key = coalesce (OLD.tool_id, '')"
  "   AND duration_seconds = OLD.duration_seconds;"
  "END;",

  /* 4: the quarterly review, carried in bundles as "reviews". */
  "CREATE TABLE reviews ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  quarter TEXT NOT NULL,"
  "  coverage_percent INTEGER CHECK (coverage_percent BETWEEN 0 AND 100),"
  "  working TEXT NOT NULL DEFAULT '',"
  "  not_working TEXT NOT NULL DEFAULT '',"
  "  more_rework TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX reviews_by_quarter ON reviews (quarter, updated_at) WHERE deleted = 0;",

  /* 5: everything the fair test, tool costs and time-tracker imports need,
   * in one step; and days that agree on every computer. A run keeps the UTC
   * offset its start was written with (runs already here get this
   * computer's offset at that instant, and keep their day); its mode may
   * have been drawn (0 chosen, 1 drawn, 2 overridden), for runs and for a
   * running timer; it may come from a time tracker. A tool may have a
   * monthly cost in hundredths. The totals triggers now fire only when a
   * column they count changes. */
  "ALTER TABLE runs ADD COLUMN started_offset INTEGER NOT NULL DEFAULT 0"
  "  CHECK (started_offset BETWEEN -86400 AND 86400);"
  "ALTER TABLE runs ADD COLUMN assignment INTEGER NOT NULL DEFAULT 0"
  "  CHECK (assignment IN (0, 1, 2));"
  "ALTER TABLE runs ADD COLUMN source TEXT CHECK (source IN ('tracker'));"
  "ALTER TABLE tools ADD COLUMN monthly_cost INTEGER"
  "  CHECK (monthly_cost BETWEEN 0 AND 1000000000);"
  "ALTER TABLE workflows ADD COLUMN fair_test INTEGER NOT NULL DEFAULT 0"
  "  CHECK (fair_test IN (0, 1));"
  "ALTER TABLE timers ADD COLUMN assignment INTEGER NOT NULL DEFAULT 0"
  "  CHECK (assignment IN (0, 1, 2));"
  "DROP TRIGGER daily_update_old;"
  "DROP TRIGGER daily_update_new;"
  "UPDATE runs SET started_offset = ys_local_offset (started_at);"
  "CREATE TRIGGER daily_update_old AFTER UPDATE OF workflow_id, mode, tool_id, started_on,"
  "  duration_seconds, corrections, used, deleted ON runs WHEN OLD.deleted = 0 BEGIN"
  "  UPDATE daily SET runs = runs - 1, corrections = corrections - OLD.corrections,"
  "   corrected = corrected - (OLD.corrections >= 1), used_yes = used_yes - (OLD.used IS 1),"
  "   used_no = used_no - (OLD.used IS 0)"
  "  WHERE workflow_id = OLD.workflow_id AND mode = OLD.mode"
  "   AND tool_key = coalesce (OLD.tool_id, '') AND day = OLD.started_on;"
  "  UPDATE durations SET runs = runs - 1 WHERE workflow_id = OLD.workflow_id"
  "   AND mode = OLD.mode AND tool_key = coalesce (OLD.tool_id, '')"
  "   AND duration_seconds = OLD.duration_seconds;"
  "END;"
  "CREATE TRIGGER daily_update_new AFTER UPDATE OF workflow_id, mode, tool_id, started_on,"
  "  duration_seconds, corrections, used, deleted ON runs WHEN NEW.deleted = 0 BEGIN"
  "  INSERT INTO daily VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.started_on, 1, NEW.corrections, NEW.corrections >= 1, NEW.used IS 1, NEW.used IS 0)"
  "  ON CONFLICT DO UPDATE SET runs = runs + 1, corrections = corrections + excluded.corrections,"
  "   corrected = corrected + excluded.corrected, used_yes = used_yes + excluded.used_yes,"
  "   used_no = used_no + excluded.used_no;"
  "  INSERT INTO durations VALUES (NEW.workflow_id, NEW.mode, coalesce (NEW.tool_id, ''),"
  "   NEW.duration_seconds, 1) ON CONFLICT DO UPDATE SET runs = runs + 1;"
  "END;",

  /* 6: the runs that came from a time tracker's history, which the figures
   * and the report count, without reading the other runs. */
  "CREATE INDEX runs_from_tracker ON runs (workflow_id, started_on)"
  "  WHERE source = 'tracker' AND deleted = 0;",

  /* 7: the team folder, local to this computer and never in bundles. One
   * row of state: the device id (made at the first sync), a count of
   * changes to records that the triggers below advance (a bulk merge, which
   * drops the triggers on runs, advances it itself), and what the last own
   * file written held; then what was last read of each other file, so that
   * an unchanged one is not read again. */
  "CREATE TABLE sync_state ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  device_id TEXT,"
  "  folder TEXT,"
  "  changes INTEGER NOT NULL DEFAULT 0,"
  "  written_changes INTEGER,"
  "  written_size INTEGER,"
  "  written_mtime INTEGER,"
  "  written_inode INTEGER,"
  "  written_hash TEXT,"
  "  synced_at INTEGER"
  ") STRICT;"
  "INSERT INTO sync_state (id) VALUES (1);"
  "CREATE TABLE sync_files ("
  "  name TEXT PRIMARY KEY NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  mtime INTEGER NOT NULL,"
  "  inode INTEGER NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  merged INTEGER NOT NULL CHECK (merged IN (0, 1)),"
  "  problem TEXT,"
  "  failing_since INTEGER"
  ") STRICT, WITHOUT ROWID;"
  SYNC_TRIGGERS ("workflows")
  SYNC_TRIGGERS ("tools")
  SYNC_TRIGGERS ("runs")
  SYNC_TRIGGERS ("feedback")
  SYNC_TRIGGERS ("reviews"),

  /* 8: the fair test. The per-day totals count drawn and overridden runs.
   * The per-duration counts of each workflow and mode (no tool) keep drawn
   * runs apart, so that one walk along them gives both the whole history's
   * durations and its drawn runs' (they replace durations_by_mode, which
   * listed every tool's row); the index of a week's durations ends with
   * how the mode was decided, so that one scan of a period gives both too.
   * Each workflow's walk of draws (ys-draw.h): where it stands above its
   * lowest point, how far its highest is above that, and a drawn mode not
   * yet used by a run (its timer was discarded). A timer's drawn mode with
   * AI may wait for its tool, and it keeps the reason given for doing the
   * run the other way. */
  "ALTER TABLE daily ADD COLUMN drawn INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE daily ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0;"
  "DELETE FROM daily;"
  DAILY_FROM_RUNS_8
  "DROP INDEX durations_by_mode;"
  "CREATE TABLE mode_durations ("
  "  workflow_id TEXT NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  duration_seconds INTEGER NOT NULL,"
  "  drawn INTEGER NOT NULL CHECK (drawn IN (0, 1)),"
  "  runs INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow_id, mode, duration_seconds, drawn)"
  ") STRICT, WITHOUT ROWID;"
  MODE_DURATIONS_FROM_RUNS_8
  "DROP INDEX runs_by_week;"
  "CREATE INDEX runs_by_week"
  "  ON runs (workflow_id, mode, started_week, duration_seconds, started_on, assignment)"
  "  WHERE deleted = 0;"
  "DROP TRIGGER daily_insert;"
  "DROP TRIGGER daily_update_old;"
  "DROP TRIGGER daily_update_new;"
  "DROP TRIGGER daily_delete;"
  "CREATE TRIGGER daily_insert AFTER INSERT ON runs WHEN NEW.deleted = 0 BEGIN"
  ADD_NEW_8
  "END;"
  "CREATE TRIGGER daily_update_old AFTER UPDATE OF " COUNTED_COLUMNS_8 " ON runs"
  "  WHEN OLD.deleted = 0 BEGIN"
  REMOVE_OLD_8
  "END;"
  "CREATE TRIGGER daily_update_new AFTER UPDATE OF " COUNTED_COLUMNS_8 " ON runs"
  "  WHEN NEW.deleted = 0 BEGIN"
  ADD_NEW_8
  "END;"
  "CREATE TRIGGER daily_delete AFTER DELETE ON runs WHEN OLD.deleted = 0 BEGIN"
  REMOVE_OLD_8
  "END;"
  "CREATE TABLE draws ("
  "  workflow_id TEXT PRIMARY KEY NOT NULL REFERENCES workflows (id),"
  "  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 2),"
  "  span INTEGER NOT NULL CHECK (span BETWEEN position AND 2),"
  "  pending INTEGER CHECK (pending IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE timers_8 ("
  "  workflow_id TEXT PRIMARY KEY NOT NULL REFERENCES workflows (id),"
  "  mode INTEGER NOT NULL CHECK (mode IN (0, 1)),"
  "  tool_id TEXT REFERENCES tools (id),"
  "  started_at INTEGER NOT NULL,"
  "  paused_at INTEGER,"
  "  paused_total INTEGER NOT NULL DEFAULT 0 CHECK (paused_total >= 0),"
  "  assignment INTEGER NOT NULL DEFAULT 0 CHECK (assignment IN (0, 1, 2)),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  CHECK (CASE WHEN mode = 0 THEN tool_id IS NULL"
  "         WHEN assignment = 0 THEN tool_id IS NOT NULL ELSE 1 END)"
  ") STRICT;"
  "INSERT INTO timers_8 (workflow_id, mode, tool_id, started_at, paused_at, paused_total,"
  "  assignment) SELECT workflow_id, mode, tool_id, started_at, paused_at, paused_total,"
  "  assignment FROM timers;"
  "DROP TABLE timers;"
  "ALTER TABLE timers_8 RENAME TO timers;",

  /* 9: integer keys, so that a million runs take about a third of the
   * space (631 MB of pages before, 212 MB after). Workflows, tools and
   * runs get an INTEGER PRIMARY KEY (the rowid they had, which VACUUM
   * could renumber until now) and keep their id, the UUID, once, with a
   * unique index for finding a record by it. Runs, their indexes and the
   * totals refer to workflows and tools by key; the small per-workflow
   * tables (feedback, timers, draws) keep the ids. The run list and
   * Awaiting Outcome order runs of the same start by id after reading
   * them, so their indexes need not hold it, and read those indexes
   * backwards: runs mostly arrive in order of start, which an ascending
   * index takes at its end, its pages kept full (filled so, a descending
   * one had half-full pages, 28 MB instead of 14 at a million runs).
   * runs_by_duration goes; the figures' points come along runs_by_week. The indexes and totals are
   * dropped first, so that the new rows reuse their pages. (Tables that
   * others refer to are rebuilt with foreign keys off: migrate_to()
   * checks them before the commit; a run whose workflow or tool is not
   * there fails its NOT NULL or CHECK constraint rather than go.) */
  "DROP TRIGGER daily_insert;"
  "DROP TRIGGER daily_update_old;"
  "DROP TRIGGER daily_update_new;"
  "DROP TRIGGER daily_delete;"
  "DROP INDEX runs_by_workflow_start;"
  "DROP INDEX runs_awaiting_outcome;"
  "DROP INDEX runs_by_duration;"
  "DROP INDEX runs_by_tool_duration;"
  "DROP INDEX runs_by_week;"
  "DROP INDEX runs_from_tracker;"
  "DROP TABLE daily;"
  "DROP TABLE durations;"
  "DROP TABLE mode_durations;"
  "CREATE TABLE workflows_9 ("
  "  key INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  people INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 10000),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  fair_test INTEGER NOT NULL DEFAULT 0 CHECK (fair_test IN (0, 1))"
  ") STRICT;"
  "INSERT INTO workflows_9 (key, id, name, description, people, archived, position, updated_at,"
  "  deleted, fair_test) SELECT rowid, id, name, description, people, archived, position,"
  "  updated_at, deleted, fair_test FROM workflows;"
  "CREATE TABLE tools_9 ("
  "  key INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  monthly_cost INTEGER CHECK (monthly_cost BETWEEN 0 AND 1000000000),"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"
  ") STRICT;"
  "INSERT INTO tools_9 (key, id, name, monthly_cost, updated_at, deleted)"
  "  SELECT rowid, id, name, monthly_cost, updated_at, deleted FROM tools;"
  "CREATE TABLE runs_9 ("
  "  key INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  workflow INTEGER NOT NULL REFERENCES workflows (key),"
  "  mode INTEGER NOT NULL CHECK (mode IN (0, 1)),"
  "  tool INTEGER REFERENCES tools (key),"
  "  started_at INTEGER NOT NULL,"
  "  started_offset INTEGER NOT NULL DEFAULT 0 CHECK (started_offset BETWEEN -86400 AND 86400),"
  "  started_on TEXT NOT NULL,"
  "  started_week TEXT NOT NULL,"
  "  duration_seconds INTEGER NOT NULL CHECK (duration_seconds BETWEEN 1 AND 604800),"
  "  corrections INTEGER NOT NULL CHECK (corrections BETWEEN 0 AND 1000),"
  "  used INTEGER CHECK (used IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  assignment INTEGER NOT NULL DEFAULT 0 CHECK (assignment IN (0, 1, 2)),"
  "  source TEXT CHECK (source IN ('tracker')),"
  "  updated_at INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  CHECK ((mode = 1) = (tool IS NOT NULL))"
  ") STRICT;"
  "INSERT INTO runs_9 (key, id, workflow, mode, tool, started_at, started_offset, started_on,"
  "  started_week, duration_seconds, corrections, used, note, assignment, source, updated_at,"
  "  deleted)"
  "  SELECT r.rowid, r.id, w.rowid, r.mode, t.rowid, r.started_at, r.started_offset,"
  "  r.started_on, r.started_week, r.duration_seconds, r.corrections, r.used, r.note,"
  "  r.assignment, r.source, r.updated_at, r.deleted"
  "  FROM runs r LEFT JOIN workflows w ON w.id = r.workflow_id"
  "  LEFT JOIN tools t ON t.id = r.tool_id;"
  "DROP TABLE runs;"
  "DROP TABLE workflows;"
  "DROP TABLE tools;"
  "ALTER TABLE workflows_9 RENAME TO workflows;"
  "ALTER TABLE tools_9 RENAME TO tools;"
  "ALTER TABLE runs_9 RENAME TO runs;"
  "CREATE TABLE daily ("
  "  workflow INTEGER NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  tool INTEGER NOT NULL,"
  "  day TEXT NOT NULL,"
  "  runs INTEGER NOT NULL,"
  "  corrections INTEGER NOT NULL,"
  "  corrected INTEGER NOT NULL,"
  "  used_yes INTEGER NOT NULL,"
  "  used_no INTEGER NOT NULL,"
  "  drawn INTEGER NOT NULL,"
  "  overridden INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow, mode, day, tool)"
  ") STRICT, WITHOUT ROWID;"
  DAILY_FROM_RUNS_9
  "CREATE TABLE durations ("
  "  workflow INTEGER NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  tool INTEGER NOT NULL,"
  "  duration_seconds INTEGER NOT NULL,"
  "  runs INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow, mode, tool, duration_seconds)"
  ") STRICT, WITHOUT ROWID;"
  DURATIONS_FROM_RUNS_9
  "CREATE TABLE mode_durations ("
  "  workflow INTEGER NOT NULL,"
  "  mode INTEGER NOT NULL,"
  "  duration_seconds INTEGER NOT NULL,"
  "  drawn INTEGER NOT NULL CHECK (drawn IN (0, 1)),"
  "  runs INTEGER NOT NULL,"
  "  PRIMARY KEY (workflow, mode, duration_seconds, drawn)"
  ") STRICT, WITHOUT ROWID;"
  MODE_DURATIONS_FROM_RUNS_9
  "CREATE INDEX runs_by_workflow_start ON runs (workflow, started_at) WHERE deleted = 0;"
  "CREATE INDEX runs_awaiting_outcome ON runs (started_at) WHERE used IS NULL AND deleted = 0;"
  "CREATE INDEX runs_by_tool_duration"
  "  ON runs (workflow, mode, tool, duration_seconds, started_on) WHERE deleted = 0;"
  "CREATE INDEX runs_by_week"
  "  ON runs (workflow, mode, started_week, duration_seconds, started_on, assignment)"
  "  WHERE deleted = 0;"
  "CREATE INDEX runs_from_tracker ON runs (workflow, started_on)"
  "  WHERE source = 'tracker' AND deleted = 0;"
  "CREATE TRIGGER daily_insert AFTER INSERT ON runs WHEN NEW.deleted = 0 BEGIN"
  ADD_NEW_9
  "END;"
  "CREATE TRIGGER daily_update_old AFTER UPDATE OF " COUNTED_COLUMNS_9 " ON runs"
  "  WHEN OLD.deleted = 0 BEGIN"
  REMOVE_OLD_9
  "END;"
  "CREATE TRIGGER daily_update_new AFTER UPDATE OF " COUNTED_COLUMNS_9 " ON runs"
  "  WHEN NEW.deleted = 0 BEGIN"
  ADD_NEW_9
  "END;"
  "CREATE TRIGGER daily_delete AFTER DELETE ON runs WHEN OLD.deleted = 0 BEGIN"
  REMOVE_OLD_9
  "END;"
  SYNC_TRIGGERS ("workflows")
  SYNC_TRIGGERS ("tools")
  SYNC_TRIGGERS ("runs"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == YS_SCHEMA_VERSION);

/* ys_local_offset (unix_seconds): this computer's UTC offset at that
 * instant, as the store computed runs' days before version 5. */
static void
local_offset (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  sqlite3_result_int (context, ys_timestamp_zone_offset (sqlite3_user_data (context),
                                                         sqlite3_value_int64 (argv[0])));
}

static void
unref_zone (void *zone)
{
  g_time_zone_unref (zone);
}

static gboolean
check_foreign_keys (YsDatabase  *database,
                    GError     **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (database,
    "SELECT count(*) FROM pragma_foreign_key_check", error);
  gint64 broken = 0;

  if (stmt == NULL || !ys_database_query_int64 (database, stmt, &broken, error))
    return FALSE;
  /* Foreign keys have been on since schema 1: a record that refers to
   * nothing means a damaged file. */
  if (broken > 0)
    {
      ys_database_set_error (database, SQLITE_CORRUPT, TRUE, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_to (YsDatabase  *database,
            int          from_version,
            int          to_version,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  gboolean ok = TRUE;

  g_return_val_if_fail (from_version >= 0 && to_version <= YS_SCHEMA_VERSION, FALSE);

  if (from_version >= to_version)
    return TRUE;

  sqlite3_create_function_v2 (ys_database_get_handle (database), "ys_local_offset", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, g_time_zone_new_local (),
                              local_offset, NULL, NULL, unref_zone);

  /* A step may rebuild a table that others refer to (schema 9 does), which
   * SQLite allows only with foreign keys off, a setting it takes only
   * outside a transaction: they are checked before the commit instead. */
  sqlite3_exec (ys_database_get_handle (database), "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  ok = ys_database_begin (database, YS_TRANSACTION_WRITE, error);
  if (ok)
    {
      for (int v = from_version; ok && v < to_version; v++)
        {
          ys_step ("migrating");
          ok = ys_database_exec (database, migrations[v], error);
        }
      ok = ok && check_foreign_keys (database, error);
      ok = ok && ys_database_exec (database, sql, error);
      if (ok)
        ys_step ("migrated");
      ok = ys_database_end (database, ok, ok ? error : NULL);
    }
  sqlite3_exec (ys_database_get_handle (database), "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}

gboolean
ys_schema_migrate (YsDatabase  *database,
                   int          from_version,
                   GError     **error)
{
  gboolean ok;

  if (from_version >= YS_SCHEMA_VERSION)
    return TRUE;

  /* Rebuilding a million runs' indexes sorts them in temporary files
   * rather than in memory, as a bulk merge does. */
  ys_database_set_bulk (database, TRUE);
  ok = migrate_to (database, from_version, YS_SCHEMA_VERSION, error);

  /* Schema 9 wrote every run again in a third of the space; the pages the
   * old rows and indexes held stay in the file, free, until a VACUUM
   * copies the database without them (a few seconds at a million runs,
   * against half a minute for the upgrade), and the write-ahead log that
   * held both is emptied. Without it the file only stays larger (SQLite
   * reuses its free pages as the data grows), so a VACUUM that cannot run
   * (another program busy with the database) is not an error. */
  if (ok && from_version > 0 && from_version < 9)
    {
      int rc;

      ys_step ("upgraded");
      rc = sqlite3_exec (ys_database_get_handle (database), "VACUUM", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        sqlite3_exec (ys_database_get_handle (database), "PRAGMA wal_checkpoint (TRUNCATE)",
                      NULL, NULL, NULL);
      else
        g_debug ("No VACUUM after the upgrade to schema 9: %s", sqlite3_errstr (rc));
    }
  ys_database_set_bulk (database, FALSE);
  return ok;
}

gboolean
ys_schema_create_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(YsDatabase) database = NULL;
  int found = 0;

  g_return_val_if_fail (version >= 1 && version <= YS_SCHEMA_VERSION, FALSE);

  database = ys_database_open (path, YS_DATABASE_READ_WRITE, YS_SCHEMA_VERSION, &found, error);
  if (database == NULL)
    return FALSE;
  if (found != 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_NOT_EMPTY,
                   "%s already holds a database (version %d)", path, found);
      return FALSE;
    }
  return migrate_to (database, 0, version, error);
}

/* Bulk merges ------------------------------------------------------------- */

/* Inserting into five indexes and two totals tables run by run is most of
 * a large import; building them once afterwards, from sorted data, is a
 * fraction of that. Worth it when the bundle brings at least this many
 * runs and at least a quarter of what is there already, since the totals
 * are then counted again over every run. */
#define BULK_MIN_RUNS 5000

gboolean
ys_schema_bulk_begin (YsDatabase  *database,
                      guint        n_runs,
                      GPtrArray  **rebuild,
                      GError     **error)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) drops = NULL;
  sqlite3_stmt *stmt;
  gint64 stored = 0;
  int rc;

  g_return_val_if_fail (ys_database_in_transaction (database), FALSE);

  *rebuild = NULL;
  if (n_runs < BULK_MIN_RUNS)
    return TRUE;
  stmt = ys_database_prepare (database, "SELECT coalesce (sum (runs), 0) FROM daily", error);
  if (stmt == NULL || !ys_database_query_int64 (database, stmt, &stored, error))
    return FALSE;
  if (n_runs < stored / 4)
    return TRUE;

  statements = g_ptr_array_new_with_free_func (g_free);
  drops = g_ptr_array_new_with_free_func (g_free);
  stmt = ys_database_prepare (database,
    "SELECT type, name, sql FROM sqlite_schema"
    " WHERE tbl_name = 'runs' AND type IN ('index', 'trigger') AND sql IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = ys_database_step (database, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (statements, g_strdup (ys_database_column_text (stmt, 2)));
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"",
                                               g_str_equal (sqlite3_column_text (stmt, 0), "index")
                                               ? "INDEX" : "TRIGGER",
                                               sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < drops->len; i++)
    if (!ys_database_exec (database, drops->pdata[i], error))
      return FALSE;

  *rebuild = g_steal_pointer (&statements);
  ys_step ("bulk");
  return TRUE;
}

gboolean
ys_schema_bulk_end (YsDatabase  *database,
                    GPtrArray   *rebuild,
                    GError     **error)
{
  if (rebuild == NULL)
    return TRUE;

  if (!ys_database_exec (database, "DELETE FROM daily;" DAILY_FROM_RUNS_9
                                   "DELETE FROM durations;" DURATIONS_FROM_RUNS_9
                                   "DELETE FROM mode_durations;" MODE_DURATIONS_FROM_RUNS_9
                                   "UPDATE sync_state SET changes = changes + 1;", error))
    return FALSE;
  for (guint i = 0; i < rebuild->len; i++)
    if (!ys_database_exec (database, rebuild->pdata[i], error))
      return FALSE;
  return TRUE;
}

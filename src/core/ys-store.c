/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-backup.h"
#include "ys-busy.h"
#include "ys-error.h"
#include "ys-run-list.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * The store is the only place that talks to SQLite. Every write happens in
 * one transaction; deleting only sets a tombstone so that undo and bundle
 * merges can bring a record back or carry the deletion to other machines.
 * Times of change (`updated_at`) are microseconds since the epoch so that
 * merges compare numbers, not strings.
 */

struct _YsStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  GHashTable *statements; /* const char *sql → sqlite3_stmt */

  GListStore *workflows;
  GListStore *tools;
  GListStore *timers;

  YsClockFunc clock;
  gpointer clock_data;

  guint transaction_depth;
  YsStoreChange pending_changes;

  /* Looked up once: finding the local zone reads /etc/localtime each time,
   * which was a tenth of a large import. */
  GTimeZone *local_zone;
};

G_DEFINE_FINAL_TYPE (YsStore, ys_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The per-day and per-duration totals counted from scratch: when schema 3
 * added them, and after a bulk merge (ys_store_bulk_end()). */
#define DAILY_FROM_RUNS \
  "INSERT INTO daily SELECT workflow_id, mode, coalesce (tool_id, ''), started_on, count(*)," \
  "  sum (corrections), sum (corrections >= 1), sum (used IS 1), sum (used IS 0)" \
  "  FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"
#define DURATIONS_FROM_RUNS \
  "INSERT INTO durations SELECT workflow_id, mode, coalesce (tool_id, ''), duration_seconds," \
  "  count(*) FROM runs WHERE deleted = 0 GROUP BY 1, 2, 3, 4;"

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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == YS_STORE_SCHEMA_VERSION);

static void
set_sqlite_error (YsStore     *self,
                  GError     **error)
{
  g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
               _("The database %s could not be written: %s"),
               self->path, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
ys_store_prepare (YsStore    *self,
                  const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

static gboolean
exec (YsStore     *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (YsStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (YsStore    *self,
           const char *sql,
           const char *text_param)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, sql);
  gint64 value = 0;

  if (text_param != NULL)
    sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

static char *
local_date_of (YsStore *self,
               gint64   unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) when = utc != NULL ? g_date_time_to_timezone (utc, self->local_zone) : NULL;

  if (when == NULL)
    return g_strdup ("0001-01-01");
  /* Four-digit years, so that dates compare as text in SQL. */
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (when),
                          g_date_time_get_month (when), g_date_time_get_day_of_month (when));
}

/* Model refresh ------------------------------------------------------------ */

static void
reload_workflows (YsStore *self)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT id, name, description, people, archived FROM workflows "
    "WHERE deleted = 0 ORDER BY archived, position, rowid");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, ys_workflow_new (column_text (stmt, 0),
                                             column_text (stmt, 1),
                                             column_text (stmt, 2),
                                             sqlite3_column_int (stmt, 3),
                                             sqlite3_column_int (stmt, 4)));
  sqlite3_reset (stmt);

  g_list_store_splice (self->workflows, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->workflows)),
                       items->pdata, items->len);
}

static void
reload_tools (YsStore *self)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT id, name FROM tools WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, ys_tool_new (column_text (stmt, 0), column_text (stmt, 1)));
  sqlite3_reset (stmt);

  g_list_store_splice (self->tools, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->tools)),
                       items->pdata, items->len);
}

static void
reload_timers (YsStore *self)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT t.workflow_id, t.mode, t.tool_id, t.started_at, coalesce (t.paused_at, 0),"
    " t.paused_total FROM timers t JOIN workflows w ON w.id = t.workflow_id AND w.deleted = 0"
    " ORDER BY w.archived, w.position, w.rowid");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, ys_timer_new (column_text (stmt, 0),
                                          sqlite3_column_int (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2),
                                          sqlite3_column_int64 (stmt, 3),
                                          sqlite3_column_int64 (stmt, 4),
                                          sqlite3_column_int64 (stmt, 5)));
  sqlite3_reset (stmt);

  g_list_store_splice (self->timers, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->timers)),
                       items->pdata, items->len);
}

static void
flush_changes (YsStore *self)
{
  YsStoreChange changes = self->pending_changes;

  self->pending_changes = 0;
  if (changes == 0)
    return;

  if (changes & YS_STORE_CHANGE_WORKFLOWS)
    reload_workflows (self);
  if (changes & YS_STORE_CHANGE_TOOLS)
    reload_tools (self);
  if (changes & (YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_WORKFLOWS))
    reload_timers (self);

  g_signal_emit (self, signals[CHANGED], 0, changes);
}

/* Transactions ------------------------------------------------------------- */

static gboolean
transaction_begin (YsStore  *self,
                   GError  **error)
{
  if (self->transaction_depth == 0 && !exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/* Commits when @ok, rolls back otherwise; returns whether it committed. */
static gboolean
transaction_end (YsStore   *self,
                 gboolean   ok,
                 GError   **error)
{
  g_assert (self->transaction_depth > 0);

  if (--self->transaction_depth > 0)
    return ok;

  if (ok && exec (self, "COMMIT", error))
    {
      flush_changes (self);
      return TRUE;
    }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->pending_changes = 0;
  return FALSE;
}

/* 64 MiB while merging; SQLite's default (about 2 MB) otherwise, so that
 * an open window stays small. */
#define BULK_CACHE_KIB 65536
#define DEFAULT_CACHE_KIB 2000

void
ys_store_set_bulk (YsStore  *self,
                   gboolean  bulk)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d",
                                          bulk ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB);

  g_return_if_fail (YS_IS_STORE (self));
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  /* Shrinking the setting keeps pages already cached until they are reused. */
  if (!bulk)
    sqlite3_db_release_memory (self->db);
}

/* Bulk merges ------------------------------------------------------------- */

/* Inserting into five indexes and two totals tables run by run is most of
 * a large import; building them once afterwards, from sorted data, is a
 * fraction of that. Worth it when the bundle brings at least this many
 * runs and at least a quarter of what is there already, since the totals
 * are then counted again over every run. */
#define BULK_MIN_RUNS 5000

gboolean
ys_store_bulk_begin (YsStore     *self,
                     guint        n_runs,
                     GPtrArray  **rebuild,
                     GError     **error)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) drops = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  *rebuild = NULL;
  if (n_runs < BULK_MIN_RUNS ||
      n_runs < query_int (self, "SELECT coalesce (sum (runs), 0) FROM daily", NULL) / 4)
    return TRUE;

  statements = g_ptr_array_new_with_free_func (g_free);
  drops = g_ptr_array_new_with_free_func (g_free);
  stmt = ys_store_prepare (self,
    "SELECT type, name, sql FROM sqlite_schema"
    " WHERE tbl_name = 'runs' AND type IN ('index', 'trigger') AND sql IS NOT NULL");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"",
                                               g_str_equal (sqlite3_column_text (stmt, 0), "index")
                                               ? "INDEX" : "TRIGGER",
                                               sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < drops->len; i++)
    if (!exec (self, drops->pdata[i], error))
      return FALSE;

  *rebuild = g_steal_pointer (&statements);
  return TRUE;
}

gboolean
ys_store_bulk_end (YsStore    *self,
                   GPtrArray  *rebuild,
                   GError    **error)
{
  if (rebuild == NULL)
    return TRUE;

  if (!exec (self, "DELETE FROM daily;" DAILY_FROM_RUNS
                   "DELETE FROM durations;" DURATIONS_FROM_RUNS, error))
    return FALSE;
  for (guint i = 0; i < rebuild->len; i++)
    if (!exec (self, rebuild->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
ys_store_run_in_transaction (YsStore                 *self,
                             YsStoreTransactionFunc   func,
                             gpointer                 user_data,
                             GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;
  ok = func (self, user_data, error);
  return transaction_end (self, ok, ok ? error : NULL);
}

/* Opening ------------------------------------------------------------------ */

char *
ys_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "yardstick", "yardstick.db", NULL);
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The folder %s could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Create it ourselves so that SQLite never makes a world-readable file;
   * SQLite gives the -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The database %s could not be created: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static gboolean
migrate (YsStore  *self,
         int       from_version,
         GError  **error)
{
  gboolean ok = TRUE;

  if (from_version == YS_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!transaction_begin (self, error))
    return FALSE;

  for (int v = from_version; ok && v < YS_STORE_SCHEMA_VERSION; v++)
    ok = exec (self, migrations[v], error);

  if (ok)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                              YS_STORE_SCHEMA_VERSION);
      ok = exec (self, sql, error);
    }

  return transaction_end (self, ok, ok ? error : NULL);
}

/* Checked before SQLite touches anything: SQLite would quietly open a
 * read-only file read-only and fail at the first save, and a WAL database
 * needs to create its -wal and -shm files in the folder. A file or folder
 * whose mode says read-only is treated so even for root, who could write
 * to it anyway: someone meant it to stay unchanged. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                       _("%s is not a file, so it cannot be a Yardstick database."), path);
          return FALSE;
        }
      if (g_access (path, W_OK) != 0 || (st.st_mode & 0222) == 0)
        {
          g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                       _("%s is read-only, so Yardstick cannot save to it. "
                         "Make the file writable, or open a copy of it; the file was not changed."),
                       path);
          return FALSE;
        }
    }

  if (g_stat (dir, &st) == 0 && (g_access (dir, W_OK) != 0 || (st.st_mode & 0222) == 0))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                   _("The folder %s is read-only, and Yardstick keeps a journal beside "
                     "the database there. Make the folder writable, or move the database "
                     "to another folder; nothing was changed."),
                   dir);
      return FALSE;
    }

  return TRUE;
}

/* The sentence for a failure while opening, by what SQLite said. */
static void
set_open_error (YsStore  *self,
                int       rc,
                GError  **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, YS_ERROR, YS_ERROR_BUSY,
                   _("%s is locked by another program and stayed locked for %d seconds. "
                     "Close the other program and try again; nothing was changed."),
                   self->path, ys_busy_timeout_ms () / 1000);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is damaged, or is not a Yardstick database (%s). "
                     "The file was not changed."),
                   self->path, sqlite3_errstr (rc));
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                   _("%s could not be opened for writing (%s). "
                     "Check that the file and its folder are writable; nothing was changed."),
                   self->path, sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The database %s could not be opened: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      break;
    }
}

static gboolean
exec_on_open (YsStore     *self,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_open_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ys_store_open_database (YsStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean on_disk = g_strcmp0 (self->path, ":memory:") != 0;
  int version = 0;
  int n_tables = 0;
  int rc;

  /* ":memory:" serves tests and fuzzing: nothing to create on disk. */
  if (on_disk && (!check_writable (self->path, error) || !create_private_file (self->path, error)))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, ys_busy_timeout_ms ());

  /* Read before writing anything: a newer, foreign or damaged file stays
   * untouched. Reading the schema also reads the header, where SQLite
   * notices a file shorter than the size it records. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           "       (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      n_tables = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      set_open_error (self, rc, error);
      return FALSE;
    }

  if (version > YS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_NEWER_DATABASE,
                   _("%s was written by a newer version of Yardstick "
                     "(database version %d; this version reads up to %d). "
                     "Update Yardstick to open it; the file was not changed."),
                   self->path, version, YS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is an SQLite database, but not a Yardstick one; "
                     "the file was not changed."),
                   self->path);
      return FALSE;
    }

  if (!exec_on_open (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_on_open (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_on_open (self, "PRAGMA synchronous = NORMAL", error) ||
      /* Statement journals (an upsert with triggers needs one) stay in
       * memory rather than in a temporary file written page by page. */
      !exec_on_open (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  return migrate (self, version, error);
}

YsStore *
ys_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(YsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (YS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->local_zone = g_time_zone_new_local ();

  if (!ys_store_open_database (self, error))
    return NULL;

  reload_workflows (self);
  reload_tools (self);
  reload_timers (self);

  return g_steal_pointer (&self);
}

/* Restoring copies the backup into the open database with the backup API,
 * inside SQLite's locks, so the window keeps its connection and another
 * process reading at the same time sees the old or the new database, never
 * a mix. What it replaces is kept first, so that the restore can be undone. */
gboolean
ys_store_restore_backup (YsStore     *self,
                         const char  *backup_path,
                         char       **kept_path,
                         GError     **error)
{
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  int version = 0;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (!ys_backup_check (backup_path, error))
    return FALSE;

  now = g_date_time_new_now_local ();
  kept = ys_backup_before_restore_path (self->path, now);
  if (!ys_backup_write (self->path, kept, error))
    return FALSE;

  rc = ys_backup_open_immutable (backup_path, &source);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (self->db, "main", source, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (self->db);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }
  sqlite3_close (source);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, YS_ERROR, rc == SQLITE_BUSY ? YS_ERROR_BUSY : YS_ERROR_DATABASE,
                   _("The backup %s could not be restored: %s. Nothing was changed."),
                   backup_path, sqlite3_errstr (rc));
      g_unlink (kept);
      return FALSE;
    }

  /* A backup made by an earlier version is brought up to date. */
  version = query_int (self, "SELECT user_version FROM pragma_user_version", NULL);
  if (!migrate (self, version, error))
    return FALSE;

  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_TOOLS |
                           YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_FEEDBACK |
                           YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_REVIEWS;
  flush_changes (self);

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

const char *
ys_store_get_path (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return self->path;
}

void
ys_store_set_clock (YsStore     *self,
                    YsClockFunc  clock,
                    gpointer     user_data)
{
  g_return_if_fail (YS_IS_STORE (self));

  self->clock = clock;
  self->clock_data = user_data;
}

gint64
ys_store_now (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), 0);

  return self->clock ? self->clock (self->clock_data) : g_get_real_time ();
}

gboolean
ys_store_is_empty (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), FALSE);

  /* Tombstones count as data: they may still need to travel in a bundle. */
  return query_int (self,
                    "SELECT (SELECT count(*) FROM workflows) + (SELECT count(*) FROM tools) +"
                    "       (SELECT count(*) FROM runs) + (SELECT count(*) FROM feedback)",
                    NULL) == 0;
}

/* Workflows ---------------------------------------------------------------- */

GListModel *
ys_store_get_workflows (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->workflows);
}

YsWorkflow *
ys_store_get_workflow (YsStore    *self,
                       const char *id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  model = G_LIST_MODEL (self->workflows);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (model, i);

      if (g_strcmp0 (ys_workflow_get_id (workflow), id) == 0)
        return g_steal_pointer (&workflow);
    }

  return NULL;
}

guint
ys_store_count_active_workflows (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), 0);
  return (guint) query_int (self,
                            "SELECT count(*) FROM workflows WHERE deleted = 0 AND archived = 0",
                            NULL);
}

static gboolean
check_active_limit (YsStore     *self,
                    const char  *name,
                    GError     **error)
{
  if (ys_store_count_active_workflows (self) < YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
    return TRUE;

  if (name == NULL)
    g_set_error (error, YS_ERROR, YS_ERROR_LIMIT,
                 _("Three workflows are already active. Yardstick measures at most three "
                   "at a time so that each gets enough runs to compare. Archive one to add "
                   "another."));
  else
    g_set_error (error, YS_ERROR, YS_ERROR_LIMIT,
                 _("Three workflows are already active. Archive one before bringing back "
                   "“%s”."),
                 name);
  return FALSE;
}

static gboolean
check_workflow_name_free (YsStore     *self,
                          const char  *name,
                          const char  *except_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT 1 FROM workflows WHERE deleted = 0 AND name = ?1 COLLATE NOCASE AND id IS NOT ?2");
  int rc;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DUPLICATE,
                   _("There is already a workflow called “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

/* Sets the error and returns FALSE when @id names no live workflow. */
static gboolean
lookup_workflow (YsStore     *self,
                 const char  *id,
                 char       **name,
                 gboolean    *archived,
                 gboolean    *deleted,
                 GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT name, archived, deleted FROM workflows WHERE id = ?1");
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (name)
        *name = g_strdup (column_text (stmt, 0));
      if (archived)
        *archived = sqlite3_column_int (stmt, 1);
      if (deleted)
        *deleted = sqlite3_column_int (stmt, 2);
      else
        found = sqlite3_column_int (stmt, 2) == 0;
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                         _("That workflow no longer exists."));
  return found;
}

YsWorkflow *
ys_store_add_workflow (YsStore     *self,
                       const char  *name,
                       const char  *description,
                       int          people,
                       GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  if (!(clean_name = ys_validate_name (name, YS_NAME_WORKFLOW, error)) ||
      !ys_validate_text (description, error) ||
      !ys_validate_people (people, error))
    return NULL;

  if (!transaction_begin (self, error))
    return NULL;

  ok = check_active_limit (self, NULL, error) &&
       check_workflow_name_free (self, clean_name, NULL, error);

  if (ok)
    {
      id = ys_uuid_new ();
      ok = ys_store_put_workflow (self, id, clean_name, description, people, FALSE,
                                  ys_store_now (self), FALSE, NULL, error);
    }

  if (!transaction_end (self, ok, error))
    return NULL;

  return ys_workflow_new (id, clean_name, description, people, FALSE);
}

/* The Monday of the ISO week of the local date bound as ?6. */
#define WEEK_OF_6 "date (?6, 'weekday 0', '-6 days')"

/* A change must sort after the stored one even if the clock went back. */
#define NEXT_UPDATED_AT "max (?9, updated_at + 1)"

gboolean
ys_store_update_workflow (YsStore     *self,
                          const char  *id,
                          const char  *name,
                          const char  *description,
                          int          people,
                          GError     **error)
{
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(clean_name = ys_validate_name (name, YS_NAME_WORKFLOW, error)) ||
      !ys_validate_text (description, error) ||
      !ys_validate_people (people, error))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, id, NULL, NULL, NULL, error) &&
       check_workflow_name_free (self, clean_name, id, error);

  if (ok)
    {
      stmt = ys_store_prepare (self,
        "UPDATE workflows SET name = ?2, description = ?3, people = ?4, "
        "updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, people);
      sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS;
    }

  return transaction_end (self, ok, error);
}

static gboolean
set_workflow_flags (YsStore     *self,
                    const char  *id,
                    gboolean     archived,
                    gboolean     deleted,
                    GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "UPDATE workflows SET archived = ?2, deleted = ?3, "
    "updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, archived);
  sqlite3_bind_int (stmt, 3, deleted);
  sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
  /* Hiding or showing a workflow hides or shows its runs too. */
  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS;
  return step_done (self, stmt, error);
}

gboolean
ys_store_set_workflow_archived (YsStore     *self,
                                const char  *id,
                                gboolean     archived,
                                GError     **error)
{
  g_autofree char *name = NULL;
  gboolean was_archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, id, &name, &was_archived, NULL, error);
  if (ok && !archived && was_archived)
    ok = check_active_limit (self, name, error);
  if (ok && archived != was_archived)
    ok = set_workflow_flags (self, id, archived, FALSE, error);

  return transaction_end (self, ok, error);
}

gboolean
ys_store_delete_workflow (YsStore     *self,
                          const char  *id,
                          GError     **error)
{
  gboolean archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, id, NULL, &archived, NULL, error) &&
       set_workflow_flags (self, id, archived, TRUE, error);

  return transaction_end (self, ok, error);
}

gboolean
ys_store_restore_workflow (YsStore     *self,
                           const char  *id,
                           gboolean    *archived_instead,
                           GError     **error)
{
  gboolean archived = FALSE;
  gboolean deleted = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (archived_instead)
    *archived_instead = FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, id, NULL, &archived, &deleted, error);
  if (ok && deleted)
    {
      /* Undo must always work: if the slot was taken meanwhile, the
       * workflow comes back archived rather than not at all. */
      if (!archived && ys_store_count_active_workflows (self) >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
        {
          archived = TRUE;
          if (archived_instead)
            *archived_instead = TRUE;
        }
      ok = set_workflow_flags (self, id, archived, FALSE, error);
    }

  return transaction_end (self, ok, error);
}

/* Tombstoned records --------------------------------------------------------- */

/* What tools and runs share: found by id, hidden by a tombstone. */
typedef struct
{
  const char *find_sql;
  const char *tombstone_sql;
  const char *missing_message;
  YsStoreChange change;
} RecordTable;

static const RecordTable tools_table = {
  "SELECT deleted FROM tools WHERE id = ?1",
  "UPDATE tools SET deleted = ?2, updated_at = " NEXT_UPDATED_AT " WHERE id = ?1",
  N_("That tool no longer exists."),
  YS_STORE_CHANGE_TOOLS,
};

static const RecordTable runs_table = {
  "SELECT deleted FROM runs WHERE id = ?1",
  "UPDATE runs SET deleted = ?2, updated_at = " NEXT_UPDATED_AT " WHERE id = ?1",
  N_("That run no longer exists."),
  YS_STORE_CHANGE_RUNS,
};

static const RecordTable feedback_table = {
  "SELECT deleted FROM feedback WHERE id = ?1",
  "UPDATE feedback SET deleted = ?2, updated_at = " NEXT_UPDATED_AT " WHERE id = ?1",
  N_("That feedback no longer exists."),
  YS_STORE_CHANGE_FEEDBACK,
};

static gboolean
record_exists (YsStore            *self,
               const RecordTable  *table,
               const char         *id,
               gboolean            include_deleted,
               GError            **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, table->find_sql);
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = include_deleted || sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND, _(table->missing_message));
  return found;
}

static gboolean
set_deleted (YsStore            *self,
             const RecordTable  *table,
             const char         *id,
             gboolean            deleted,
             GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;

  ok = record_exists (self, table, id, TRUE, error);
  if (ok)
    {
      stmt = ys_store_prepare (self, table->tombstone_sql);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, deleted);
      sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= table->change;
    }

  return transaction_end (self, ok, error);
}

/* Tools -------------------------------------------------------------------- */

GListModel *
ys_store_get_tools (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->tools);
}

static gboolean
check_tool_name_free (YsStore     *self,
                      const char  *name,
                      const char  *except_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT 1 FROM tools WHERE deleted = 0 AND name = ?1 COLLATE NOCASE AND id IS NOT ?2");
  int rc;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DUPLICATE,
                   _("There is already a tool called “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

YsTool *
ys_store_add_tool (YsStore     *self,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  if (!(clean_name = ys_validate_name (name, YS_NAME_TOOL, error)))
    return NULL;

  if (!transaction_begin (self, error))
    return NULL;

  ok = check_tool_name_free (self, clean_name, NULL, error);
  if (ok)
    {
      id = ys_uuid_new ();
      ok = ys_store_put_tool (self, id, clean_name, ys_store_now (self), FALSE, NULL, error);
    }

  if (!transaction_end (self, ok, error))
    return NULL;

  return ys_tool_new (id, clean_name);
}

gboolean
ys_store_rename_tool (YsStore     *self,
                      const char  *id,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(clean_name = ys_validate_name (name, YS_NAME_TOOL, error)))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = record_exists (self, &tools_table, id, FALSE, error) &&
       check_tool_name_free (self, clean_name, id, error);
  if (ok)
    {
      stmt = ys_store_prepare (self,
        "UPDATE tools SET name = ?2, updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
      ok = step_done (self, stmt, error);
      /* Run rows show the tool's name. */
      self->pending_changes |= YS_STORE_CHANGE_TOOLS | YS_STORE_CHANGE_RUNS;
    }

  return transaction_end (self, ok, error);
}

gboolean
ys_store_delete_tool (YsStore     *self,
                      const char  *id,
                      GError     **error)
{
  return set_deleted (self, &tools_table, id, TRUE, error);
}

gboolean
ys_store_restore_tool (YsStore     *self,
                       const char  *id,
                       GError     **error)
{
  return set_deleted (self, &tools_table, id, FALSE, error);
}

/* Runs --------------------------------------------------------------------- */

YsRun *
ys_store_run_from_row (sqlite3_stmt *stmt)
{
  YsRunFields fields = { 0 };
  const char *tool_id = (const char *) sqlite3_column_text (stmt, 3);

  fields.workflow_id = (char *) column_text (stmt, 1);
  fields.mode = sqlite3_column_int (stmt, 2) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
  fields.tool_id = (char *) tool_id;
  fields.started_at = sqlite3_column_int64 (stmt, 4);
  fields.duration_seconds = sqlite3_column_int64 (stmt, 5);
  fields.corrections = sqlite3_column_int64 (stmt, 6);
  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
    fields.used = YS_USED_UNKNOWN;
  else
    fields.used = sqlite3_column_int (stmt, 7) ? YS_USED_YES : YS_USED_NO;
  fields.note = (char *) column_text (stmt, 8);

  return ys_run_new (column_text (stmt, 0), &fields,
                     (const char *) sqlite3_column_text (stmt, 9));
}

GListModel *
ys_store_list_runs (YsStore    *self,
                    const char *workflow_id)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  return G_LIST_MODEL (ys_run_list_new (self, workflow_id, YS_RUN_FILTER_ALL));
}

YsRun *
ys_store_get_run (YsStore    *self,
                  const char *id)
{
  sqlite3_stmt *stmt;
  YsRun *run = NULL;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ys_store_prepare (self,
    "SELECT " YS_STORE_RUN_COLUMNS " FROM runs r"
    " JOIN workflows w ON w.id = r.workflow_id AND w.deleted = 0"
    " LEFT JOIN tools t ON t.id = r.tool_id"
    " WHERE r.id = ?1 AND r.deleted = 0");
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    run = ys_store_run_from_row (stmt);
  sqlite3_reset (stmt);

  return run;
}

guint
ys_store_count_runs (YsStore    *self,
                     const char *workflow_id,
                     YsMode      mode)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (YS_IS_STORE (self), 0);

  /* The per-day totals hold the same count without walking the runs. */
  stmt = ys_store_prepare (self,
    "SELECT coalesce (sum (runs), 0) FROM daily WHERE workflow_id = ?1 AND mode = ?2");
  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, mode);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* The tool of the newest run with AI, to preselect it for the next run. */
char *
ys_store_get_last_tool_id (YsStore    *self,
                           const char *workflow_id)
{
  sqlite3_stmt *stmt;
  char *id = NULL;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  stmt = ys_store_prepare (self,
    "SELECT r.tool_id FROM runs r JOIN tools t ON t.id = r.tool_id AND t.deleted = 0"
    " WHERE r.workflow_id = ?1 AND r.deleted = 0 AND r.mode = 1"
    " ORDER BY r.started_at DESC LIMIT 1");
  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  return id;
}

static gboolean
check_run_references (YsStore            *self,
                      const YsRunFields  *fields,
                      gboolean            new_run,
                      GError            **error)
{
  g_autofree char *name = NULL;
  gboolean archived = FALSE;

  if (!lookup_workflow (self, fields->workflow_id, &name, &archived, NULL, error))
    return FALSE;

  if (new_run && archived)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is archived. Bring it back to log new runs."), name);
      return FALSE;
    }

  /* An old run may keep a tool the team has since removed from its list. */
  if (fields->mode == YS_MODE_WITH_AI &&
      !record_exists (self, &tools_table, fields->tool_id, !new_run, error))
    return FALSE;

  return TRUE;
}

static void
bind_run_fields (YsStore           *self,
                 sqlite3_stmt      *stmt,
                 const YsRunFields *fields,
                 gint64             now)
{
  g_autofree char *started_on = local_date_of (self, fields->started_at);

  sqlite3_bind_text (stmt, 2, fields->workflow_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, fields->mode);
  if (fields->mode == YS_MODE_WITH_AI)
    sqlite3_bind_text (stmt, 4, fields->tool_id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, fields->started_at);
  sqlite3_bind_text (stmt, 6, started_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, fields->duration_seconds);
  sqlite3_bind_int64 (stmt, 8, fields->corrections);
  if (fields->used == YS_USED_UNKNOWN)
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_int (stmt, 10, fields->used == YS_USED_YES);
  sqlite3_bind_text (stmt, 11, fields->note ? fields->note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, now);
}

YsRun *
ys_store_add_run (YsStore            *self,
                  const YsRunFields  *fields,
                  GError            **error)
{
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!ys_run_fields_validate (fields, error))
    return NULL;

  if (!transaction_begin (self, error))
    return NULL;

  ok = check_run_references (self, fields, TRUE, error);
  if (ok)
    {
      id = ys_uuid_new ();
      ok = ys_store_put_run (self, id, fields, ys_store_now (self), FALSE, NULL, error);
    }

  if (!transaction_end (self, ok, error))
    return NULL;

  return ys_store_get_run (self, id);
}

gboolean
ys_store_update_run (YsStore            *self,
                     const char         *id,
                     const YsRunFields  *fields,
                     GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!ys_run_fields_validate (fields, error))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = record_exists (self, &runs_table, id, FALSE, error) &&
       check_run_references (self, fields, FALSE, error);
  if (ok)
    {
      stmt = ys_store_prepare (self,
        "UPDATE runs SET workflow_id = ?2, mode = ?3, tool_id = ?4, started_at = ?5,"
        " started_on = ?6, started_week = " WEEK_OF_6 ", duration_seconds = ?7,"
        " corrections = ?8, used = ?10, note = ?11,"
        " updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      bind_run_fields (self, stmt, fields, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_RUNS;
    }

  return transaction_end (self, ok, error);
}

gboolean
ys_store_delete_run (YsStore     *self,
                     const char  *id,
                     GError     **error)
{
  return set_deleted (self, &runs_table, id, TRUE, error);
}

gboolean
ys_store_restore_run (YsStore     *self,
                      const char  *id,
                      GError     **error)
{
  return set_deleted (self, &runs_table, id, FALSE, error);
}

/* Feedback ----------------------------------------------------------------- */

char *
ys_store_add_feedback (YsStore     *self,
                       const char  *workflow_id,
                       const char  *tool_id,
                       gboolean     saves_time,
                       const char  *given_on,
                       const char  *comment,
                       GError     **error)
{
  g_autofree char *id = NULL;
  GDate date;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (given_on != NULL, NULL);

  if (!ys_parse_iso_date (given_on, &date))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is not a date like 2026-11-22."), given_on);
      return NULL;
    }

  if (!ys_validate_text (comment, error))
    return NULL;

  if (!transaction_begin (self, error))
    return NULL;

  ok = lookup_workflow (self, workflow_id, NULL, NULL, NULL, error) &&
       record_exists (self, &tools_table, tool_id, FALSE, error);
  if (ok)
    {
      id = ys_uuid_new ();
      ok = ys_store_put_feedback (self, id, workflow_id, tool_id, saves_time, given_on,
                                  comment, ys_store_now (self), FALSE, NULL, error);
    }

  if (!transaction_end (self, ok, error))
    return NULL;

  return g_steal_pointer (&id);
}

guint
ys_store_count_feedback (YsStore    *self,
                         const char *workflow_id)
{
  g_return_val_if_fail (YS_IS_STORE (self), 0);
  return (guint) query_int (self,
                            "SELECT count(*) FROM feedback WHERE workflow_id = ?1 AND deleted = 0",
                            workflow_id);
}

/* Outcomes that arrive later --------------------------------------------------- */

gboolean
ys_store_set_run_used (YsStore     *self,
                       const char  *id,
                       YsUsed       used,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;

  ok = record_exists (self, &runs_table, id, FALSE, error);
  if (ok)
    {
      stmt = ys_store_prepare (self,
        "UPDATE runs SET used = ?2, updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (used == YS_USED_UNKNOWN)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int (stmt, 2, used == YS_USED_YES);
      sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_RUNS;
    }

  return transaction_end (self, ok, error);
}

GListModel *
ys_store_list_awaiting_outcome (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (ys_run_list_new (self, NULL, YS_RUN_FILTER_AWAITING_OUTCOME));
}

guint
ys_store_count_awaiting_outcome (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), 0);
  /* From the per-day totals: counting the runs themselves read every run,
   * seconds at a million. */
  return (guint) query_int (self,
                            "SELECT coalesce (sum (d.runs - d.used_yes - d.used_no), 0)"
                            " FROM daily d JOIN workflows w ON w.id = d.workflow_id AND w.deleted = 0",
                            NULL);
}

/* Timers ----------------------------------------------------------------------- */

GListModel *
ys_store_get_timers (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->timers);
}

YsTimer *
ys_store_get_timer (YsStore    *self,
                    const char *workflow_id)
{
  GListModel *timers;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  timers = G_LIST_MODEL (self->timers);
  for (guint i = 0; i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr(YsTimer) timer = g_list_model_get_item (timers, i);

      if (g_strcmp0 (ys_timer_get_workflow_id (timer), workflow_id) == 0)
        return g_steal_pointer (&timer);
    }
  return NULL;
}

static gboolean
check_no_timer (YsStore     *self,
                const char  *workflow_id,
                const char  *name,
                GError     **error)
{
  if (query_int (self, "SELECT count(*) FROM timers WHERE workflow_id = ?1", workflow_id) == 0)
    return TRUE;

  g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
               _("A timer is already running for “%s”."), name);
  return FALSE;
}

static gboolean
check_timer (YsStore     *self,
             const char  *workflow_id,
             GError     **error)
{
  if (query_int (self, "SELECT count(*) FROM timers WHERE workflow_id = ?1", workflow_id) > 0)
    return TRUE;

  g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                       _("No timer is running for that workflow."));
  return FALSE;
}

static gboolean
put_timer (YsStore     *self,
           const char  *workflow_id,
           YsMode       mode,
           const char  *tool_id,
           gint64       started_at,
           gint64       paused_at,
           gint64       paused_total,
           GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO timers (workflow_id, mode, tool_id, started_at, paused_at, paused_total)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, mode);
  bind_text_or_null (stmt, 3, mode == YS_MODE_WITH_AI ? tool_id : NULL);
  sqlite3_bind_int64 (stmt, 4, started_at);
  if (paused_at != 0)
    sqlite3_bind_int64 (stmt, 5, paused_at);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, paused_total);
  self->pending_changes |= YS_STORE_CHANGE_TIMERS;
  return step_done (self, stmt, error);
}

gboolean
ys_store_start_timer (YsStore     *self,
                      const char  *workflow_id,
                      YsMode       mode,
                      const char  *tool_id,
                      GError     **error)
{
  g_autofree char *name = NULL;
  gboolean archived = FALSE;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!ys_validate_mode_tool (mode, tool_id, error))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, workflow_id, &name, &archived, NULL, error);
  if (ok && archived)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is archived. Bring it back to log new runs."), name);
      ok = FALSE;
    }
  ok = ok && check_no_timer (self, workflow_id, name, error) &&
       (mode == YS_MODE_WITHOUT_AI || record_exists (self, &tools_table, tool_id, FALSE, error)) &&
       put_timer (self, workflow_id, mode, tool_id, ys_store_now (self), 0, 0, error);

  return transaction_end (self, ok, error);
}

static gboolean
update_timer (YsStore     *self,
              const char  *workflow_id,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;

  ok = check_timer (self, workflow_id, error);
  if (ok)
    {
      stmt = ys_store_prepare (self, sql);
      sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }

  return transaction_end (self, ok, error);
}

gboolean
ys_store_pause_timer (YsStore     *self,
                      const char  *workflow_id,
                      GError     **error)
{
  return update_timer (self, workflow_id,
                       "UPDATE timers SET paused_at = ?2"
                       " WHERE workflow_id = ?1 AND paused_at IS NULL", error);
}

gboolean
ys_store_resume_timer (YsStore     *self,
                       const char  *workflow_id,
                       GError     **error)
{
  /* A clock set back while paused must not count negative time. */
  return update_timer (self, workflow_id,
                       "UPDATE timers SET paused_total = paused_total + max (0, ?2 - paused_at),"
                       " paused_at = NULL WHERE workflow_id = ?1 AND paused_at IS NOT NULL",
                       error);
}

gboolean
ys_store_discard_timer (YsStore     *self,
                        const char  *workflow_id,
                        GError     **error)
{
  return update_timer (self, workflow_id,
                       "DELETE FROM timers WHERE workflow_id = ?1 AND ?2 IS NOT NULL", error);
}

/* Undo for a discarded timer: it comes back as if never discarded. */
gboolean
ys_store_restore_timer (YsStore     *self,
                        YsTimer     *timer,
                        GError     **error)
{
  g_autofree char *name = NULL;
  const char *workflow_id;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (YS_IS_TIMER (timer), FALSE);

  workflow_id = ys_timer_get_workflow_id (timer);
  if (!transaction_begin (self, error))
    return FALSE;

  ok = lookup_workflow (self, workflow_id, &name, NULL, NULL, error) &&
       check_no_timer (self, workflow_id, name, error) &&
       put_timer (self, workflow_id, ys_timer_get_mode (timer), ys_timer_get_tool_id (timer),
                  ys_timer_get_started_at (timer), ys_timer_get_paused_at (timer),
                  ys_timer_get_paused_total (timer), error);

  return transaction_end (self, ok, error);
}

YsRun *
ys_store_finish_timer (YsStore            *self,
                       const char         *workflow_id,
                       const YsRunFields  *fields,
                       GError            **error)
{
  g_autoptr(YsRun) run = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  if (!transaction_begin (self, error))
    return NULL;

  ok = check_timer (self, workflow_id, error) &&
       (run = ys_store_add_run (self, fields, error)) != NULL;
  if (ok)
    {
      stmt = ys_store_prepare (self, "DELETE FROM timers WHERE workflow_id = ?1");
      sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_TIMERS;
    }

  if (!transaction_end (self, ok, error))
    return NULL;

  return g_steal_pointer (&run);
}

/* Quarterly reviews ------------------------------------------------------------ */

static gboolean finish_put (YsStore        *self,
                            sqlite3_stmt   *stmt,
                            YsPutResult     outcome,
                            YsStoreChange   change,
                            YsPutResult    *result,
                            GError        **error);

void
ys_review_clear (YsReview *review)
{
  g_clear_pointer (&review->id, g_free);
  g_clear_pointer (&review->quarter, g_free);
  g_clear_pointer (&review->working, g_free);
  g_clear_pointer (&review->not_working, g_free);
  g_clear_pointer (&review->more_rework, g_free);
}

/* The newest review of @quarter; an empty one when there is none yet. */
void
ys_store_get_review (YsStore    *self,
                     const char *quarter,
                     YsReview   *review)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (YS_IS_STORE (self));
  g_return_if_fail (review != NULL);

  memset (review, 0, sizeof *review);
  review->quarter = g_strdup (quarter);
  review->coverage_percent = -1;

  stmt = ys_store_prepare (self,
    "SELECT id, coverage_percent, working, not_working, more_rework FROM reviews"
    " WHERE quarter = ?1 AND deleted = 0 ORDER BY updated_at DESC, id LIMIT 1");
  sqlite3_bind_text (stmt, 1, quarter, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      review->id = g_strdup (column_text (stmt, 0));
      review->coverage_percent = sqlite3_column_type (stmt, 1) == SQLITE_NULL
        ? -1 : sqlite3_column_int (stmt, 1);
      review->working = g_strdup (column_text (stmt, 2));
      review->not_working = g_strdup (column_text (stmt, 3));
      review->more_rework = g_strdup (column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  if (review->working == NULL)
    {
      review->working = g_strdup ("");
      review->not_working = g_strdup ("");
      review->more_rework = g_strdup ("");
    }
}

static gboolean
validate_review (const YsReview  *review,
                 GError         **error)
{
  if (!ys_is_quarter (review->quarter))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is not a quarter like 2026-Q3."),
                   review->quarter ? review->quarter : "");
      return FALSE;
    }
  if (review->coverage_percent > 100 || review->coverage_percent < -1)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Coverage must be between 0% and 100%, or not known."));
      return FALSE;
    }
  return ys_validate_text (review->working, error) &&
         ys_validate_text (review->not_working, error) &&
         ys_validate_text (review->more_rework, error);
}

gboolean
ys_store_save_review (YsStore         *self,
                      const YsReview  *review,
                      GError         **error)
{
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!validate_review (review, error))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  /* One review per quarter on this machine: keep editing the newest. */
  {
    YsReview current;

    ys_store_get_review (self, review->quarter, &current);
    id = current.id ? g_strdup (current.id) : ys_uuid_new ();
    ys_review_clear (&current);
  }

  ok = ys_store_put_review (self, id, review, MAX (ys_store_now (self),
                                                   query_int (self,
                                                              "SELECT coalesce (max (updated_at), 0) + 1"
                                                              " FROM reviews WHERE id = ?1", id)),
                            FALSE, NULL, error);

  return transaction_end (self, ok, error);
}

gboolean
ys_store_put_review (YsStore         *self,
                     const char      *id,
                     const YsReview  *review,
                     gint64           updated_at,
                     gboolean         deleted,
                     YsPutResult     *result,
                     GError         **error)
{
  YsPutResult outcome = ys_store_put_outcome (self, YS_RECORD_REVIEW, id, updated_at);
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO reviews (id, quarter, coverage_percent, working, not_working, more_rework,"
    " updated_at, deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (id) DO UPDATE SET quarter = ?2, coverage_percent = ?3, working = ?4,"
    " not_working = ?5, more_rework = ?6, updated_at = ?7, deleted = ?8");

  g_assert (self->transaction_depth > 0);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, review->quarter, -1, SQLITE_TRANSIENT);
  if (review->coverage_percent < 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int (stmt, 3, review->coverage_percent);
  sqlite3_bind_text (stmt, 4, review->working ? review->working : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, review->not_working ? review->not_working : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, review->more_rework ? review->more_rework : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, updated_at);
  sqlite3_bind_int (stmt, 8, deleted ? 1 : 0);
  return finish_put (self, stmt, outcome, YS_STORE_CHANGE_REVIEWS, result, error);
}

/* Feedback lists --------------------------------------------------------------- */

static void
reload_feedback_list (YsStore    *self,
                      GListStore *list)
{
  const char *workflow_id = g_object_get_data (G_OBJECT (list), "workflow-id");
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT f.id, f.workflow_id, f.tool_id, t.name, f.saves_time, f.given_on, f.comment"
    " FROM feedback f LEFT JOIN tools t ON t.id = f.tool_id"
    " WHERE f.workflow_id = ?1 AND f.deleted = 0"
    " ORDER BY f.given_on DESC, f.updated_at DESC");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, ys_feedback_new (column_text (stmt, 0), column_text (stmt, 1),
                                             column_text (stmt, 2), column_text (stmt, 3),
                                             sqlite3_column_int (stmt, 4),
                                             column_text (stmt, 5), column_text (stmt, 6)));
  sqlite3_reset (stmt);

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
}

static void
on_feedback_list_store_changed (YsStore    *self,
                                guint       changes,
                                GListStore *list)
{
  if (changes & (YS_STORE_CHANGE_FEEDBACK | YS_STORE_CHANGE_TOOLS))
    reload_feedback_list (self, list);
}

GListModel *
ys_store_list_feedback (YsStore    *self,
                        const char *workflow_id)
{
  GListStore *list;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  list = g_list_store_new (YS_TYPE_FEEDBACK);
  g_object_set_data_full (G_OBJECT (list), "workflow-id", g_strdup (workflow_id), g_free);
  g_signal_connect_object (self, "changed", G_CALLBACK (on_feedback_list_store_changed), list, 0);
  reload_feedback_list (self, list);
  return G_LIST_MODEL (list);
}

gboolean
ys_store_update_feedback (YsStore     *self,
                          const char  *id,
                          const char  *tool_id,
                          gboolean     saves_time,
                          const char  *comment,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_validate_text (comment, error))
    return FALSE;

  if (!transaction_begin (self, error))
    return FALSE;

  ok = record_exists (self, &feedback_table, id, FALSE, error) &&
       record_exists (self, &tools_table, tool_id, TRUE, error);
  if (ok)
    {
      stmt = ys_store_prepare (self,
        "UPDATE feedback SET tool_id = ?2, saves_time = ?3, comment = ?4,"
        " updated_at = " NEXT_UPDATED_AT " WHERE id = ?1");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, tool_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, saves_time ? 1 : 0);
      sqlite3_bind_text (stmt, 4, comment ? comment : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, ys_store_now (self));
      ok = step_done (self, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_FEEDBACK;
    }

  return transaction_end (self, ok, error);
}

gboolean
ys_store_delete_feedback (YsStore     *self,
                          const char  *id,
                          GError     **error)
{
  return set_deleted (self, &feedback_table, id, TRUE, error);
}

gboolean
ys_store_restore_feedback (YsStore     *self,
                           const char  *id,
                           GError     **error)
{
  return set_deleted (self, &feedback_table, id, FALSE, error);
}

gboolean
ys_store_should_ask_feedback (YsStore     *self,
                              const char  *workflow_id,
                              const char  *tool_id,
                              int          interval_days,
                              const GDate *today)
{
  sqlite3_stmt *stmt;
  GDate last;
  gboolean ask = TRUE;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  stmt = ys_store_prepare (self,
    "SELECT max (given_on) FROM feedback"
    " WHERE workflow_id = ?1 AND tool_id = ?2 AND deleted = 0");
  sqlite3_bind_text (stmt, 1, workflow_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tool_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      ys_parse_iso_date ((const char *) sqlite3_column_text (stmt, 0), &last))
    ask = g_date_days_between (&last, today) >= interval_days;
  sqlite3_reset (stmt);

  return ask;
}

/* GObject ------------------------------------------------------------------ */

static void
ys_store_finalize (GObject *object)
{
  YsStore *self = (YsStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->workflows);
  g_clear_object (&self->tools);
  g_clear_object (&self->timers);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);

  G_OBJECT_CLASS (ys_store_parent_class)->finalize (object);
}

static void
ys_store_class_init (YsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ys_store_finalize;

  /**
   * YsStore::changed:
   * @changes: the #YsStoreChange flags of what a committed write touched
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ys_store_init (YsStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            finalize_statement);
  self->workflows = g_list_store_new (YS_TYPE_WORKFLOW);
  self->tools = g_list_store_new (YS_TYPE_TOOL);
  self->timers = g_list_store_new (YS_TYPE_TIMER);
}

/* Merging ------------------------------------------------------------------ */

static const char *put_outcome_sql[] = {
  [YS_RECORD_WORKFLOW] = "SELECT updated_at FROM workflows WHERE id = ?1",
  [YS_RECORD_TOOL] = "SELECT updated_at FROM tools WHERE id = ?1",
  [YS_RECORD_RUN] = "SELECT updated_at FROM runs WHERE id = ?1",
  [YS_RECORD_FEEDBACK] = "SELECT updated_at FROM feedback WHERE id = ?1",
  [YS_RECORD_REVIEW] = "SELECT updated_at FROM reviews WHERE id = ?1",
};

YsPutResult
ys_store_put_outcome (YsStore      *self,
                      YsRecordKind  kind,
                      const char   *id,
                      gint64        updated_at)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, put_outcome_sql[kind]);
  YsPutResult result = YS_PUT_NEW;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = updated_at > sqlite3_column_int64 (stmt, 0) ? YS_PUT_UPDATED : YS_PUT_UNCHANGED;
  sqlite3_reset (stmt);
  return result;
}

gboolean
ys_store_record_exists (YsStore      *self,
                        YsRecordKind  kind,
                        const char   *id)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, put_outcome_sql[kind]);
  gboolean found;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
ys_store_workflow_is_active (YsStore    *self,
                             const char *id)
{
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT 1 FROM workflows WHERE id = ?1 AND archived = 0 AND deleted = 0");
  gboolean active;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  active = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return active;
}

static gboolean
finish_put (YsStore        *self,
            sqlite3_stmt   *stmt,
            YsPutResult     outcome,
            YsStoreChange   change,
            YsPutResult    *result,
            GError        **error)
{
  if (result)
    *result = outcome;
  if (outcome == YS_PUT_UNCHANGED)
    return TRUE;
  self->pending_changes |= change;
  return step_done (self, stmt, error);
}

gboolean
ys_store_put_workflow (YsStore      *self,
                       const char   *id,
                       const char   *name,
                       const char   *description,
                       int           people,
                       gboolean      archived,
                       gint64        updated_at,
                       gboolean      deleted,
                       YsPutResult  *result,
                       GError      **error)
{
  YsPutResult outcome = ys_store_put_outcome (self, YS_RECORD_WORKFLOW, id, updated_at);
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO workflows (id, name, description, people, archived, position, updated_at, deleted)"
    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce (max (position), 0) + 1 FROM workflows), ?6, ?7)"
    " ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, people = ?4, archived = ?5,"
    " updated_at = ?6, deleted = ?7");

  g_assert (self->transaction_depth > 0);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, people);
  sqlite3_bind_int (stmt, 5, archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, updated_at);
  sqlite3_bind_int (stmt, 7, deleted ? 1 : 0);
  return finish_put (self, stmt, outcome,
                     YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS, result, error);
}

gboolean
ys_store_put_tool (YsStore      *self,
                   const char   *id,
                   const char   *name,
                   gint64        updated_at,
                   gboolean      deleted,
                   YsPutResult  *result,
                   GError      **error)
{
  YsPutResult outcome = ys_store_put_outcome (self, YS_RECORD_TOOL, id, updated_at);
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO tools (id, name, updated_at, deleted) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (id) DO UPDATE SET name = ?2, updated_at = ?3, deleted = ?4");

  g_assert (self->transaction_depth > 0);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, updated_at);
  sqlite3_bind_int (stmt, 4, deleted ? 1 : 0);
  return finish_put (self, stmt, outcome,
                     YS_STORE_CHANGE_TOOLS | YS_STORE_CHANGE_RUNS, result, error);
}

gboolean
ys_store_put_run (YsStore            *self,
                  const char         *id,
                  const YsRunFields  *fields,
                  gint64              updated_at,
                  gboolean            deleted,
                  YsPutResult        *result,
                  GError            **error)
{
  YsPutResult outcome = ys_store_put_outcome (self, YS_RECORD_RUN, id, updated_at);
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO runs (id, workflow_id, mode, tool_id, started_at, started_on, started_week,"
    " duration_seconds, corrections, updated_at, used, note, deleted)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " WEEK_OF_6 ", ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (id) DO UPDATE SET workflow_id = ?2, mode = ?3, tool_id = ?4,"
    " started_at = ?5, started_on = ?6, started_week = " WEEK_OF_6 ","
    " duration_seconds = ?7, corrections = ?8,"
    " updated_at = ?9, used = ?10, note = ?11, deleted = ?12");

  g_assert (self->transaction_depth > 0);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  bind_run_fields (self, stmt, fields, ys_store_now (self));
  sqlite3_bind_int64 (stmt, 9, updated_at);
  sqlite3_bind_int (stmt, 12, deleted ? 1 : 0);
  return finish_put (self, stmt, outcome, YS_STORE_CHANGE_RUNS, result, error);
}

gboolean
ys_store_put_feedback (YsStore      *self,
                       const char   *id,
                       const char   *workflow_id,
                       const char   *tool_id,
                       gboolean      saves_time,
                       const char   *given_on,
                       const char   *comment,
                       gint64        updated_at,
                       gboolean      deleted,
                       YsPutResult  *result,
                       GError      **error)
{
  YsPutResult outcome = ys_store_put_outcome (self, YS_RECORD_FEEDBACK, id, updated_at);
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO feedback (id, workflow_id, tool_id, saves_time, given_on, comment,"
    " updated_at, deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (id) DO UPDATE SET workflow_id = ?2, tool_id = ?3, saves_time = ?4,"
    " given_on = ?5, comment = ?6, updated_at = ?7, deleted = ?8");

  g_assert (self->transaction_depth > 0);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, workflow_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, tool_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, saves_time ? 1 : 0);
  sqlite3_bind_text (stmt, 5, given_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, comment ? comment : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, updated_at);
  sqlite3_bind_int (stmt, 8, deleted ? 1 : 0);
  return finish_put (self, stmt, outcome, YS_STORE_CHANGE_FEEDBACK, result, error);
}

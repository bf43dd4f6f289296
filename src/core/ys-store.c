/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ys-backup.h"
#include "ys-error.h"
#include "ys-schema.h"
#include "ys-store-private.h"

/*
 * The store object: it opens the database (ys-database.c) at the newest
 * schema (ys-schema.c), keeps the workflow, tool and timer models, runs the
 * write transactions that announce what changed, and restores backups. The
 * records themselves live in ys-store-catalogue.c, -runs.c, -timers.c,
 * -feedback.c and -reviews.c. Every write happens in one transaction;
 * deleting only sets a tombstone so that undo and bundle merges can bring a
 * record back or carry the deletion to other machines. Times of change
 * (`updated_at`) are microseconds since the epoch so that merges compare
 * numbers, not strings.
 */

G_DEFINE_FINAL_TYPE (YsStore, ys_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

YsDatabase *
ys_store_get_database (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return self->database;
}

sqlite3_stmt *
ys_store_prepare (YsStore     *self,
                  const char  *sql,
                  GError     **error)
{
  return ys_database_prepare (self->database, sql, error);
}

/* Models ------------------------------------------------------------------- */

/* Puts @items in @model in place of what it holds, and announces only the
 * stretch between the items the two share at the start and at the end:
 * a list box then keeps the rows (and the selection) of what did not
 * change, and a reload that changed nothing announces nothing. */
void
ys_store_update_model (GListStore *model,
                       GPtrArray  *items,
                       GEqualFunc  same)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_n = items->len;
  guint start = 0;
  guint end = 0;

  while (start < old_n && start < new_n)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (model), start);

      if (!same (old, g_ptr_array_index (items, start)))
        break;
      start++;
    }
  while (end < old_n - start && end < new_n - start)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (model), old_n - 1 - end);

      if (!same (old, g_ptr_array_index (items, new_n - 1 - end)))
        break;
      end++;
    }

  if (start + end == old_n && old_n == new_n)
    return;
  g_list_store_splice (model, start, old_n - start - end,
                       items->pdata + start, new_n - start - end);
}

/* Transactions ------------------------------------------------------------- */

static void
flush_changes (YsStore *self)
{
  YsStoreChange changes = self->pending_changes;

  self->pending_changes = 0;
  if (changes == 0)
    return;

  /* A model that cannot be read keeps what it showed. */
  if (changes & YS_STORE_CHANGE_WORKFLOWS)
    ys_store_reload_workflows (self, NULL);
  if (changes & YS_STORE_CHANGE_TOOLS)
    ys_store_reload_tools (self, NULL);
  if (changes & (YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_WORKFLOWS))
    ys_store_reload_timers (self, NULL);

  g_signal_emit (self, signals[CHANGED], 0, changes);
}

gboolean
ys_store_begin (YsStore  *self,
                GError  **error)
{
  return ys_database_begin (self->database, YS_TRANSACTION_WRITE, error);
}

/* Commits when @ok, rolls back otherwise; returns whether it committed. */
gboolean
ys_store_end (YsStore   *self,
              gboolean   ok,
              GError   **error)
{
  gboolean kept = ys_database_end (self->database, ok, error);

  if (ys_database_in_transaction (self->database))
    return kept;

  if (kept)
    flush_changes (self);
  else
    self->pending_changes = 0;
  return kept;
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

  if (!ys_store_begin (self, error))
    return FALSE;
  ok = func (self, user_data, error);
  return ys_store_end (self, ok, ok ? error : NULL);
}

/* Opening ------------------------------------------------------------------ */

char *
ys_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "yardstick", "yardstick.db", NULL);
}

static void
on_read_failed (YsStore      *self,
                const GError *error,
                YsDatabase   *database)
{
  g_signal_emit (self, signals[READ_FAILED], 0, error);
}

YsStore *
ys_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(YsStore) self = NULL;
  g_autoptr(YsClock) clock = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (YS_TYPE_STORE, NULL);
  self->local_zone = g_time_zone_new_local ();
  self->database = ys_database_open (path, YS_DATABASE_READ_WRITE, YS_SCHEMA_VERSION,
                                     &version, error);

  if (self->database == NULL ||
      !ys_schema_migrate (self->database, version, error) ||
      !ys_store_reload_workflows (self, error) ||
      !ys_store_reload_tools (self, error) ||
      !ys_store_reload_timers (self, error))
    return NULL;

  ys_database_get_data_version (self->database, &self->data_version);
  g_signal_connect_object (self->database, "read-failed", G_CALLBACK (on_read_failed), self,
                           G_CONNECT_SWAPPED);
  clock = ys_clock_new ();
  ys_store_set_clock (self, clock);
  return g_steal_pointer (&self);
}

YsStore *
ys_store_open_reader (const char  *path,
                      GError     **error)
{
  g_autoptr(YsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (YS_TYPE_STORE, NULL);
  self->local_zone = g_time_zone_new_local ();
  self->database = ys_database_open (path, YS_DATABASE_READ_ONLY, YS_SCHEMA_VERSION, NULL, error);
  if (self->database == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

YsStore *
ys_store_open_writer (const char  *path,
                      YsClock     *clock,
                      GError     **error)
{
  g_autoptr(YsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (YS_IS_CLOCK (clock), NULL);

  self = g_object_new (YS_TYPE_STORE, NULL);
  self->local_zone = g_time_zone_new_local ();
  self->database = ys_database_open (path, YS_DATABASE_READ_WRITE, YS_SCHEMA_VERSION, NULL, error);
  if (self->database == NULL)
    return NULL;
  ys_store_set_clock (self, clock);
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
  sqlite3 *handle;
  sqlite3 *source = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  const char *path;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!ys_database_in_transaction (self->database), FALSE);

  if (!ys_backup_check (backup_path, error))
    return FALSE;

  path = ys_database_get_path (self->database);
  handle = ys_database_get_handle (self->database);
  now = g_date_time_new_from_unix_local (ys_store_now (self) / G_USEC_PER_SEC);
  kept = ys_backup_before_restore_path (path, now);
  if (!ys_backup_write (path, kept, error))
    return FALSE;

  rc = ys_database_open_immutable (backup_path, &source);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (handle, "main", source, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (handle);
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
  stmt = ys_store_prepare (self, "SELECT user_version FROM pragma_user_version", error);
  if (stmt == NULL ||
      !ys_database_query_int64 (self->database, stmt, &version, error) ||
      !ys_schema_migrate (self->database, (int) version, error))
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
  return ys_database_get_path (self->database);
}

void
ys_store_refresh (YsStore *self)
{
  g_return_if_fail (YS_IS_STORE (self));
  g_return_if_fail (!ys_database_in_transaction (self->database));

  self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_TOOLS |
                           YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_FEEDBACK |
                           YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_REVIEWS;
  flush_changes (self);
}

gboolean
ys_store_check_for_changes (YsStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);

  if (ys_database_in_transaction (self->database) ||
      !ys_database_get_data_version (self->database, &version) ||
      version == self->data_version)
    return FALSE;

  self->data_version = version;
  ys_store_refresh (self);
  return TRUE;
}

static void
on_tick (YsStore *self,
         YsClock *clock)
{
  ys_store_check_for_changes (self);
}

void
ys_store_set_clock (YsStore *self,
                    YsClock *clock)
{
  g_return_if_fail (YS_IS_STORE (self));
  g_return_if_fail (YS_IS_CLOCK (clock));

  if (self->clock == clock)
    return;
  g_clear_signal_handler (&self->tick_id, self->clock);
  g_set_object (&self->clock, clock);
  /* The store holds the clock, and lets go of the handler before it. */
  self->tick_id = g_signal_connect_swapped (clock, "tick", G_CALLBACK (on_tick), self);
}

YsClock *
ys_store_get_clock (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return self->clock;
}

gint64
ys_store_now (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), 0);
  return ys_clock_get_now (self->clock);
}

gboolean
ys_store_is_empty (YsStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);

  /* Tombstones count as data: they may still need to travel in a bundle. */
  stmt = ys_store_prepare (self,
    "SELECT (SELECT count(*) FROM workflows) + (SELECT count(*) FROM tools) +"
    "       (SELECT count(*) FROM runs) + (SELECT count(*) FROM feedback) +"
    "       (SELECT count(*) FROM reviews)", error);
  if (stmt == NULL || !ys_database_query_int64 (self->database, stmt, &n, error))
    return FALSE;
  return n == 0;
}

/* Tombstoned records --------------------------------------------------------- */

/* What every kind of record shares: found by id, hidden by a tombstone. */
typedef struct
{
  const char *find_sql;
  const char *tombstone_sql;
  const char *missing_message;
  YsStoreChange change;
} RecordTable;

static const RecordTable record_tables[] = {
  [YS_RECORD_WORKFLOW] = {
    "SELECT deleted, updated_at FROM workflows WHERE id = :id",
    NULL,
    N_("That workflow no longer exists."),
    YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS,
  },
  [YS_RECORD_TOOL] = {
    "SELECT deleted, updated_at FROM tools WHERE id = :id",
    "UPDATE tools SET deleted = :deleted, updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id",
    N_("That tool no longer exists."),
    YS_STORE_CHANGE_TOOLS,
  },
  [YS_RECORD_RUN] = {
    "SELECT deleted, updated_at FROM runs WHERE id = :id",
    "UPDATE runs SET deleted = :deleted, updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id",
    N_("That run no longer exists."),
    YS_STORE_CHANGE_RUNS,
  },
  [YS_RECORD_FEEDBACK] = {
    "SELECT deleted, updated_at FROM feedback WHERE id = :id",
    "UPDATE feedback SET deleted = :deleted, updated_at = " YS_STORE_NEXT_UPDATED_AT
    " WHERE id = :id",
    N_("That feedback no longer exists."),
    YS_STORE_CHANGE_FEEDBACK,
  },
  [YS_RECORD_REVIEW] = {
    "SELECT deleted, updated_at FROM reviews WHERE id = :id",
    NULL,
    NULL,  /* reviews are found by quarter, never by id */
    YS_STORE_CHANGE_REVIEWS,
  },
};

/* @found: 1 live, 0 tombstoned, -1 missing; @updated_at when found. */
static gboolean
find_record (YsStore       *self,
             YsRecordKind   kind,
             const char    *id,
             int           *found,
             gint64        *updated_at,
             GError       **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, record_tables[kind].find_sql, error);
  int rc;

  *found = -1;
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *found = sqlite3_column_int (stmt, 0) == 0 ? 1 : 0;
      if (updated_at != NULL)
        *updated_at = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_store_find_record (YsStore       *self,
                      YsRecordKind   kind,
                      const char    *id,
                      gboolean       include_deleted,
                      GError       **error)
{
  int found;

  if (!find_record (self, kind, id, &found, NULL, error))
    return FALSE;
  if (found == 1 || (found == 0 && include_deleted))
    return TRUE;

  g_assert (record_tables[kind].missing_message != NULL);
  g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND, _(record_tables[kind].missing_message));
  return FALSE;
}

gboolean
ys_store_set_deleted (YsStore       *self,
                      YsRecordKind   kind,
                      const char    *id,
                      gboolean       deleted,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (record_tables[kind].tombstone_sql != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_find_record (self, kind, id, TRUE, error) &&
       (stmt = ys_store_prepare (self, record_tables[kind].tombstone_sql, error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      ys_database_bind_int64 (stmt, ":deleted", deleted);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= record_tables[kind].change;
    }

  return ys_store_end (self, ok, error);
}

/* Records ------------------------------------------------------------------ */

static const YsStoreRecordClass *
record_class (YsRecordKind kind)
{
  switch (kind)
    {
    case YS_RECORD_WORKFLOW: return &ys_store_workflow_records;
    case YS_RECORD_TOOL: return &ys_store_tool_records;
    case YS_RECORD_RUN: return &ys_store_run_records;
    case YS_RECORD_FEEDBACK: return &ys_store_feedback_records;
    case YS_RECORD_REVIEW: return &ys_store_review_records;
    case YS_N_RECORD_KINDS:
    default:
      /* Every caller passes a kind of its own; a NULL here would only be
       * read by the caller, so stop at the mistake instead. */
      g_assert_not_reached ();
    }
}

/* The row of @id, into @record when given. */
static gboolean
read_by_id (YsStore       *self,
            YsRecordKind   kind,
            const char    *id,
            gpointer       record,
            GStringChunk  *strings,
            gboolean      *found,
            GError       **error)
{
  const YsStoreRecordClass *klass = record_class (kind);
  sqlite3_stmt *stmt = ys_store_prepare (self, klass->by_id_sql, error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  *found = rc == SQLITE_ROW;
  if (*found && record != NULL)
    klass->from_row (stmt, record, strings);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_store_get_record (YsStore       *self,
                     YsRecordKind   kind,
                     const char    *id,
                     gpointer       record,
                     GStringChunk  *strings,
                     gboolean      *found,
                     GError       **error)
{
  g_return_val_if_fail (record != NULL && strings != NULL, FALSE);
  return read_by_id (self, kind, id, record, strings, found, error);
}

gboolean
ys_store_record_exists (YsStore       *self,
                        YsRecordKind   kind,
                        const char    *id,
                        gboolean      *exists,
                        GError       **error)
{
  return read_by_id (self, kind, id, NULL, NULL, exists, error);
}

gboolean
ys_store_put_record (YsStore        *self,
                     YsRecordKind    kind,
                     gconstpointer   record,
                     GError        **error)
{
  g_return_val_if_fail (ys_database_in_transaction (self->database), FALSE);

  return record_class (kind)->put (self, record, error);
}

struct _YsStoreRecords
{
  YsStore *store;
  sqlite3_stmt *stmt;
  const YsStoreRecordClass *klass;
  YsAnyRecord record;
};

YsStoreRecords *
ys_store_list_records (YsStore       *self,
                       YsRecordKind   kind,
                       gboolean       tombstones,
                       GError       **error)
{
  const YsStoreRecordClass *klass = record_class (kind);
  sqlite3_stmt *stmt = ys_store_prepare (self, klass->all_sql, error);
  YsStoreRecords *records;

  if (stmt == NULL)
    return NULL;
  ys_database_bind_int64 (stmt, ":tombstones", tombstones ? 1 : 0);

  records = g_new0 (YsStoreRecords, 1);
  records->store = g_object_ref (self);
  records->stmt = stmt;
  records->klass = klass;
  return records;
}

gboolean
ys_store_records_next (YsStoreRecords  *records,
                       gconstpointer   *record,
                       GError         **error)
{
  int rc = ys_database_step (records->store->database, records->stmt, error);

  *record = NULL;
  if (rc == SQLITE_ROW)
    {
      records->klass->from_row (records->stmt, &records->record, NULL);
      *record = &records->record;
      return TRUE;
    }
  return rc == SQLITE_DONE;
}

void
ys_store_records_free (YsStoreRecords *records)
{
  if (records == NULL)
    return;
  sqlite3_reset (records->stmt);
  g_object_unref (records->store);
  g_free (records);
}

const char *
ys_store_column_text (sqlite3_stmt *stmt,
                      int           column,
                      GStringChunk *strings)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = ys_database_column_text (stmt, column);
  return strings != NULL ? g_string_chunk_insert (strings, text) : text;
}

/* GObject ------------------------------------------------------------------ */

static void
ys_store_finalize (GObject *object)
{
  YsStore *self = (YsStore *) object;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->tick_id, self->clock);
  g_clear_object (&self->clock);
  g_clear_object (&self->database);
  g_clear_object (&self->workflows);
  g_clear_object (&self->tools);
  g_clear_object (&self->timers);
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

  /**
   * YsStore::read-failed:
   * @error: what could not be read, the sentence a person reads
   *
   * A read of the database failed (a lock held too long, a damaged file):
   * whatever was to show its result shows nothing new, and a window says
   * so rather than showing zeros.
   */
  signals[READ_FAILED] = g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ys_store_init (YsStore *self)
{
  self->workflows = g_list_store_new (YS_TYPE_WORKFLOW);
  self->tools = g_list_store_new (YS_TYPE_TOOL);
  self->timers = g_list_store_new (YS_TYPE_TIMER);
}

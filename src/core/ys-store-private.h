/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-database.h"
#include "ys-records.h"
#include "ys-store.h"

G_BEGIN_DECLS

/*
 * Shared by the store's areas (ys-store-catalogue.c, -runs.c, -timers.c,
 * -feedback.c, -reviews.c), the merge, the query modules and the team
 * folder's sync (its own tables): these, and only these, write SQL.
 */
struct _YsStore
{
  GObject parent_instance;

  YsDatabase *database;

  GListStore *workflows;
  GListStore *tools;
  GListStore *timers;

  YsClock *clock;
  gulong tick_id;
  gint64 data_version;    /* of the last look at other programs' writes */

  /* What the open write transaction touched, announced on commit. */
  YsStoreChange pending_changes;

  /* Looked up once: finding the local zone reads /etc/localtime each time,
   * which was a tenth of a large import. */
  GTimeZone *local_zone;
};

/* The order workflows are shown, listed and reported in, the same on every
 * computer: active first, then archived, each by case-folded name, then id. */
#define YS_STORE_WORKFLOW_ORDER(prefix) \
  prefix "archived, ys_casefold (" prefix "name), " prefix "id"

/* Runs from a tracker's history never learn whether their output was used:
 * Awaiting Outcome leaves them out, and its count, taken from the per-day
 * totals, takes them off (counted from the runs_from_tracker index). Left
 * to itself SQLite walks runs_awaiting_outcome (without the "+") or, since
 * schema 9's narrower indexes, runs_by_workflow_start instead, every run
 * and its row: 0.3 s of the window's start at a million runs. */
#define YS_STORE_NOT_FROM_TRACKER " AND r.source IS NULL"
#define YS_STORE_TRACKER_AWAITING \
  " - (SELECT count(*) FROM runs r INDEXED BY runs_from_tracker" \
  " JOIN workflows w ON w.key = r.workflow AND w.deleted = 0" \
  " WHERE r.source = 'tracker' AND r.deleted = 0 AND +r.used IS NULL)"

/* Runs, their indexes and the totals refer to a workflow or a tool by its
 * integer key (schema 9); the API and the bundles by its id. The key of
 * the id bound as @parameter, a lookup SQLite makes once per statement,
 * so an index on the key is still searched by equality. */
#define YS_STORE_WORKFLOW_KEY(parameter) "(SELECT key FROM workflows WHERE id = " parameter ")"
#define YS_STORE_TOOL_KEY(parameter) "(SELECT key FROM tools WHERE id = " parameter ")"

/* A change must sort after the stored one even if the clock went back. */
#define YS_STORE_NEXT_UPDATED_AT "max (:now, updated_at + 1)"

YsDatabase   *ys_store_get_database (YsStore       *self);

/* A store for writing on another thread: its own connection to @path (a
 * database ys_store_open() has brought up to date), no watch on other
 * connections, and @clock. The store that opened @path sees what it wrote
 * through ys_store_check_for_changes(). */
YsStore      *ys_store_open_writer  (const char    *path,
                                     YsClock       *clock,
                                     GError       **error);

/* A write transaction; on commit the models reload and "changed" is
 * emitted with what was touched. Nested calls are savepoints. */
gboolean      ys_store_begin        (YsStore       *self,
                                     GError       **error);
gboolean      ys_store_end          (YsStore       *self,
                                     gboolean       ok,
                                     GError       **error);

/* A cached statement of the store's connection. */
sqlite3_stmt *ys_store_prepare      (YsStore       *self,
                                     const char    *sql,
                                     GError       **error);

/* Whether a record with @id exists (tombstones count only when
 * @include_deleted); sets YS_ERROR_NOT_FOUND when not. */
gboolean      ys_store_find_record  (YsStore       *self,
                                     YsRecordKind   kind,
                                     const char    *id,
                                     gboolean       include_deleted,
                                     GError       **error);
/* Sets or clears a record's tombstone, in its own transaction. */
gboolean      ys_store_set_deleted  (YsStore       *self,
                                     YsRecordKind   kind,
                                     const char    *id,
                                     gboolean       deleted,
                                     GError       **error);

/* The live workflow @id, with its name and whether it is archived;
 * with @deleted, a tombstoned one too. */
gboolean      ys_store_lookup_workflow (YsStore    *self,
                                        const char *id,
                                        char      **name,
                                        gboolean   *archived,
                                        gboolean   *deleted,
                                        GError    **error);

/* The id of the live workflow or tool (@kind) called @name, compared as
 * names are kept unique, whatever their case; NULL without @error set when
 * there is none. */
char         *ys_store_find_by_name    (YsStore      *self,
                                        YsRecordKind  kind,
                                        const char   *name,
                                        GError      **error);

/* An answer to "does @tool_id save time on @workflow_id?", given today. */
gboolean      ys_store_answer_feedback (YsStore    *self,
                                        const char *workflow_id,
                                        const char *tool_id,
                                        gboolean    saves_time,
                                        GError    **error);

/* Model reloads, on commit (ys-store.c) or at open. */
void          ys_store_update_model     (GListStore *model,
                                         GPtrArray  *items,
                                         GEqualFunc  same);
gboolean      ys_store_reload_workflows (YsStore  *self,
                                         GError  **error);
gboolean      ys_store_reload_tools     (YsStore  *self,
                                         GError  **error);
gboolean      ys_store_reload_timers    (YsStore  *self,
                                         GError  **error);

YsRun        *ys_store_run_from_row (sqlite3_stmt  *stmt);

/* The SELECT list ys_store_run_from_row() reads, from runs r joined with
 * their workflow w and tool t. */
#define YS_STORE_RUN_COLUMNS \
  "r.id, w.id, r.mode, t.id, r.started_at, r.duration_seconds, " \
  "r.corrections, r.used, r.note, t.name, r.assignment"

/* Records, as the merge and the bundle writer see the store ---------------- */

/* How one kind of record is read and written: each area file defines its
 * own (ys-store-catalogue.c: workflows and tools; -runs.c; -feedback.c;
 * -reviews.c). */
typedef struct
{
  const char *by_id_sql;    /* the record's columns, WHERE id = :id */
  const char *all_sql;      /* every record in the bundle writer's order;
                             * tombstones too when :tombstones is 1 */
  /* Fills @record from the current row: its text copied into @strings,
   * or pointing into the row when @strings is NULL. */
  void      (*from_row) (sqlite3_stmt   *stmt,
                         gpointer        record,
                         GStringChunk   *strings);
  /* Inserts @record, or replaces the one with its id. */
  gboolean  (*put)      (YsStore        *self,
                         gconstpointer   record,
                         GError        **error);
} YsStoreRecordClass;

extern const YsStoreRecordClass ys_store_workflow_records;
extern const YsStoreRecordClass ys_store_tool_records;
extern const YsStoreRecordClass ys_store_run_records;
extern const YsStoreRecordClass ys_store_feedback_records;
extern const YsStoreRecordClass ys_store_review_records;

/* The stored record @id (tombstoned or not), its text copied into
 * @strings; @found says whether there is one. */
gboolean        ys_store_get_record     (YsStore         *self,
                                         YsRecordKind     kind,
                                         const char      *id,
                                         gpointer         record,
                                         GStringChunk    *strings,
                                         gboolean        *found,
                                         GError         **error);
gboolean        ys_store_record_exists  (YsStore         *self,
                                         YsRecordKind     kind,
                                         const char      *id,
                                         gboolean        *exists,
                                         GError         **error);
/* Writes @record as it is: the caller has decided it wins. Inside a
 * write transaction. */
gboolean        ys_store_put_record     (YsStore         *self,
                                         YsRecordKind     kind,
                                         gconstpointer    record,
                                         GError         **error);

/* Every record of @kind, in the bundle writer's order. */
typedef struct _YsStoreRecords YsStoreRecords;

YsStoreRecords *ys_store_list_records   (YsStore         *self,
                                         YsRecordKind     kind,
                                         gboolean         tombstones,
                                         GError         **error);
/* @record: the next one, valid until the next call, or NULL at the end.
 * FALSE when it could not be read. */
gboolean        ys_store_records_next   (YsStoreRecords  *records,
                                         gconstpointer   *record,
                                         GError         **error);
void            ys_store_records_free   (YsStoreRecords  *records);

/* Column @column as text (NULL for NULL), copied into @strings if given. */
const char     *ys_store_column_text    (sqlite3_stmt    *stmt,
                                         int              column,
                                         GStringChunk    *strings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsStoreRecords, ys_store_records_free)

G_END_DECLS

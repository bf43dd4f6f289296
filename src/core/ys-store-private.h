/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-database.h"
#include "ys-store.h"

G_BEGIN_DECLS

/*
 * Shared by the store's areas (ys-store-catalogue.c, -runs.c, -timers.c,
 * -feedback.c, -reviews.c), the merge and the query modules: these, and
 * only these, write SQL.
 */
struct _YsStore
{
  GObject parent_instance;

  YsDatabase *database;

  GListStore *workflows;
  GListStore *tools;
  GListStore *timers;

  YsClockFunc clock;
  gpointer clock_data;

  /* What the open write transaction touched, announced on commit. */
  YsStoreChange pending_changes;

  /* Looked up once: finding the local zone reads /etc/localtime each time,
   * which was a tenth of a large import. */
  GTimeZone *local_zone;
};

typedef enum
{
  YS_RECORD_WORKFLOW,
  YS_RECORD_TOOL,
  YS_RECORD_RUN,
  YS_RECORD_FEEDBACK,
  YS_RECORD_REVIEW,
} YsRecordKind;

/* A change must sort after the stored one even if the clock went back. */
#define YS_STORE_NEXT_UPDATED_AT "max (:now, updated_at + 1)"

YsDatabase   *ys_store_get_database (YsStore       *self);

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

/* The local calendar date ("2026-11-22") of @unix_seconds. */
char         *ys_store_local_date   (YsStore       *self,
                                     gint64         unix_seconds);

/* Model reloads, on commit (ys-store.c) or at open. */
gboolean      ys_store_reload_workflows (YsStore  *self,
                                         GError  **error);
gboolean      ys_store_reload_tools     (YsStore  *self,
                                         GError  **error);
gboolean      ys_store_reload_timers    (YsStore  *self,
                                         GError  **error);

YsRun        *ys_store_run_from_row (sqlite3_stmt  *stmt);

/* The SELECT list ys_store_run_from_row() reads. */
#define YS_STORE_RUN_COLUMNS \
  "r.id, r.workflow_id, r.mode, r.tool_id, r.started_at, r.duration_seconds, " \
  "r.corrections, r.used, r.note, t.name"

/* Merging records as they arrive from a bundle or the demo: a record with a
 * later @updated_at replaces the stored one, an equal or earlier one changes
 * nothing (FORMAT.md). Callers validate first and hold a transaction. */
typedef enum
{
  YS_PUT_NEW,
  YS_PUT_UPDATED,
  YS_PUT_UNCHANGED,
} YsPutResult;

/* Whether a record with @id is stored, tombstoned or not. */
gboolean    ys_store_record_exists      (YsStore      *self,
                                         YsRecordKind  kind,
                                         const char   *id);
/* What a put of @id with @updated_at would do. */
YsPutResult ys_store_put_outcome        (YsStore      *self,
                                         YsRecordKind  kind,
                                         const char   *id,
                                         gint64        updated_at);
gboolean    ys_store_workflow_is_active (YsStore      *self,
                                         const char   *id);

gboolean ys_store_put_workflow (YsStore            *self,
                                const char         *id,
                                const char         *name,
                                const char         *description,
                                int                 people,
                                gboolean            archived,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_tool     (YsStore            *self,
                                const char         *id,
                                const char         *name,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_run      (YsStore            *self,
                                const char         *id,
                                const YsRunFields  *fields,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_feedback (YsStore            *self,
                                const char         *id,
                                const char         *workflow_id,
                                const char         *tool_id,
                                gboolean            saves_time,
                                const char         *given_on,
                                const char         *comment,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_review   (YsStore            *self,
                                const char         *id,
                                const YsReview     *review,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);

/* Marks what a put changed, unless @outcome says nothing did, and runs
 * @stmt (bound by the caller). */
gboolean ys_store_finish_put   (YsStore            *self,
                                sqlite3_stmt       *stmt,
                                YsPutResult         outcome,
                                YsStoreChange       change,
                                YsPutResult        *result,
                                GError            **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-bundle.h"
#include "ys-store.h"

G_BEGIN_DECLS

/*
 * The team folder (FORMAT.md): a folder that the team's own sync service
 * keeps the same on every computer. Each database writes all it holds as
 * yardstick-<device id>.json there and merges every other bundle it finds.
 *
 * A sync lists and reads the folder with a read-only connection (a file
 * that has not changed since it was merged, by size, time and content
 * hash, is not read again; one that has is parsed and stripped of what the
 * database already holds); merges what is new in one write transaction;
 * then writes its own file if the database changed since it last wrote
 * it, or the file there is not the one it wrote. A file that
 * is not a bundle, is damaged or incomplete, or comes from a newer
 * Yardstick is skipped and reported, and read again at the next sync.
 */

typedef enum
{
  YS_SYNC_MERGED,     /* read and merged */
  YS_SYNC_SKIPPED,    /* left alone this time; read again at the next sync */
} YsSyncOutcome;

typedef struct
{
  char *name;             /* the file's name in the folder */
  YsSyncOutcome outcome;
  char *problem;          /* skipped: why, as a sentence that names the file */
  YsImportResult counts;  /* merged: what it brought */
} YsSyncFile;

typedef struct
{
  char *folder;
  char *own_name;         /* yardstick-<device id>.json */
  GPtrArray *files;       /* of YsSyncFile, merged or skipped, by name */
  guint merged;
  guint skipped;
  guint unchanged;        /* not read again, or read and found the same */
  gboolean wrote_own;     /* this sync wrote own_name */
} YsSyncReport;

void          ys_sync_report_free (YsSyncReport         *report);

/* One sync of @store with @folder, start to end on this thread (the
 * command line, tests). An error only when the folder cannot be read
 * (YS_ERROR_FOLDER), is read-only (YS_ERROR_READ_ONLY: the other files
 * were merged), the own file cannot be written (YS_ERROR_FOLDER) or the
 * database fails; skipped files are in the report. */
YsSyncReport *ys_sync_run         (YsStore              *store,
                                   const char           *folder,
                                   GCancellable         *cancellable,
                                   GError              **error);

/* The same; when the error comes after the merge (a read-only folder, the
 * own file not written), @merged receives the report of what was merged
 * and skipped, so that the command line can still print it. */
YsSyncReport *ys_sync_run_reporting (YsStore            *store,
                                     const char         *folder,
                                     GCancellable       *cancellable,
                                     YsSyncReport      **merged,
                                     GError            **error);

/* The same on a worker thread, reading, merging and writing through
 * connections of its own: only two small writes of the sync's own state
 * happen on this thread, and @store reloads what the merge changed. */
void          ys_sync_run_async   (YsStore              *store,
                                   const char           *folder,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
YsSyncReport *ys_sync_run_finish  (YsStore              *store,
                                   GAsyncResult         *result,
                                   GError              **error);

typedef struct
{
  char *name;
  char *problem;
  gint64 failing_since;   /* microseconds since the epoch */
} YsSyncProblem;

/* What the app shows of the team folder, from the database. */
typedef struct
{
  char *folder;           /* the folder of the last sync, or NULL */
  gint64 synced_at;       /* microseconds since the epoch; 0 never */
  guint computers;        /* other computers whose file was merged and is still there */
  GPtrArray *problems;    /* of YsSyncProblem, files skipped at the last sync */
} YsSyncStatus;

gboolean      ys_sync_get_status   (YsStore              *store,
                                    YsSyncStatus         *status,
                                    GError              **error);
void          ys_sync_status_clear (YsSyncStatus         *status);

/* Whether the database changed since it last wrote its own file (or never
 * wrote one): the next sync would write it. */
gboolean      ys_sync_has_unwritten_changes (YsStore     *store,
                                             gboolean    *unwritten,
                                             GError     **error);

/* The name of the file this database writes, or NULL before its first
 * sync (or when it cannot be read). */
char         *ys_sync_get_own_name (YsStore              *store);

/* The name of the file @device_id writes. */
char         *ys_sync_file_name    (const char           *device_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSyncReport, ys_sync_report_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YsSyncStatus, ys_sync_status_clear)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sys/stat.h>

#include "ys-bundle.h"
#include "ys-database.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* Shared by the two halves of a sync: ys-sync-read.c reads the folder on
 * a worker thread; ys-sync.c merges, writes the own file and keeps the
 * sync's state. */

/* What tells a file from its next version without reading it. The inode
 * changes whenever a file is replaced by a rename, as sync services and
 * Yardstick itself write, even within one tick of the clock. */
typedef struct
{
  gint64 size;
  gint64 mtime;           /* microseconds */
  gint64 inode;
} YsSyncStamp;

typedef struct
{
  char *name;
  YsSyncStamp stamp;
  char *hash;             /* SHA-256 of what was read; NULL when not read */
  gboolean unchanged;     /* not read again, or read and the same */
  gboolean merged;
  gboolean own;           /* the own file, found not to be the one last written */
  YsBundle *bundle;       /* read, to merge */
  YsImportResult counts;
  char *problem;          /* skipped */
} YsSyncEntry;

typedef struct
{
  YsStore *store;         /* touched on the calling thread only */
  char *path;             /* the database file */
  gint64 now;             /* @store's time when the sync began */
  char *folder;
  char *own_name;
  char *own_path;
  GPtrArray *entries;     /* of YsSyncEntry, by name */
  gboolean own_stale;     /* the own file is missing or not the one last written */

  /* The own file as written, when it was. */
  gboolean wrote;
  gint64 written_changes;
  YsSyncStamp written;
  char *written_hash;
} YsSyncJob;

void      ys_sync_entry_free      (gpointer            entry);
void      ys_sync_stamp_from_stat (YsSyncStamp        *stamp,
                                   const struct stat  *st);
gboolean  ys_sync_stamp_equal     (const YsSyncStamp  *a,
                                   const YsSyncStamp  *b);
/* Steps @stmt to its one row; a missing row is a damaged database. */
gboolean  ys_sync_step_row        (YsDatabase         *db,
                                   sqlite3_stmt       *stmt,
                                   GError            **error);

/* On a worker thread: lists the folder, reads what changed into
 * @job->entries, finds whether the own file is stale, and removes what a
 * sync of this database that was stopped part-way left behind. */
gboolean  ys_sync_read_folder     (YsSyncJob          *job,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_END_DECLS

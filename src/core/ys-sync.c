/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-error.h"
#include "ys-file.h"
#include "ys-hash-stream.h"
#include "ys-merge.h"
#include "ys-step.h"
#include "ys-store-private.h"
#include "ys-sync-private.h"
#include "ys-sync.h"
#include "ys-validate.h"

/*
 * The steps a test may stop a sync at (ys-step.h): "sync-file-opened" a
 * file is open and about to be read, "sync-file-read" it was read (and
 * parsed); the merge's "record" and "merged"; "bytes-written" part of the
 * own file is in its temporary file; "sync-written" the own file is in
 * place.
 */

#define OWN_PREFIX "yardstick-"
#define OWN_SUFFIX ".json"

static void
job_free (gpointer data)
{
  YsSyncJob *job = data;

  g_clear_object (&job->store);
  g_free (job->path);
  g_free (job->folder);
  g_free (job->own_name);
  g_free (job->own_path);
  g_ptr_array_unref (job->entries);
  g_free (job->written_hash);
  g_free (job);
}

static YsSyncJob *
job_new (YsStore    *store,
         const char *folder)
{
  YsSyncJob *job = g_new0 (YsSyncJob, 1);

  job->store = g_object_ref (store);
  job->path = g_strdup (ys_store_get_path (store));
  job->now = ys_store_now (store);
  job->folder = g_canonicalize_filename (folder, NULL);
  job->entries = g_ptr_array_new_with_free_func (ys_sync_entry_free);
  return job;
}

char *
ys_sync_file_name (const char *device_id)
{
  g_return_val_if_fail (ys_is_uuid (device_id), NULL);
  return g_strconcat (OWN_PREFIX, device_id, OWN_SUFFIX, NULL);
}

/* yardstick-<UUID>.json: another computer's own file (not a conflict copy). */
static gboolean
is_device_file (const char *name)
{
  gsize length = strlen (name);
  g_autofree char *id = NULL;

  if (!g_str_has_prefix (name, OWN_PREFIX) || !g_str_has_suffix (name, OWN_SUFFIX) ||
      length != strlen (OWN_PREFIX) + 36 + strlen (OWN_SUFFIX))
    return FALSE;
  id = g_strndup (name + strlen (OWN_PREFIX), 36);
  return ys_is_uuid (id);
}

/* Before: the device id (made at the first sync) and the folder ------------- */

/* On the calling thread. A database that syncs with another folder than
 * last time forgets what it read from the old one. */
static gboolean
prepare (YsSyncJob  *job,
         GError    **error)
{
  YsStore *store = job->store;
  YsDatabase *db = ys_store_get_database (store);
  g_autofree char *device_id = NULL;
  sqlite3_stmt *stmt;
  gboolean same_folder;
  gboolean ok;

  stmt = ys_store_prepare (store, "SELECT device_id, folder FROM sync_state", error);
  if (stmt == NULL || !ys_sync_step_row (db, stmt, error))
    return FALSE;
  device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  same_folder = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), job->folder) == 0;
  sqlite3_reset (stmt);

  if (device_id == NULL || !same_folder)
    {
      if (!ys_store_begin (store, error))
        return FALSE;
      if (device_id == NULL)
        device_id = ys_uuid_new ();
      stmt = ys_store_prepare (store,
        "UPDATE sync_state SET device_id = coalesce (device_id, :device_id), folder = :folder",
        error);
      ok = stmt != NULL;
      if (ok)
        {
          ys_database_bind_text (stmt, ":device_id", device_id);
          ys_database_bind_text (stmt, ":folder", job->folder);
          ok = ys_database_run (db, stmt, error);
        }
      if (ok && !same_folder)
        ok = ys_database_exec (db, "DELETE FROM sync_files", error);
      if (!ys_store_end (store, ok, ok ? error : NULL))
        return FALSE;

      /* Another program may have made the id first. */
      g_clear_pointer (&device_id, g_free);
      stmt = ys_store_prepare (store, "SELECT device_id FROM sync_state", error);
      if (stmt == NULL || !ys_sync_step_row (db, stmt, error))
        return FALSE;
      device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  if (!ys_is_uuid (device_id))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is damaged: its device id is not a UUID."), job->path);
      return FALSE;
    }

  job->own_name = ys_sync_file_name (device_id);
  job->own_path = g_build_filename (job->folder, job->own_name, NULL);
  return TRUE;
}

/* Merging, on the calling thread ------------------------------------------- */

static void
add_counts (YsMergeCounts       *to,
            const YsMergeCounts *from)
{
  to->added += from->added;
  to->updated += from->updated;
  to->unchanged += from->unchanged;
}

static void
add_result (YsImportResult       *to,
            const YsImportResult *from)
{
  add_counts (&to->workflows, &from->workflows);
  add_counts (&to->tools, &from->tools);
  add_counts (&to->runs, &from->runs);
  add_counts (&to->feedback, &from->feedback);
  add_counts (&to->reviews, &from->reviews);
  to->archived_on_import += from->archived_on_import;
}

/* What was read of @entry, so that it is not read again while it stays the
 * same; a file that failed is remembered as failing since its first
 * failure, and read again next time. */
static gboolean
remember (YsStore      *store,
          YsSyncEntry  *entry,
          gint64        now,
          GError      **error)
{
  sqlite3_stmt *stmt;

  /* Not read again, so nothing new to remember. */
  if (entry->unchanged && entry->hash == NULL)
    return TRUE;

  stmt = ys_store_prepare (store,
    "INSERT INTO sync_files (name, size, mtime, inode, hash, merged, problem, failing_since)"
    " VALUES (:name, :size, :mtime, :inode, :hash, :merged, :problem,"
    "  CASE WHEN :merged THEN NULL ELSE :now END)"
    " ON CONFLICT (name) DO UPDATE SET size = :size, mtime = :mtime, inode = :inode,"
    "  hash = :hash, merged = :merged, problem = :problem,"
    "  failing_since = CASE WHEN :merged THEN NULL ELSE coalesce (failing_since, :now) END",
    error);
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":name", entry->name);
  ys_database_bind_int64 (stmt, ":size", entry->stamp.size);
  ys_database_bind_int64 (stmt, ":mtime", entry->stamp.mtime);
  ys_database_bind_int64 (stmt, ":inode", entry->stamp.inode);
  ys_database_bind_text (stmt, ":hash", entry->hash ? entry->hash : "");
  ys_database_bind_int64 (stmt, ":merged", entry->problem == NULL);
  ys_database_bind_text (stmt, ":problem", entry->problem);
  ys_database_bind_int64 (stmt, ":now", now);
  return ys_database_run (ys_store_get_database (store), stmt, error);
}

/* Files no longer in the folder are forgotten. */
static gboolean
forget_gone (YsStore    *store,
             GPtrArray  *entries,
             GError    **error)
{
  YsDatabase *db = ys_store_get_database (store);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (present, ((YsSyncEntry *) entries->pdata[i])->name);

  stmt = ys_store_prepare (store, "SELECT name FROM sync_files", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    if (!g_hash_table_contains (present, ys_database_column_text (stmt, 0)))
      g_ptr_array_add (gone, g_strdup (ys_database_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < gone->len; i++)
    {
      stmt = ys_store_prepare (store, "DELETE FROM sync_files WHERE name = :name", error);
      if (stmt == NULL)
        return FALSE;
      ys_database_bind_text (stmt, ":name", gone->pdata[i]);
      if (!ys_database_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Every file read, merged in one write transaction of @store (the job's,
 * or a connection of a worker's own) with what is remembered of them: a
 * file the merge refuses (a reference to a record nobody has) is skipped
 * and changes nothing. */
static gboolean
merge_entries (YsSyncJob  *job,
               YsStore    *store,
               GError    **error)
{
  YsDatabase *db = ys_store_get_database (store);
  g_autoptr(GPtrArray) read = g_ptr_array_new ();
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autofree YsImportResult *results = NULL;
  g_autofree GError **refusals = NULL;
  gboolean ok;

  for (guint i = 0; i < job->entries->len; i++)
    {
      YsSyncEntry *entry = job->entries->pdata[i];

      if (entry->bundle != NULL)
        {
          g_ptr_array_add (read, entry);
          g_ptr_array_add (bundles, entry->bundle);
        }
    }
  results = g_new0 (YsImportResult, read->len);
  refusals = g_new0 (GError *, read->len);

  ys_database_set_bulk (db, TRUE);
  ok = ys_store_begin (store, error);
  if (!ok)
    {
      ys_database_set_bulk (db, FALSE);
      return FALSE;
    }

  ok = ys_merge_bundles_in_transaction (store, (YsBundle * const *) bundles->pdata, bundles->len,
                                        results, refusals, error);
  for (guint i = 0; ok && i < read->len; i++)
    {
      YsSyncEntry *entry = read->pdata[i];

      if (refusals[i] != NULL)
        entry->problem = g_strdup (refusals[i]->message);
      else
        {
          add_result (&entry->counts, &results[i]);
          entry->merged = TRUE;
        }
    }
  for (guint i = 0; ok && i < job->entries->len; i++)
    {
      YsSyncEntry *entry = job->entries->pdata[i];

      if (!entry->own)
        ok = remember (store, entry, job->now, error);
    }
  ok = ok && forget_gone (store, job->entries, error);
  ok = ys_store_end (store, ok, ok ? error : NULL);
  ys_database_set_bulk (db, FALSE);

  for (guint i = 0; i < read->len; i++)
    {
      YsSyncEntry *entry = read->pdata[i];

      g_clear_error (&refusals[i]);
      g_clear_pointer (&entry->bundle, ys_bundle_free);
    }
  return ok;
}

/* Writing the own file, on a worker thread ----------------------------------- */

typedef struct
{
  YsSyncJob *job;
  YsStore *reader;
  mode_t mode;
} Writer;

static gboolean
write_bundle (GOutputStream  *stream,
              gpointer        user_data,
              GError        **error)
{
  Writer *writer = user_data;
  YsSyncJob *job = writer->job;
  g_autoptr(GOutputStream) hashing = ys_hash_stream_new (stream);
  int fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (stream));
  struct stat st;

  /* Readable by whoever may read the folder, as a file copied there would
   * be, rather than private like the app's other files: on a shared drive
   * the team's other accounts read it. */
  if (fchmod (fd, writer->mode) != 0)
    {
      int saved = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }

  if (!ys_bundle_export (writer->reader, YS_BUNDLE_EVERYTHING, hashing, NULL, error) ||
      !g_output_stream_flush (hashing, NULL, error))
    return FALSE;

  /* Its time is final once the last byte is written; the rename keeps it. */
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  ys_sync_stamp_from_stat (&job->written, &st);
  job->written_hash = ys_hash_stream_get_hash (YS_HASH_STREAM (hashing));
  return TRUE;
}

/* A folder whose mode says read-only is left alone even by root, who could
 * write to it anyway: someone meant it to stay unchanged. */
static gboolean
check_folder_writable (YsSyncJob  *job,
                       mode_t     *mode,
                       GError    **error)
{
  GStatBuf st;

  if (g_stat (job->folder, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_FOLDER, _("The team folder %s cannot be read: %s"),
                   job->folder, g_strerror (saved));
      return FALSE;
    }
  if ((st.st_mode & 0222) == 0 || g_access (job->folder, W_OK) != 0)
    {
      /* Its own code: the app words it apart from a folder it cannot reach. */
      g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                   _("The team folder %s is read-only, so this computer’s file %s cannot be "
                     "written there. The other computers’ files were merged."),
                   job->folder, job->own_name);
      return FALSE;
    }
  *mode = (st.st_mode & 0666) | 0600;
  return TRUE;
}

/* The own file, if the database changed since it was last written or the
 * file there is not that one. The count of changes is read in the same
 * snapshot as the records written, so a change made meanwhile is written
 * at the next sync. */
static gboolean
write_own (YsSyncJob     *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(YsStore) reader = NULL;
  g_autoptr(GError) write_error = NULL;
  Writer writer = { job, NULL };
  YsDatabase *db;
  sqlite3_stmt *stmt;
  gint64 changes, written_changes;
  gboolean ok;

  reader = ys_store_open_reader (job->path, error);
  if (reader == NULL)
    return FALSE;
  db = ys_store_get_database (reader);
  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return FALSE;

  stmt = ys_store_prepare (reader,
    "SELECT changes, coalesce (written_changes, -1) FROM sync_state", error);
  ok = stmt != NULL && ys_sync_step_row (db, stmt, error);
  if (ok)
    {
      changes = sqlite3_column_int64 (stmt, 0);
      written_changes = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);

      if (!job->own_stale && changes == written_changes &&
          g_file_test (job->own_path, G_FILE_TEST_EXISTS))
        {
          ys_database_end (db, TRUE, NULL);
          return TRUE;
        }

      writer.reader = reader;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           check_folder_writable (job, &writer.mode, error);
      if (ok && !ys_file_write_atomically (job->own_path, write_bundle, &writer, &write_error))
        {
          g_set_error_literal (error, YS_ERROR, YS_ERROR_FOLDER, write_error->message);
          ok = FALSE;
        }
      if (ok)
        {
          job->wrote = TRUE;
          job->written_changes = changes;
          ys_step ("sync-written");
        }
    }

  /* Nothing was written to the database, so ending the read loses nothing. */
  ys_database_end (db, TRUE, NULL);
  return ok;
}

/* After, on the calling thread ---------------------------------------------- */

static gboolean
record (YsSyncJob  *job,
        GError    **error)
{
  YsStore *store = job->store;
  YsDatabase *db = ys_store_get_database (store);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!ys_store_begin (store, error))
    return FALSE;

  if (job->wrote)
    stmt = ys_store_prepare (store,
      "UPDATE sync_state SET synced_at = :now, written_changes = :changes,"
      " written_size = :size, written_mtime = :mtime, written_inode = :inode,"
      " written_hash = :hash", error);
  else
    stmt = ys_store_prepare (store, "UPDATE sync_state SET synced_at = :now", error);
  ok = stmt != NULL;
  if (ok)
    {
      ys_database_bind_int64 (stmt, ":now", ys_store_now (store));
      if (job->wrote)
        {
          ys_database_bind_int64 (stmt, ":changes", job->written_changes);
          ys_database_bind_int64 (stmt, ":size", job->written.size);
          ys_database_bind_int64 (stmt, ":mtime", job->written.mtime);
          ys_database_bind_int64 (stmt, ":inode", job->written.inode);
          ys_database_bind_text (stmt, ":hash", job->written_hash);
        }
      ok = ys_database_run (db, stmt, error);
    }
  return ys_store_end (store, ok, ok ? error : NULL);
}

static YsSyncReport *
make_report (YsSyncJob *job)
{
  YsSyncReport *report = g_new0 (YsSyncReport, 1);

  report->folder = g_strdup (job->folder);
  report->own_name = g_strdup (job->own_name);
  report->files = g_ptr_array_new ();
  report->wrote_own = job->wrote;

  for (guint i = 0; i < job->entries->len; i++)
    {
      YsSyncEntry *entry = job->entries->pdata[i];
      YsSyncFile *file;

      if (entry->unchanged)
        {
          report->unchanged++;
          continue;
        }

      file = g_new0 (YsSyncFile, 1);
      file->name = g_strdup (entry->name);
      if (entry->problem != NULL)
        {
          file->outcome = YS_SYNC_SKIPPED;
          file->problem = g_strdup (entry->problem);
          report->skipped++;
        }
      else
        {
          file->outcome = YS_SYNC_MERGED;
          file->counts = entry->counts;
          report->merged++;
        }
      g_ptr_array_add (report->files, file);
    }
  return report;
}

void
ys_sync_report_free (YsSyncReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->files->len; i++)
    {
      YsSyncFile *file = report->files->pdata[i];

      g_free (file->name);
      g_free (file->problem);
      g_free (file);
    }
  g_ptr_array_unref (report->files);
  g_free (report->folder);
  g_free (report->own_name);
  g_free (report);
}

/* One sync ------------------------------------------------------------------ */

YsSyncReport *
ys_sync_run (YsStore       *store,
             const char    *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(YsSyncReport) merged = NULL;

  return ys_sync_run_reporting (store, folder, cancellable, &merged, error);
}

YsSyncReport *
ys_sync_run_reporting (YsStore       *store,
                       const char    *folder,
                       GCancellable  *cancellable,
                       YsSyncReport **merged,
                       GError       **error)
{
  YsSyncJob *job;
  YsSyncReport *report = NULL;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (merged != NULL && *merged == NULL, NULL);

  job = job_new (store, folder);
  if (prepare (job, error) &&
      ys_sync_read_folder (job, cancellable, error) &&
      merge_entries (job, job->store, error))
    {
      if (write_own (job, cancellable, error) && record (job, error))
        report = make_report (job);
      else
        *merged = make_report (job);
    }
  job_free (job);
  return report;
}

/* Runs @job's next phase, a YsSyncPhase, on a worker thread. */
typedef gboolean (*YsSyncPhase) (YsSyncJob     *job,
                                 GCancellable  *cancellable,
                                 GError       **error);

static void
phase_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  YsSyncJob *job = task_data;
  YsSyncPhase phase = g_task_get_source_tag (task);
  GError *error = NULL;

  if (phase (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* @task, which owns @job, goes on in @callback once @phase has run. */
static void
run_phase (GTask               *task,
           YsSyncPhase          phase,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) phase_task = g_task_new (NULL, g_task_get_cancellable (task), callback,
                                            g_object_ref (task));

  g_task_set_source_tag (phase_task, phase);
  g_task_set_task_data (phase_task, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (phase_task, phase_in_thread);
}

/* The whole sync but its bookkeeping, on a worker thread: the merge, even
 * a first one of many files, goes through a connection of its own, so the
 * window never waits for it (only a write of its own would, and only as
 * long as the merge's one transaction). */
static gboolean
read_merge_write (YsSyncJob     *job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(YsClock) clock = NULL;
  g_autoptr(YsStore) writer = NULL;

  if (!ys_sync_read_folder (job, cancellable, error))
    return FALSE;

  /* The job's clock, so that a file's first failure is dated as the app
   * (or a test) sees the time. */
  clock = ys_clock_new_fixed (job->now);
  writer = ys_store_open_writer (job->path, clock, error);
  return writer != NULL &&
         merge_entries (job, writer, error) &&
         write_own (job, cancellable, error);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YsSyncJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* What the merge wrote, even when writing the own file failed after it:
   * the models reload and "changed" goes out now, not at the next tick. */
  ys_store_check_for_changes (job->store);

  if (!ok || !record (job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, make_report (job), (GDestroyNotify) ys_sync_report_free);
}

void
ys_sync_run_async (YsStore             *store,
                   const char          *folder,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  YsSyncJob *job;

  g_return_if_fail (YS_IS_STORE (store));
  g_return_if_fail (folder != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ys_sync_run_async);
  job = job_new (store, folder);
  g_task_set_task_data (task, job, job_free);

  if (!prepare (job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The job belongs to @task, which outlives its phase's task. */
  run_phase (task, read_merge_write, on_done);
}

YsSyncReport *
ys_sync_run_finish (YsStore       *store,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the app shows -------------------------------------------------------- */

static void
problem_free (gpointer data)
{
  YsSyncProblem *problem = data;

  g_free (problem->name);
  g_free (problem->problem);
  g_free (problem);
}

void
ys_sync_status_clear (YsSyncStatus *status)
{
  g_clear_pointer (&status->folder, g_free);
  g_clear_pointer (&status->problems, g_ptr_array_unref);
  status->synced_at = 0;
  status->computers = 0;
}

gboolean
ys_sync_get_status (YsStore       *store,
                    YsSyncStatus  *status,
                    GError       **error)
{
  YsDatabase *db;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  status->problems = g_ptr_array_new_with_free_func (problem_free);
  db = ys_store_get_database (store);
  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return FALSE;

  stmt = ys_store_prepare (store, "SELECT folder, coalesce (synced_at, 0) FROM sync_state", error);
  if (stmt == NULL || !ys_sync_step_row (db, stmt, error))
    goto out;
  status->folder = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  status->synced_at = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  stmt = ys_store_prepare (store,
    "SELECT name, merged, problem, coalesce (failing_since, 0) FROM sync_files ORDER BY name",
    error);
  if (stmt == NULL)
    goto out;
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *name = ys_database_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 1))
        status->computers += is_device_file (name);
      else
        {
          YsSyncProblem *problem = g_new0 (YsSyncProblem, 1);

          problem->name = g_strdup (name);
          problem->problem = g_strdup (ys_database_column_text (stmt, 2));
          problem->failing_since = sqlite3_column_int64 (stmt, 3);
          g_ptr_array_add (status->problems, problem);
        }
    }
  if (rc != SQLITE_DONE)
    goto out;
  sqlite3_reset (stmt);
  ok = TRUE;

out:
  ys_database_end (db, TRUE, NULL);
  if (!ok)
    ys_sync_status_clear (status);
  return ok;
}

gboolean
ys_sync_has_unwritten_changes (YsStore   *store,
                               gboolean  *unwritten,
                               GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  stmt = ys_store_prepare (store,
    "SELECT changes IS NOT coalesce (written_changes, -1) FROM sync_state", error);
  if (stmt == NULL || !ys_database_query_int64 (ys_store_get_database (store), stmt, &value, error))
    return FALSE;
  *unwritten = value != 0;
  return TRUE;
}

char *
ys_sync_get_own_name (YsStore *store)
{
  g_autofree char *device_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  stmt = ys_store_prepare (store, "SELECT device_id FROM sync_state", NULL);
  if (stmt == NULL || ys_database_step (ys_store_get_database (store), stmt, NULL) != SQLITE_ROW)
    return NULL;
  device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return ys_is_uuid (device_id) ? ys_sync_file_name (device_id) : NULL;
}

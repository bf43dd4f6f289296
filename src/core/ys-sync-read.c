/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ys-bundle-reader.h"
#include "ys-error.h"
#include "ys-merge.h"
#include "ys-step.h"
#include "ys-store-private.h"
#include "ys-sync-private.h"

/*
 * Reading the team folder, on a worker thread with its own read-only
 * connection: a file is read only when it is not the one last merged, and
 * parsed only when its content changed; what the database already holds is
 * left out before the merge.
 */

/* Read in pieces of this size. */
#define READ_SIZE (256 * 1024)

/* What was last read of a file. */
typedef struct
{
  YsSyncStamp stamp;
  char *hash;
  gboolean merged;
} Known;

void
ys_sync_entry_free (gpointer data)
{
  YsSyncEntry *entry = data;

  g_free (entry->name);
  g_free (entry->hash);
  g_clear_pointer (&entry->bundle, ys_bundle_free);
  g_free (entry->problem);
  g_free (entry);
}

void
ys_sync_stamp_from_stat (YsSyncStamp       *stamp,
                         const struct stat *st)
{
  stamp->size = st->st_size;
  stamp->mtime = (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
  stamp->inode = st->st_ino;
}

gboolean
ys_sync_stamp_equal (const YsSyncStamp *a,
                     const YsSyncStamp *b)
{
  return a->size == b->size && a->mtime == b->mtime && a->inode == b->inode;
}

/* A row is always there (schema 6). */
gboolean
ys_sync_step_row (YsDatabase    *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = ys_database_step (db, stmt, error);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is damaged: its team folder state is missing."),
                   ys_database_get_path (db));
    }
  return FALSE;
}

static void
known_free (gpointer data)
{
  Known *known = data;

  g_free (known->hash);
  g_free (known);
}

/* What was last read of each file, and the own file last written. */
static gboolean
load_known (YsStore     *reader,
            GHashTable  *known,
            Known       *own,
            GError     **error)
{
  YsDatabase *db = ys_store_get_database (reader);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return FALSE;

  stmt = ys_store_prepare (reader,
    "SELECT name, size, mtime, inode, hash, merged FROM sync_files", error);
  if (stmt == NULL)
    goto out;
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      Known *k = g_new0 (Known, 1);

      k->stamp.size = sqlite3_column_int64 (stmt, 1);
      k->stamp.mtime = sqlite3_column_int64 (stmt, 2);
      k->stamp.inode = sqlite3_column_int64 (stmt, 3);
      k->hash = g_strdup (ys_database_column_text (stmt, 4));
      k->merged = sqlite3_column_int (stmt, 5) != 0;
      g_hash_table_insert (known, g_strdup (ys_database_column_text (stmt, 0)), k);
    }
  if (rc != SQLITE_DONE)
    goto out;
  sqlite3_reset (stmt);

  stmt = ys_store_prepare (reader,
    "SELECT written_size, written_mtime, written_inode, written_hash FROM sync_state", error);
  if (stmt == NULL || !ys_sync_step_row (db, stmt, error))
    goto out;
  own->merged = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  own->stamp.size = sqlite3_column_int64 (stmt, 0);
  own->stamp.mtime = sqlite3_column_int64 (stmt, 1);
  own->stamp.inode = sqlite3_column_int64 (stmt, 2);
  own->hash = g_strdup (ys_database_column_text (stmt, 3));
  sqlite3_reset (stmt);
  ok = TRUE;

out:
  ys_database_end (db, TRUE, NULL);
  return ok;
}

/* The SHA-256 of @fd from where it is to its end; FALSE with errno set. */
static gboolean
hash_all (int     fd,
          char  **hash,
          gint64 *length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *buffer = g_malloc (READ_SIZE);

  *length = 0;
  for (;;)
    {
      gssize got = read (fd, buffer, READ_SIZE);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return FALSE;
      if (got == 0)
        break;
      g_checksum_update (checksum, (const guchar *) buffer, got);
      *length += got;
    }
  *hash = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* Written to in place while read: what was read may be a mix. */
static gboolean
changed_while_read (YsSyncEntry *entry,
                    int          fd,
                    gint64       length)
{
  struct stat after;
  YsSyncStamp stamp;

  if (fstat (fd, &after) != 0)
    return TRUE;
  ys_sync_stamp_from_stat (&stamp, &after);
  return !ys_sync_stamp_equal (&stamp, &entry->stamp) || length != entry->stamp.size;
}

/* The rest of read_entry(): @fd is a regular file that must be read. The
 * file is read twice, as a stream each time: once for its hash, and only
 * when that changed, again to parse it, so neither pass keeps the file in
 * memory. */
static void
read_contents (YsSyncEntry  *entry,
               YsStore      *reader,
               int           fd,
               const Known  *known,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 length = 0;

  ys_step ("sync-file-opened");
  if (!hash_all (fd, &entry->hash, &length))
    {
      int saved = errno;
      entry->problem = g_strdup_printf (_("%s: could not be read: %s"), entry->name,
                                        g_strerror (saved));
      return;
    }
  if (changed_while_read (entry, fd, length))
    {
      entry->problem = g_strdup_printf (_("%s: changed while it was being read"), entry->name);
      return;
    }

  if (known != NULL && known->merged && g_str_equal (known->hash, entry->hash))
    {
      entry->unchanged = TRUE;
      return;
    }

  if (lseek (fd, 0, SEEK_SET) != 0)
    {
      int saved = errno;
      entry->problem = g_strdup_printf (_("%s: could not be read: %s"), entry->name,
                                        g_strerror (saved));
      return;
    }
  /* The parse stops reading where its verdict is known, so only the
   * file's own size and time tell whether it changed meanwhile. */
  entry->bundle = ys_bundle_read_fd (fd, entry->name, NULL, NULL, &local_error);
  if (changed_while_read (entry, fd, entry->stamp.size))
    {
      g_clear_pointer (&entry->bundle, ys_bundle_free);
      entry->problem = g_strdup_printf (_("%s: changed while it was being read"), entry->name);
    }
  else if (entry->bundle == NULL)
    entry->problem = g_strdup (local_error->message);
  else if (!ys_merge_drop_known (reader, entry->bundle, &entry->counts, error))
    g_clear_pointer (&entry->bundle, ys_bundle_free);
}

/* One file, read and parsed unless @known says it is the one already
 * merged. NULL without @error when it went between listing and opening
 * (another sync service's rename): nothing to say about it. Anything wrong
 * with the file is the entry's problem; @error is the database's. */
static YsSyncEntry *
read_entry (YsSyncJob    *job,
            YsStore      *reader,
            const char   *name,
            const Known  *known,
            GError      **error)
{
  g_autofree char *path = g_build_filename (job->folder, name, NULL);
  g_autoptr(GError) local_error = NULL;
  YsSyncEntry *entry;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0 && errno == ENOENT)
    return NULL;

  entry = g_new0 (YsSyncEntry, 1);
  entry->name = g_strdup (name);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      entry->problem = g_strdup_printf (_("%s: could not be read: %s"), name, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return entry;
    }
  ys_sync_stamp_from_stat (&entry->stamp, &st);

  if (!S_ISREG (st.st_mode))
    entry->problem = g_strdup_printf (_("%s: not a file"), name);
  else if (known != NULL && known->merged && ys_sync_stamp_equal (&known->stamp, &entry->stamp))
    entry->unchanged = TRUE;
  else if ((gint64) st.st_size > YS_BUNDLE_MAX_FILE_SIZE)
    entry->problem = g_strdup_printf (_("%s: the file is larger than 1 GiB"), name);
  else
    read_contents (entry, reader, fd, known, &local_error);
  close (fd);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ys_sync_entry_free (entry);
      return NULL;
    }
  ys_step ("sync-file-read");
  return entry;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
ys_sync_read_folder (YsSyncJob     *job,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(YsStore) reader = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *own_temporary = g_strconcat (".", job->own_name, "-", NULL);
  Known own = { { 0 }, NULL, FALSE };
  GError *local_error = NULL;
  const char *name;
  YsSyncEntry *entry;

  reader = ys_store_open_reader (job->path, error);
  if (reader == NULL)
    return FALSE;
  if (!load_known (reader, known, &own, error))
    {
      g_free (own.hash);
      return FALSE;
    }

  dir = g_dir_open (job->folder, 0, &io_error);
  if (dir == NULL)
    {
      g_free (own.hash);
      g_set_error (error, YS_ERROR, YS_ERROR_FOLDER, _("The team folder %s cannot be read: %s"),
                   job->folder, io_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, own_temporary))
        {
          g_autofree char *path = g_build_filename (job->folder, name, NULL);
          g_unlink (path);
        }
      else if (name[0] != '.' && g_str_has_suffix (name, ".json") &&
               !g_str_equal (name, job->own_name))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  /* The own file, when it is not the one last written (a restored backup,
   * a copied database, the sync service's older version), may hold what
   * this database lacks: it is merged like the others, then written anew. */
  entry = read_entry (job, reader, job->own_name, &own, &local_error);
  g_free (own.hash);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  job->own_stale = entry == NULL || !entry->unchanged;
  if (entry != NULL && entry->bundle != NULL)
    {
      entry->own = TRUE;
      g_ptr_array_add (job->entries, entry);
    }
  else if (entry != NULL)
    ys_sync_entry_free (entry);

  for (guint i = 0; i < names->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      entry = read_entry (job, reader, names->pdata[i],
                          g_hash_table_lookup (known, names->pdata[i]), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (entry != NULL)
        g_ptr_array_add (job->entries, entry);
    }
  return TRUE;
}

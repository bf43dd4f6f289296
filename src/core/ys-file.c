/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-error.h"
#include "ys-file.h"

static gboolean
set_errno_error (GError **error)
{
  int saved = errno;

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
  return FALSE;
}

static gboolean
write_and_rename (int             fd,
                  GOutputStream  *stream,
                  const char     *tmp_path,
                  const char     *path,
                  YsWriteFunc     write,
                  gpointer        user_data,
                  GError        **error)
{
  GStatBuf existing;

  /* A file replaced keeps its permissions; a new one is private. */
  if (g_stat (path, &existing) == 0 && fchmod (fd, existing.st_mode & 07777) != 0)
    return set_errno_error (error);
  if (!write (stream, user_data, error))
    return FALSE;
  /* On the disk before the rename makes it the file. */
  if (fsync (fd) != 0)
    return set_errno_error (error);
  if (!g_output_stream_close (stream, NULL, error))
    return FALSE;
  if (g_rename (tmp_path, path) != 0)
    return set_errno_error (error);
  return TRUE;
}

/* Not g_file_replace(): where no file exists yet it writes in place, so a
 * failure there left half a file. */
gboolean
ys_file_write_atomically (const char   *path,
                          YsWriteFunc   write,
                          gpointer      user_data,
                          GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) io_error = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Beside the file, so that the rename stays on one file system; named
   * with a dot, so that folder views and sync services pass over it. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    set_errno_error (&io_error);
  else
    {
      stream = g_unix_output_stream_new (fd, TRUE);
      if (!write_and_rename (fd, stream, tmp_path, path, write, user_data, &io_error))
        {
          g_output_stream_close (stream, NULL, NULL);
          g_unlink (tmp_path);
        }
    }

  if (io_error != NULL)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE, _("%s: could not be written: %s"),
                   path, io_error->message);
      return FALSE;
    }
  return TRUE;
}

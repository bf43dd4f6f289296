/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-file.h"

gboolean
ys_file_write_atomically (const char   *path,
                          YsWriteFunc   write,
                          gpointer      user_data,
                          GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) io_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  /* g_file_replace writes a temporary file and renames it on close. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &io_error);
  if (stream == NULL ||
      !write (G_OUTPUT_STREAM (stream), user_data, &io_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &io_error))
    {
      if (stream != NULL)
        {
          g_autoptr(GCancellable) cancel = g_cancellable_new ();

          /* Closing a cancelled replace stream drops the temporary file. */
          g_cancellable_cancel (cancel);
          g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
        }
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE, _("%s: could not be written: %s"),
                   path, io_error->message);
      return FALSE;
    }

  return TRUE;
}

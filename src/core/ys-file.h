/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*YsWriteFunc) (GOutputStream  *stream,
                                 gpointer        user_data,
                                 GError        **error);

/* Writes @path through a temporary file renamed into place, so a failure
 * never leaves half a file; errors name the file. */
gboolean ys_file_write_atomically (const char   *path,
                                   YsWriteFunc   write,
                                   gpointer      user_data,
                                   GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ys_duration_parse  (const char  *text,
                              gint64      *seconds,
                              GError     **error);
char     *ys_duration_format (gint64       seconds);

char     *ys_duration_format_approx (gint64   seconds);
char     *ys_duration_format_clock (gint64   seconds);
gboolean  ys_clock_time_parse (const char  *text,
                              int         *minute_of_day,
                              GError     **error);

G_END_DECLS

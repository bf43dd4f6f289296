/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Timestamps as bundles write them (RFC 3339), and the calendar day of an
 * instant in the UTC offset it was written with. Offsets are seconds east
 * of UTC, whole minutes. */

/* "2026-11-22T09:30:00+01:00" or "…Z", with an optional fraction. FALSE
 * for anything else, or an instant outside the years 1 to 9999 in UTC. */
gboolean ys_timestamp_parse        (const char  *text,
                                    gint64      *usec,
                                    int         *offset);

/* The same form as the bundle writer prints it: the local time in @offset
 * and that offset ("Z" for zero); a fraction of six digits only when @usec
 * has one. */
void     ys_timestamp_append       (GString     *out,
                                    gint64       usec,
                                    int          offset);

/* The calendar date ("2026-11-22") of @unix_seconds in @offset. */
void     ys_timestamp_day          (gint64       unix_seconds,
                                    int          offset,
                                    char         day[11]);

/* The offset of @zone at @unix_seconds, to the minute. */
int      ys_timestamp_zone_offset  (GTimeZone   *zone,
                                    gint64       unix_seconds);

G_END_DECLS

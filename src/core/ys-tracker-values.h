/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The values in a time tracker's cells, as each format writes them; pure
 * functions, no file or parser state. */

typedef enum
{
  YS_TRACKER_DURATION_HMS_OR_HOURS,   /* Toggl: h:mm:ss, or decimal hours */
  YS_TRACKER_DURATION_HMS,            /* Clockify's Duration (h) */
  YS_TRACKER_DURATION_KIMAI,          /* h:mm, h:mm:ss or decimal hours */
  YS_TRACKER_DURATION_MINUTES,        /* Hamster */
  YS_TRACKER_DURATION_SECONDS,        /* Yardstick */
} YsTrackerDuration;

/* A calendar date as written. For DD/MM/YYYY or MM/DD/YYYY the file as a
 * whole settles which of @first and @second is the day. */
typedef struct
{
  int      year;
  int      first;
  int      second;
  gboolean year_first;   /* YYYY-MM-DD: first is the month */
} YsTrackerDate;

/* @decimal_column: Clockify's "Duration (decimal)", hours whatever @kind. */
gboolean ys_tracker_parse_duration    (YsTrackerDuration  kind,
                                       gboolean           decimal_column,
                                       const char        *text,
                                       gint64            *seconds);
/* H:MM or HH:MM:SS, 24-hour or with AM/PM, into seconds since midnight. */
gboolean ys_tracker_parse_time_of_day (const char        *text,
                                       int               *seconds);
/* YYYY-MM-DD (or with / or .), and when @numeric also DD/MM/YYYY or
 * MM/DD/YYYY (with / - or .). */
gboolean ys_tracker_parse_date        (const char        *text,
                                       gboolean           numeric,
                                       YsTrackerDate     *date);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-timestamp.h"
#include "ys-validate.h"

#include <string.h>

/* 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: what four-digit years hold. */
#define FIRST_SECOND G_GINT64_CONSTANT (-62135596800)
#define END_SECOND G_GINT64_CONSTANT (253402300800)

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The proleptic Gregorian date of a day counted from 1970-01-01 (Howard
 * Hinnant's civil_from_days): plain arithmetic, no allocation, any year. */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

gboolean
ys_timestamp_parse (const char *text,
                    gint64     *usec,
                    int        *offset)
{
  g_autoptr(GDateTime) when = NULL;
  char date[11];
  gsize length;
  gint64 seconds;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  if (length < 20 || text[10] != 'T' ||
      !(text[length - 1] == 'Z' || (length > 6 && (text[length - 6] == '+' ||
                                                    text[length - 6] == '-'))))
    return FALSE;
  memcpy (date, text, 10);
  date[10] = '\0';
  if (!ys_parse_iso_date (date, NULL))
    return FALSE;

  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    return FALSE;

  seconds = g_date_time_to_unix (when);
  if (seconds < FIRST_SECOND || seconds >= END_SECOND)
    return FALSE;

  *usec = seconds * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
  if (offset != NULL)
    *offset = (int) (g_date_time_get_utc_offset (when) / G_USEC_PER_SEC);
  return TRUE;
}

void
ys_timestamp_append (GString *out,
                     gint64   usec,
                     int      offset)
{
  gint64 seconds = floor_div (usec, G_USEC_PER_SEC);
  int fraction = (int) (usec - seconds * G_USEC_PER_SEC);
  gint64 local = seconds + offset;
  gint64 days = floor_div (local, 86400);
  int of_day = (int) (local - days * 86400);
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  /* Not g_date_time_format's %Y: RFC 3339 wants four digits for year 26 too. */
  g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                          of_day / 3600, of_day / 60 % 60, of_day % 60);
  if (fraction != 0)
    g_string_append_printf (out, ".%06d", fraction);
  if (offset == 0)
    g_string_append_c (out, 'Z');
  else
    g_string_append_printf (out, "%c%02d:%02d", offset < 0 ? '-' : '+',
                            ABS (offset) / 3600, ABS (offset) / 60 % 60);
}

void
ys_timestamp_day (gint64 unix_seconds,
                  int    offset,
                  char   day[11])
{
  int y, m, d;

  civil_from_days (floor_div (unix_seconds + offset, 86400), &y, &m, &d);
  /* Four-digit years, so that dates compare as text in SQL. */
  g_snprintf (day, 11, "%04d-%02d-%02d", CLAMP (y, 0, 9999), m, d);
}

int
ys_timestamp_zone_offset (GTimeZone *zone,
                          gint64     unix_seconds)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, unix_seconds);

  if (interval < 0)
    return 0;
  /* Local mean time before time zones had odd seconds; RFC 3339 has none. */
  return g_time_zone_get_offset (zone, interval) / 60 * 60;
}

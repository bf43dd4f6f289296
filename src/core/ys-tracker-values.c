/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-tracker-values.h"

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* h:mm:ss (or h:mm when @seconds_optional), any number of hours below a
 * million; minutes and seconds two digits below 60. */
static gboolean
parse_clock_duration (const char *text,
                      gboolean    seconds_optional,
                      gint64     *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  gint64 value = 0;

  if (n != 3 && !(n == 2 && seconds_optional))
    return FALSE;
  if (!all_digits (parts[0], strlen (parts[0])) || strlen (parts[0]) > 6)
    return FALSE;
  value = g_ascii_strtoll (parts[0], NULL, 10) * 3600;
  for (guint i = 1; i < n; i++)
    {
      gint64 part;

      if (strlen (parts[i]) != 2 || !all_digits (parts[i], 2))
        return FALSE;
      part = g_ascii_strtoll (parts[i], NULL, 10);
      if (part >= 60)
        return FALSE;
      value += part * (i == 1 ? 60 : 1);
    }
  *seconds = value;
  return TRUE;
}

/* A plain decimal number, with a point or a comma: "1.5", "90", "0,25". */
static gboolean
parse_decimal (const char *text,
               double     *value)
{
  g_autofree char *copy = NULL;
  gsize digits = 0, separators = 0;
  char *end;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '.' || *p == ',') && separators == 0 && digits > 0)
        separators++;
      else
        return FALSE;
    }
  if (digits == 0 || digits > 12 || text[strlen (text) - 1] == '.' || text[strlen (text) - 1] == ',')
    return FALSE;

  copy = g_strdelimit (g_strdup (text), ",", '.');
  *value = g_ascii_strtod (copy, &end);
  return *end == '\0' && isfinite (*value);
}

gboolean
ys_tracker_parse_duration (YsTrackerDuration  kind,
                           gboolean           decimal_column,
                           const char        *text,
                           gint64            *seconds)
{
  double value;

  if (decimal_column)
    {
      if (!parse_decimal (text, &value))
        return FALSE;
      *seconds = (gint64) llround (value * 3600);
      return TRUE;
    }

  switch (kind)
    {
    case YS_TRACKER_DURATION_HMS:
      return parse_clock_duration (text, FALSE, seconds);

    case YS_TRACKER_DURATION_HMS_OR_HOURS:
      if (parse_clock_duration (text, FALSE, seconds))
        return TRUE;
      if (!parse_decimal (text, &value))
        return FALSE;
      *seconds = (gint64) llround (value * 3600);
      return TRUE;

    case YS_TRACKER_DURATION_KIMAI:
      if (parse_clock_duration (text, TRUE, seconds))
        return TRUE;
      if (!parse_decimal (text, &value))
        return FALSE;
      *seconds = (gint64) llround (value * 3600);
      return TRUE;

    case YS_TRACKER_DURATION_MINUTES:
      if (!parse_decimal (text, &value))
        return FALSE;
      *seconds = (gint64) llround (value * 60);
      return TRUE;

    case YS_TRACKER_DURATION_SECONDS:
      if (!all_digits (text, strlen (text)) || strlen (text) > 12)
        return FALSE;
      *seconds = g_ascii_strtoll (text, NULL, 10);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* H:MM or HH:MM:SS, 24-hour or with AM/PM, into seconds since midnight. */
gboolean
ys_tracker_parse_time_of_day (const char *text,
                              int        *seconds)
{
  g_autofree char *clock = g_strdup (text);
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (clock);
  int meridiem = 0;   /* 1 AM, 2 PM */
  int hour, minute, second = 0;
  guint n;

  if (len > 2 && g_ascii_strcasecmp (clock + len - 2, "AM") == 0)
    meridiem = 1;
  else if (len > 2 && g_ascii_strcasecmp (clock + len - 2, "PM") == 0)
    meridiem = 2;
  if (meridiem != 0)
    {
      clock[len - 2] = '\0';
      g_strchomp (clock);
    }

  parts = g_strsplit (clock, ":", -1);
  n = g_strv_length (parts);
  if (n < 2 || n > 3)
    return FALSE;
  if (strlen (parts[0]) < 1 || strlen (parts[0]) > 2 || !all_digits (parts[0], strlen (parts[0])))
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (strlen (parts[i]) != 2 || !all_digits (parts[i], 2))
      return FALSE;

  hour = atoi (parts[0]);
  minute = atoi (parts[1]);
  if (n == 3)
    second = atoi (parts[2]);
  if (minute > 59 || second > 59)
    return FALSE;
  if (meridiem != 0)
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + (meridiem == 2 ? 12 : 0);
    }
  else if (hour > 23)
    return FALSE;

  *seconds = hour * 3600 + minute * 60 + second;
  return TRUE;
}

/* YYYY-MM-DD (or with / or .), and when @numeric DD/MM/YYYY or MM/DD/YYYY
 * (with / - or .); the order of the latter is settled later. */
gboolean
ys_tracker_parse_date (const char    *text,
                       gboolean       numeric,
                       YsTrackerDate *date)
{
  g_auto(GStrv) parts = NULL;
  char separator = 0;
  gsize lengths[3];

  for (const char *p = text; *p; p++)
    if (*p == '-' || *p == '/' || *p == '.')
      {
        separator = *p;
        break;
      }
  if (separator == 0)
    return FALSE;

  parts = g_strsplit (text, (char[]) { separator, '\0' }, -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      lengths[i] = strlen (parts[i]);
      if (!all_digits (parts[i], lengths[i]))
        return FALSE;
    }

  if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
    {
      if (separator != '-' && !numeric)
        return FALSE;
      date->year_first = TRUE;
      date->year = atoi (parts[0]);
      date->first = atoi (parts[1]);
      date->second = atoi (parts[2]);
      return g_date_valid_dmy (date->second, date->first, date->year);
    }

  if (!numeric || lengths[0] > 2 || lengths[1] > 2 || lengths[2] != 4)
    return FALSE;
  date->year_first = FALSE;
  date->first = atoi (parts[0]);
  date->second = atoi (parts[1]);
  date->year = atoi (parts[2]);
  /* Neither order can make it a date. */
  if (date->first < 1 || date->second < 1 || date->year < 1 ||
      (date->first > 12 && date->second > 12) || date->first > 31 || date->second > 31)
    return FALSE;
  return TRUE;
}

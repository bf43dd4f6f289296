/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ys-duration.h"
#include "ys-error.h"
#include "ys-validate.h"

/*
 * People type durations the way they say them: "90" (minutes, the unit a
 * stopwatch-less person thinks in), "1:30" or "1:30:15" (clock style),
 * "1h 30m", "45m", "1.5h", "2 hours 10 minutes", "1h30".
 */

typedef enum { UNIT_NONE, UNIT_HOURS, UNIT_MINUTES, UNIT_SECONDS } Unit;

static const struct { const char *word; Unit unit; } unit_words[] = {
  { "h", UNIT_HOURS }, { "hr", UNIT_HOURS }, { "hrs", UNIT_HOURS },
  { "hour", UNIT_HOURS }, { "hours", UNIT_HOURS },
  { "m", UNIT_MINUTES }, { "min", UNIT_MINUTES }, { "mins", UNIT_MINUTES },
  { "minute", UNIT_MINUTES }, { "minutes", UNIT_MINUTES },
  { "s", UNIT_SECONDS }, { "sec", UNIT_SECONDS }, { "secs", UNIT_SECONDS },
  { "second", UNIT_SECONDS }, { "seconds", UNIT_SECONDS },
};

static void
set_unreadable (GError **error)
{
  g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                       _("Type a duration such as 90, 1:30 or 1h 30m."));
}

static gboolean
parse_clock (const char  *text,
             gint64      *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  gint64 values[3] = { 0, 0, 0 };

  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *p = parts[i];
      guint64 value;

      if (*p == '\0' || strlen (p) > 6)
        return FALSE;
      for (const char *c = p; *c; c++)
        if (!g_ascii_isdigit (*c))
          return FALSE;
      value = g_ascii_strtoull (p, NULL, 10);
      /* Minutes and seconds after a colon are clock digits. */
      if (i > 0 && (strlen (p) != 2 || value >= 60))
        return FALSE;
      values[i] = (gint64) value;
    }

  *seconds = values[0] * 3600 + values[1] * 60 + values[2];
  return TRUE;
}

static gboolean
parse_units (const char *text,
             gint64     *seconds)
{
  const char *p = text;
  Unit last = UNIT_NONE;
  double total = 0;
  gboolean any = FALSE;

  while (*p)
    {
      double value;
      char *end;
      g_autofree char *number = NULL;
      const char *word_start;
      gsize word_len;
      Unit unit = UNIT_NONE;
      gsize digits = 0;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      /* Accept a decimal comma as well as a point. */
      while (g_ascii_isdigit (p[digits]) || p[digits] == '.' || p[digits] == ',')
        digits++;
      if (digits == 0 || digits > 12)
        return FALSE;
      number = g_strndup (p, digits);
      g_strdelimit (number, ",", '.');
      value = g_ascii_strtod (number, &end);
      if (*end != '\0' || !isfinite (value))
        return FALSE;
      p += digits;

      while (g_ascii_isspace (*p))
        p++;
      word_start = p;
      while (g_ascii_isalpha (*p))
        p++;
      word_len = p - word_start;

      if (word_len == 0)
        {
          /* A trailing bare number after hours means minutes: "1h30". */
          if (last == UNIT_HOURS)
            unit = UNIT_MINUTES;
          else
            return FALSE;
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (unit_words); i++)
            if (strlen (unit_words[i].word) == word_len &&
                g_ascii_strncasecmp (word_start, unit_words[i].word, word_len) == 0)
              unit = unit_words[i].unit;
          if (unit == UNIT_NONE)
            return FALSE;
        }

      /* Largest unit first, each once. */
      if (unit <= last)
        return FALSE;
      last = unit;
      any = TRUE;

      switch (unit)
        {
        case UNIT_HOURS: total += value * 3600; break;
        case UNIT_MINUTES: total += value * 60; break;
        case UNIT_SECONDS: total += value; break;
        case UNIT_NONE:
        default: g_assert_not_reached ();
        }
    }

  if (!any || total > G_MAXINT32)
    return FALSE;

  *seconds = (gint64) llround (total);
  return TRUE;
}

gboolean
ys_duration_parse (const char  *text,
                   gint64      *seconds,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 value = 0;
  gboolean ok;

  g_return_val_if_fail (seconds != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      set_unreadable (error);
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Type how long the run took, such as 90 or 1h 30m."));
      return FALSE;
    }

  if (strchr (trimmed, ':') != NULL)
    ok = parse_clock (trimmed, &value);
  else
    {
      gboolean bare_number = TRUE;

      for (const char *c = trimmed; *c; c++)
        bare_number &= g_ascii_isdigit (*c);

      if (bare_number && strlen (trimmed) <= 9)
        {
          value = (gint64) g_ascii_strtoull (trimmed, NULL, 10) * 60;
          ok = TRUE;
        }
      else
        ok = parse_units (trimmed, &value);
    }

  if (!ok)
    {
      set_unreadable (error);
      return FALSE;
    }

  if (!ys_validate_duration (value, error))
    return FALSE;

  *seconds = value;
  return TRUE;
}

char *
ys_duration_format (gint64 seconds)
{
  gint64 hours = seconds / 3600;
  gint64 minutes = (seconds % 3600) / 60;
  gint64 secs = seconds % 60;
  GString *out = g_string_new (NULL);

  if (seconds <= 0)
    {
      g_string_append_printf (out, _("%d s"), 0);
      return g_string_free (out, FALSE);
    }

  /* TRANSLATORS: abbreviations for hours, minutes and seconds of a duration. The
   * duration field reads them back, so keep the h, min and s symbols. */
  if (hours > 0)
    g_string_append_printf (out, _("%d h"), (int) hours);
  if (minutes > 0 || (hours > 0 && secs > 0))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, _("%d min"), (int) minutes);
    }
  if (secs > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, _("%d s"), (int) secs);
    }

  return g_string_free (out, FALSE);
}

/* A time of day as people type it: "14:30", "9:05", "14.30" or "9". */
gboolean
ys_clock_time_parse (const char  *text,
                     int         *minute_of_day,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  char *separator;
  guint64 hours = 0, minutes = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (minute_of_day != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  separator = strpbrk (trimmed, ":.");
  if (separator != NULL)
    {
      *separator = '\0';
      ok = strlen (separator + 1) == 2 &&
           g_ascii_string_to_unsigned (separator + 1, 10, 0, 59, &minutes, NULL);
    }

  ok = ok && *trimmed != '\0' && strlen (trimmed) <= 2 &&
       g_ascii_string_to_unsigned (trimmed, 10, 0, 23, &hours, NULL);

  if (!ok)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Type a time of day such as 14:30."));
      return FALSE;
    }

  *minute_of_day = (int) (hours * 60 + minutes);
  return TRUE;
}

/* H:MM:SS, as a stopwatch shows it. */
char *
ys_duration_format_clock (gint64 seconds)
{
  seconds = MAX (0, seconds);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                          (int) (seconds % 3600 / 60), (int) (seconds % 60));
}

/* For figures: whole minutes from ten minutes up, where seconds are noise. */
char *
ys_duration_format_approx (gint64 seconds)
{
  gint64 magnitude = ABS (seconds);

  if (magnitude >= 600)
    magnitude = (magnitude + 30) / 60 * 60;
  return ys_duration_format (magnitude);
}

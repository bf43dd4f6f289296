/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-error.h"
#include "ys-period.h"

/*
 * Periods: a calendar quarter ("2026-Q3") and the periods the app offers,
 * as first and last days, both included; and the number of days in one,
 * counted the same way for every figure.
 */

gboolean
ys_stats_parse_quarter (const char  *text,
                        GDate       *from,
                        GDate       *to,
                        GError     **error)
{
  guint64 year = 0;
  guint quarter;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q' ||
      text[6] < '1' || text[6] > '4' ||
      !g_ascii_string_to_unsigned ((char[5]) { text[0], text[1], text[2], text[3], '\0' },
                                   10, 1, 9999, &year, NULL))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is not a quarter like 2026-Q3."), text ? text : "");
      return FALSE;
    }

  quarter = text[6] - '0';
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, (quarter - 1) * 3 + 1, year);
  g_date_set_dmy (to, 1, quarter * 3, year);
  g_date_set_day (to, g_date_get_days_in_month (quarter * 3, year));
  return TRUE;
}

gboolean
ys_stats_period_dates (YsPeriod     period,
                       const GDate *today,
                       GDate       *from,
                       GDate       *to)
{
  guint year = g_date_get_year (today);
  guint quarter = (g_date_get_month (today) - 1) / 3;

  g_date_clear (from, 1);
  g_date_clear (to, 1);

  switch (period)
    {
    case YS_PERIOD_LAST_4_WEEKS:
      /* Today and the 27 days before it. */
      *to = *today;
      *from = *today;
      g_date_subtract_days (from, 27);
      return TRUE;

    case YS_PERIOD_LAST_QUARTER:
      if (quarter == 0)
        {
          quarter = 4;
          year--;
        }
      G_GNUC_FALLTHROUGH;
    case YS_PERIOD_THIS_QUARTER:
      quarter = period == YS_PERIOD_THIS_QUARTER ? quarter + 1 : quarter;
      g_date_set_dmy (from, 1, (quarter - 1) * 3 + 1, year);
      g_date_set_dmy (to, g_date_get_days_in_month (quarter * 3, year), quarter * 3, year);
      return TRUE;

    case YS_PERIOD_THIS_YEAR:
      g_date_set_dmy (from, 1, 1, year);
      g_date_set_dmy (to, 31, 12, year);
      return TRUE;

    case YS_PERIOD_ALL_TIME:
    default:
      return FALSE;
    }
}

guint
ys_period_count_days (const GDate *from,
                      const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (from, to) > 0)
    return 0;
  return (guint) g_date_days_between (from, to) + 1;
}

gboolean
ys_stats_period_so_far (const GDate *from,
                        GDate       *to,
                        const GDate *today)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (today == NULL || !g_date_valid (today) ||
      g_date_compare (today, from) < 0 || g_date_compare (today, to) >= 0)
    return FALSE;
  *to = *today;
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Periods: calendar quarters, the periods the app offers, and how many days
 * a period has. A period is a first and a last local date, both included,
 * everywhere: in FORMAT.md's --from/--to, in the summary's weeks and in the
 * report.
 */

/* The periods the app offers; all time has no dates. */
typedef enum
{
  YS_PERIOD_ALL_TIME,
  YS_PERIOD_LAST_4_WEEKS,
  YS_PERIOD_THIS_QUARTER,
  YS_PERIOD_LAST_QUARTER,
  YS_PERIOD_THIS_YEAR,
} YsPeriod;

/* A calendar quarter "2026-Q3" as its first and last days. */
gboolean ys_stats_parse_quarter (const char  *text,
                                 GDate       *from,
                                 GDate       *to,
                                 GError     **error);

/* The first and last day of @period as of @today; FALSE for all time. */
gboolean ys_stats_period_dates  (YsPeriod     period,
                                 const GDate *today,
                                 GDate       *from,
                                 GDate       *to);

/* A period still going on is cut at @today: figures (weeks included) cover
 * only the days so far. TRUE when @to was moved back to @today. */
gboolean ys_stats_period_so_far (const GDate *from,
                                 GDate       *to,
                                 const GDate *today);

/* The days from @from to @to, counting both: July to September is 92. */
guint    ys_period_count_days   (const GDate *from,
                                 const GDate *to);

G_END_DECLS

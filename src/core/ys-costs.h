/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The summary's "costs" (FORMAT.md): what the tools cost over the period
 * and the hours the clear changes saved. Money is whole cents and time is
 * whole half-seconds (a median of an even count ends in .5), so sums are
 * exact and only the final figures are rounded, each once.
 */
typedef struct
{
  gboolean has_tools_cost;       /* some live tool has a monthly cost */
  gint64   tools_cost_cents;
  gboolean has_hours_saved;      /* some workflow's change is clear */
  gint64   saved_half_seconds;   /* negative for a clear loss */
  gboolean has_cost_per_hour;    /* both above, and hours saved > 0 */
  gint64   cost_per_hour_cents;
} YsCosts;

/* Months in @days days: days ÷ (365.25 ÷ 12). */
double   ys_costs_months              (guint        days);
/* @monthly_cents × months(@days), rounded to the nearest cent. Exact: the
 * value is never halfway between two cents, so no tie rule is needed. */
gint64   ys_costs_for_days            (gint64       monthly_cents,
                                       guint        days);
/* A workflow's (without-AI median − with-AI median) × with-AI runs, in
 * half-seconds; medians are whole or half seconds. */
gint64   ys_costs_saved_half_seconds  (double       median_without_ai,
                                       double       median_with_ai,
                                       guint        runs_with_ai);
double   ys_costs_hours               (gint64       half_seconds);
/* What @half_seconds of staff time cost at @cents_per_hour, in cents,
 * rounded (a half cent away from zero). */
gint64   ys_costs_value_of_time       (gint64       cents_per_hour,
                                       gint64       half_seconds);

/* Starts @costs with the monthly total of the live tools that have a cost
 * (@any_cost FALSE when none has one) over @days days (0: no period). */
void     ys_costs_init                (YsCosts     *costs,
                                       gboolean     any_cost,
                                       gint64       monthly_cents,
                                       guint        days);
/* Adds one clear workflow's saving (ys_costs_saved_half_seconds). */
void     ys_costs_add_clear_change    (YsCosts     *costs,
                                       gint64       half_seconds);
/* Settles cost_per_hour once every clear change is added. */
void     ys_costs_finish              (YsCosts     *costs);
double   ys_costs_hours_saved         (const YsCosts *costs);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-database.h"
#include "ys-order-stats.h"
#include "ys-stats.h"

G_BEGIN_DECLS

/*
 * The SQL behind the figures (core only): totals from the per-day table
 * the triggers keep, and streams of (duration, count) in ascending
 * duration from the per-duration counts or a covering index. Nothing here
 * decides what a figure means; ys-summary.c does.
 */

/* A period as the queries see it: local dates "YYYY-MM-DD", both included. */
typedef struct
{
  char from[11];
  char to[11];
  gboolean whole;         /* it holds every run: the per-duration counts serve */
} YsStatsRange;

/* Sums over the per-day totals of one workflow and mode. */
typedef struct
{
  guint64 runs;
  guint64 corrections;
  guint64 corrected;
  guint64 used_yes;
  guint64 used_no;
  guint64 drawn;
  guint64 overridden;
} YsStatsTotals;

gboolean ys_stats_query_history_bounds (YsDatabase          *db,
                                        GDate               *from,
                                        GDate               *to,
                                        gboolean            *found,
                                        GError             **error);

/* @totals[YsMode] over @range; with @range NULL, over the whole history. */
gboolean ys_stats_query_totals         (YsDatabase          *db,
                                        const char          *workflow_id,
                                        const YsStatsRange  *range,
                                        YsStatsTotals        totals[2],
                                        GError             **error);

/* The monthly costs of the live tools, in hundredths; @any_cost is FALSE
 * when no tool has one. */
gboolean ys_stats_query_tool_costs     (YsDatabase           *db,
                                        gboolean             *any_cost,
                                        gint64               *monthly_cents,
                                        GError              **error);

/* Fills @all and @drawn (empty arrays of YsValueCount) with the durations
 * of @workflow_id's runs of @mode in @range, every run and the drawn ones.
 * @in_range and @in_all are the totals of the period and of the whole
 * history, to choose the cheaper of reading the period's runs or the
 * per-duration counts less the runs outside the period. */
gboolean ys_stats_query_durations      (YsDatabase           *db,
                                        const char           *workflow_id,
                                        YsMode                mode,
                                        const YsStatsRange   *range,
                                        const YsStatsTotals  *in_range,
                                        const YsStatsTotals  *in_all,
                                        GArray               *all,
                                        GArray               *drawn,
                                        GError              **error);

/* Every tool named by a run with AI or an answer in @range, by name,
 * with its runs, use and answers counted and no median yet. */
gboolean ys_stats_query_tools          (YsDatabase          *db,
                                        const char          *workflow_id,
                                        const YsStatsRange  *range,
                                        GArray              *tools,
                                        GError             **error);

/* The median of @tool's @tool->runs runs with AI in @range. */
gboolean ys_stats_query_tool_median    (YsDatabase          *db,
                                        const char          *workflow_id,
                                        YsToolFigures       *tool,
                                        const YsStatsRange  *range,
                                        GError             **error);

G_END_DECLS

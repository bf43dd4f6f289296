/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-costs.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* The smallest run count on each side for any claim (FORMAT.md). */
#define YS_STATS_ENOUGH_RUNS 6
/* Used rates: below the first a tool is exploration; the second is good. */
#define YS_STATS_USED_EXPLORATION 0.5
#define YS_STATS_USED_TARGET 0.7

/* The periods the app offers; all time has no dates. */
typedef enum
{
  YS_PERIOD_ALL_TIME,
  YS_PERIOD_LAST_4_WEEKS,
  YS_PERIOD_THIS_QUARTER,
  YS_PERIOD_LAST_QUARTER,
  YS_PERIOD_THIS_YEAR,
} YsPeriod;

/* Absent figures are NAN (doubles) or -1 (counts of seconds); they print as null. */
typedef struct
{
  guint runs;
  double median_seconds;
  gint64 ci_low;
  gint64 ci_high;
  double corrections_per_run;
  double correction_rate;
  double used_rate;
} YsModeFigures;

typedef struct
{
  char *id;
  char *name;
  guint runs;
  double median_seconds;
  double used_rate;
  guint yes;
  guint no;
  double yes_share;
  int divergent;          /* -1 when undefined */
} YsToolFigures;

typedef struct
{
  char *id;
  char *name;
  gboolean archived;
  int people;
  YsModeFigures without_ai;
  YsModeFigures with_ai;
  double change_percent;
  gboolean enough_data;
  gboolean clear;
  gboolean has_time_saved;
  gint64 time_saved_per_week;
  gint64 time_saved_per_person_per_week;
  GArray *tools;          /* of YsToolFigures, by name */
} YsWorkflowFigures;

typedef struct
{
  gboolean has_period;    /* FALSE: no runs, so no period */
  GDate from;
  GDate to;
  GPtrArray *workflows;   /* of YsWorkflowFigures, in the order the app shows them */
  YsCosts costs;          /* all absent in a summary of one workflow */
} YsSummary;

/* One ISO week (Monday first) of one workflow, both modes. */
typedef struct
{
  GDate monday;
  guint runs[2];              /* indexed by YsMode */
  double median_seconds[2];
  double correction_rate[2];
  double used_rate[2];
} YsWeek;

/* @from/@to: local dates, inclusive; NULL for the whole history. NULL
 * with @error set when the database cannot be read: never zeros. */
YsSummary         *ys_summary_compute        (YsStore           *store,
                                              const GDate       *from,
                                              const GDate       *to,
                                              GError           **error);
/* The same, for one workflow only (the others are left out). */
YsSummary         *ys_summary_compute_one    (YsStore           *store,
                                              const GDate       *from,
                                              const GDate       *to,
                                              const char        *workflow_id,
                                              GError           **error);
void               ys_summary_free           (YsSummary         *summary);
YsWorkflowFigures *ys_summary_find           (YsSummary         *summary,
                                              const char        *workflow_id);
char              *ys_summary_to_json        (const YsSummary   *summary);

/* The first and last run dates; @found is FALSE when there are no runs. */
gboolean           ys_stats_history_bounds   (YsStore           *store,
                                              GDate             *from,
                                              GDate             *to,
                                              gboolean          *found,
                                              GError           **error);

/* Weekly series for the charts, in week order; weeks without runs are left
 * out. NULL when the database cannot be read. */
GArray            *ys_stats_weekly           (YsStore           *store,
                                              const char        *workflow_id,
                                              const GDate       *from,
                                              const GDate       *to,
                                              GError           **error);

/* Individual runs of one workflow and mode for faint chart points: start
 * (Julian day) and duration. FALSE when there are more than @limit, so that
 * a chart never loads a long history, or (with @error set) when they
 * cannot be read. */
gboolean           ys_stats_run_points       (YsStore           *store,
                                              const char        *workflow_id,
                                              const GDate       *from,
                                              const GDate       *to,
                                              guint              limit,
                                              GArray            *days,
                                              GArray            *durations,
                                              GError           **error);

/* The rank k of the distribution-free 95% interval [x(k), x(n-k+1)] of a
 * median of @n values; FALSE when there is none (n < 6). */
gboolean           ys_stats_median_ci_rank   (guint              n,
                                              guint             *k);

/* Periods: a calendar quarter "2026-Q3", or a local date "2026-11-22". */
gboolean           ys_stats_parse_quarter    (const char        *text,
                                              GDate             *from,
                                              GDate             *to,
                                              GError           **error);

/* The first and last day of @period as of @today; FALSE for all time. */
gboolean           ys_stats_period_dates     (YsPeriod           period,
                                              const GDate       *today,
                                              GDate             *from,
                                              GDate             *to);

/* For tests: medians of the whole history come from per-duration counts;
 * FALSE forces the index seeks that periods use, to compare the two. */
void               ys_stats_set_use_counts   (gboolean           use);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSummary, ys_summary_free)

G_END_DECLS

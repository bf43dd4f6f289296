/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-costs.h"
#include "ys-order-stats.h"
#include "ys-period.h"
#include "ys-store.h"

G_BEGIN_DECLS

/*
 * The figures of FORMAT.md's summary (ys-summary.c holds their rules and
 * ys-stats-json.c prints them), and the weekly series of the charts. The
 * SQL that reads them is in ys-stats-query.c.
 */

/* The smallest run count on each side for any claim (FORMAT.md). */
#define YS_STATS_ENOUGH_RUNS YS_ORDER_STATS_ENOUGH_RUNS
/* Used rates: below the first a tool is exploration; the second is good. */
#define YS_STATS_USED_EXPLORATION 0.5
#define YS_STATS_USED_TARGET 0.7

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
  /* The counts behind the rates, so that every rate can be shown with them. */
  guint corrected;        /* runs with at least one correction */
  guint used_yes;         /* runs whose output was used */
  guint used_known;       /* runs whose use is known (used or not) */
} YsModeFigures;

typedef struct
{
  char *id;
  char *name;
  guint runs;
  double median_seconds;
  double used_rate;
  guint used_yes;
  guint used_known;
  guint yes;
  guint no;
  double yes_share;
  int divergent;          /* -1 when undefined */
} YsToolFigures;

/* How the modes of the period's runs were decided, and the change over
 * the drawn runs alone (FORMAT.md's fair_test). */
typedef struct
{
  guint drawn;
  guint overridden;
  guint chosen;
  YsRatioChange change;   /* its runs_to_settle is not part of fair_test */
} YsFairTestFigures;

typedef struct
{
  char *id;
  char *name;
  gboolean archived;
  int people;
  YsModeFigures without_ai;
  YsModeFigures with_ai;
  double change_percent;
  YsRatioChange change;   /* ratio, ratio_ci95, runs_to_settle */
  gboolean enough_data;   /* the same as change.enough_data */
  gboolean clear;         /* the same as change.clear */
  YsFairTestFigures fair_test;
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
  guint corrected[2];
  guint used_yes[2];
  guint used_known[2];
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

/* For tests: how a period's durations are read. */
typedef enum
{
  YS_STATS_PLAN_AUTO,     /* whichever reads fewer rows */
  YS_STATS_PLAN_INSIDE,   /* the period's runs, from an index */
  YS_STATS_PLAN_OUTSIDE,  /* the per-duration counts less the runs outside it */
} YsStatsPlan;

void               ys_stats_set_plan         (YsStatsPlan        plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsSummary, ys_summary_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-bundle.h"
#include "ys-stats.h"

G_BEGIN_DECLS

/* The state of the evidence for a workflow, which decides what may be said. */
typedef enum
{
  YS_EVIDENCE_NO_BASELINE,   /* runs with AI pile up, none without */
  YS_EVIDENCE_COLLECTING,    /* fewer than six runs on a side */
  YS_EVIDENCE_WITHIN_NOISE,  /* enough runs, no clear change */
  YS_EVIDENCE_CLEAR,         /* enough runs, a clear change */
} YsEvidence;

typedef enum
{
  YS_TREND_UNKNOWN,          /* too few runs with AI to tell */
  YS_TREND_FALLING,
  YS_TREND_STEADY,           /* tested, and no change beyond chance */
  YS_TREND_RISING,
} YsTrend;

/* What the runs without AI did in the same weeks as a trend with AI. */
typedef enum
{
  YS_TREND_BASELINE_UNKNOWN,   /* too few runs without AI in a half */
  YS_TREND_BASELINE_OTHER,     /* they did not move the same way */
  YS_TREND_BASELINE_SAME,      /* they moved the same way: not the tool */
} YsTrendBaseline;

/* The share of runs needing correction, in the earlier and the later half
 * of the period's weeks with AI (the rule is in help/C/figures.page). */
typedef struct
{
  YsTrend direction;          /* of the runs with AI */
  YsTrendBaseline baseline;
  guint runs[2][2];           /* [YsMode][half], half 0 the earlier */
  guint corrected[2][2];
  double p_value;             /* Fisher's exact test on the runs with AI; NAN untested */
} YsCorrectionTrend;

/* Runs with AI needed in each half before a trend is tested, and the
 * test's level. */
#define YS_WORDING_TREND_RUNS 6
#define YS_WORDING_TREND_LEVEL 0.05
/* Known outcomes needed before the used share is held against the marks. */
#define YS_WORDING_USED_KNOWN 6

/*
 * One function per kind of sentence, each taking the figures it words, so
 * that the window, the report and Copy Summary say the same thing.
 */
/* Whether the headline and the evidence come from the fair test's drawn
 * runs (FORMAT.md: when fair_test.change has enough data). */
gboolean    ys_wording_from_fair_test        (const YsWorkflowFigures *w);
YsEvidence  ys_wording_evidence              (const YsWorkflowFigures *w);
/* "A clear change", "No clear change yet", … */
const char *ys_wording_evidence_caption      (YsEvidence               evidence);
/* The one-sentence headline; a finding only when the change is clear. */
char       *ys_wording_headline              (const YsWorkflowFigures *w);
/* "Not clear yet: about 9 more runs of each kind would probably settle
 * it." from change.runs_to_settle; NULL when it is null. */
char       *ys_wording_runs_to_settle        (const YsWorkflowFigures *w);
/* When fewer than 80% of the period's runs were drawn and the headline
 * is not from the fair test: people chose, so the comparison may favour
 * one side. NULL otherwise. */
char       *ys_wording_chosen_caveat         (const YsWorkflowFigures *w);
/* The rows of the forest plot: all runs' change, then the fair test's,
 * each only with enough data and an interval. Fills @changes and @labels
 * ("All runs: 0.64 (95% range 0.58 to 0.71)", to be freed); returns how
 * many (0 to 2). */
guint       ys_wording_interval_rows         (const YsWorkflowFigures *w,
                                              const YsRatioChange     *changes[2],
                                              char                    *labels[2]);
/* The forest plot in words, for screen readers and text; NULL when it
 * has no rows. */
char       *ys_wording_interval_description  (const YsWorkflowFigures *w);
/* "Drawn by Yardstick: 21 of 30 (70%). Done the other way than drawn: 2.
 * Chosen by people: 7."; NULL when the period has no runs. */
char       *ys_wording_fair_test_counts      (const YsWorkflowFigures *w);
/* How many runs needed correcting on each side, with the counts. */
char       *ys_wording_corrections           (const YsWorkflowFigures *w);
void        ys_wording_correction_trend      (GArray                  *weeks,
                                              YsCorrectionTrend       *trend);
/* NULL when there is nothing that may be said. */
char       *ys_wording_correction_trend_sentence (const YsCorrectionTrend *trend);
/* The used share of runs with AI with its counts; held against the 50% and
 * 70% marks only from YS_WORDING_USED_KNOWN known outcomes. */
char       *ys_wording_used                  (const YsWorkflowFigures *w);
gboolean    ys_wording_used_names_marks      (const YsWorkflowFigures *w);
/* What the marks mean: said once, where they first appear. */
const char *ys_wording_used_marks            (void);
/* A time saved or lost only when the change is clear. */
char       *ys_wording_time_saved            (const YsWorkflowFigures *w);
char       *ys_wording_tool                  (const YsToolFigures     *tool);
/* One side of a week in the table: "3 runs, median 1 h 30 min, 1 of 3
 * (33%) corrected, 2 of 2 (100%) used"; one run is worded as one run. ""
 * when none. */
char       *ys_wording_week                  (const YsWeek            *week,
                                              YsMode                   mode);
/* NULL unless the tool is divergent. */
char       *ys_wording_divergence            (const YsWorkflowFigures *w,
                                              const YsToolFigures     *tool);
char       *ys_wording_percent               (double                   share);
/* "11 of 12 (92%)" */
char       *ys_wording_count_share           (guint                    part,
                                              guint                    whole);

/* A refused import in plain words, naming @display_name; the precise
 * message (file, place, rule) is for a details view and the command line. */
char       *ys_wording_import_refusal        (const GError            *error,
                                              const char              *display_name);

typedef enum
{
  YS_DATES_LONG,             /* "1 October 2026", the report */
  YS_DATES_SHORT,            /* "1 Oct 2026", the window */
} YsDateStyle;

/* The period @from..@to; @quarter ("2026-Q4") or NULL; @so_far: the period
 * is still going on and @to is today. */
char       *ys_wording_period                (const GDate             *from,
                                              const GDate             *to,
                                              const char              *quarter,
                                              gboolean                 so_far,
                                              YsDateStyle              style);
/* What an import did, in a sentence for a toast. */
char       *ys_import_result_describe        (const YsImportResult    *result,
                                              const char              *display_name);

G_END_DECLS

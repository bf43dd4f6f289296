/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-stats.h"

G_BEGIN_DECLS

/* One workflow's part of the funder report: every sentence already worded
 * under the app's honesty rules, so PDF, Markdown and plain text agree. */
typedef struct
{
  char *name;
  char *headline;
  char *evidence;            /* "A clear change", … */
  char *time_saved;          /* NULL unless the change is clear */
  char *corrections;
  char *correction_trend;    /* NULL when nothing may be said */
  char *used;                /* the first to name the marks explains them */
  GPtrArray *tool_lines;     /* "ChatGPT: 11 runs, median 1 h 35 min, …" */
  GPtrArray *divergences;    /* neutral notices, may be empty */
  char *imported;            /* how many runs came from a tracker's history, or NULL */
  YsWorkflowFigures *figures;
  GArray *weeks;             /* YsWeek, for the chart and its table */
} YsReportWorkflow;

typedef struct
{
  char *title;
  char *period;              /* "1 October 2026 to 31 December 2026 (2026-Q4)" */
  char *quarter;             /* the review's quarter, or NULL */
  YsSummary *summary;
  GPtrArray *workflows;      /* of YsReportWorkflow, active first */
  YsReview review;
  gboolean has_review;
  GPtrArray *method;         /* paragraphs of the method note */
} YsReport;

/* @organisation may be NULL or empty. @from/@to: the period, inclusive.
 * @today: the caller's today, or NULL; a period still going on then covers
 * the days so far and says so. NULL with @error set when the database
 * cannot be read. */
YsReport *ys_report_build         (YsStore      *store,
                                   const GDate  *from,
                                   const GDate  *to,
                                   const GDate  *today,
                                   const char   *organisation,
                                   GError      **error);
void      ys_report_free          (YsReport     *report);

char     *ys_report_to_markdown   (const YsReport *report);
/* The paragraphs for an email ("Copy summary"). */
char     *ys_report_to_plain_text (const YsReport *report);
/* The quarter "YYYY-QN" that holds all of @from..@to, or NULL. */
char     *ys_report_quarter_of    (const GDate  *from,
                                   const GDate  *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsReport, ys_report_free)

G_END_DECLS

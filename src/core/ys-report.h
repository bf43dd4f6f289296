/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-report-costs.h"
#include "ys-stats.h"

G_BEGIN_DECLS

/* The PDF's paper: the locale's (LC_PAPER: US Letter where that is the
 * custom, else A4), or one chosen in Preferences. */
typedef enum
{
  YS_PAPER_LOCALE,
  YS_PAPER_A4,
  YS_PAPER_LETTER,
} YsPaper;

/* What a report takes from Preferences. */
typedef struct
{
  char   *organisation;          /* NULL or "": left out of the title */
  char   *currency;              /* ISO 4217; NULL or "": the locale's */
  gint64  staff_cost_per_hour;   /* cents; -1 when not set */
  YsPaper paper;
} YsReportOptions;

/* The defaults: no organisation, the locale's currency and paper, no
 * staff cost. */
void ys_report_options_init  (YsReportOptions *options);
/* The defaults, then what @settings (the app's schema, or NULL) holds. */
void ys_report_options_load  (YsReportOptions *options,
                              GSettings       *settings);
void ys_report_options_clear (YsReportOptions *options);

/*
 * The funder report as an outcomes report: first what the tools cost and
 * what they returned, then inputs (the tools and their cost), activities
 * (the workflows measured and how), outputs (runs measured), outcomes (each
 * workflow's figures and charts), what is not working, and the method.
 * Every sentence is worded here under the app's honesty rules, so that the
 * PDF, the Markdown and Copy Summary agree.
 */

/* One workflow's part of the report. */
typedef struct
{
  char *name;
  char *activity;            /* Activities: who does it and how each run's mode was decided */
  char *loss;                /* What is not working: the headline of a clear loss, or NULL */
  char *headline;
  char *finding;             /* the headline under the workflow's heading: without its name */
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
  YsReportCosts *costs;      /* "What it cost and what it returned", and the inputs */
  GPtrArray *activities;     /* paragraphs under the workflows: coverage, team folder */
  GPtrArray *workflows;      /* of YsReportWorkflow, active first */
  YsReview review;
  gboolean has_review;
  GPtrArray *method;         /* paragraphs of the method note */
  YsPaper paper;
} YsReport;

/* @options: NULL for the defaults. @from/@to: the period, inclusive.
 * @today: the caller's today, or NULL; a period still going on then covers
 * the days so far and says so. NULL with @error set when the database
 * cannot be read. */
YsReport *ys_report_build         (YsStore               *store,
                                   const GDate           *from,
                                   const GDate           *to,
                                   const GDate           *today,
                                   const YsReportOptions *options,
                                   GError               **error);
void      ys_report_free          (YsReport     *report);

/* The report's parts, in order; PDF and Markdown use the same titles. */
typedef enum
{
  YS_REPORT_SECTION_COSTS,
  YS_REPORT_SECTION_INPUTS,
  YS_REPORT_SECTION_ACTIVITIES,
  YS_REPORT_SECTION_OUTPUTS,
  YS_REPORT_SECTION_OUTCOMES,
  YS_REPORT_SECTION_NOT_WORKING,
  YS_REPORT_SECTION_METHOD,
} YsReportSection;

const char *ys_report_section_title   (YsReportSection  section);
/* The quarterly review's three questions (0: what changed how we work,
 * 1: what is not working, 2: where AI output needed more rework). */
const char *ys_report_review_question (guint            question);
/* The answer to @question, or NULL when there is none. */
const char *ys_report_review_answer   (const YsReport  *report,
                                       guint            question);
/* Whether "What is not working" has a clear loss, a notice or a review. */
gboolean    ys_report_has_not_working (const YsReport  *report);
guint       ys_report_total_runs      (const YsReport  *report,
                                       YsMode           mode);
/* "What it cost and what it returned" as one paragraph (Copy Summary), or
 * @as_lines, a line for each sentence (the Report page). */
char       *ys_report_costs_text      (const YsReportCosts *costs,
                                       gboolean             as_lines);

char     *ys_report_to_markdown   (const YsReport *report);
/* The paragraphs for an email ("Copy summary"). */
char     *ys_report_to_plain_text (const YsReport *report);
/* The quarter "YYYY-QN" that holds all of @from..@to, or NULL. */
char     *ys_report_quarter_of    (const GDate  *from,
                                   const GDate  *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsReport, ys_report_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YsReportOptions, ys_report_options_clear)

G_END_DECLS

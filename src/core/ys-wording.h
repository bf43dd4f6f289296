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
  YS_EVIDENCE_WITHIN_NOISE,  /* enough runs, the intervals overlap */
  YS_EVIDENCE_CLEAR,         /* enough runs, the intervals do not overlap */
} YsEvidence;

typedef enum
{
  YS_TREND_UNKNOWN,
  YS_TREND_FALLING,
  YS_TREND_STEADY,
  YS_TREND_RISING,
} YsTrend;

YsEvidence  ys_wording_evidence      (const YsWorkflowFigures *w);
/* The one-sentence headline; a finding only when the change is clear. */
char       *ys_wording_headline      (const YsWorkflowFigures *w);
char       *ys_wording_corrections   (const YsWorkflowFigures *w,
                                      YsTrend                  trend);
char       *ys_wording_used          (const YsWorkflowFigures *w);
char       *ys_wording_time_saved    (const YsWorkflowFigures *w);
char       *ys_wording_tool          (const YsToolFigures     *tool);
/* One side of a week in the table: "3 runs, median 1 h 30 min, 33%
 * corrected, 100% used"; one run is worded as one run. "" when none. */
char       *ys_wording_week          (const YsWeek            *week,
                                      YsMode                   mode);
/* NULL unless the tool is divergent. */
char       *ys_wording_divergence    (const YsWorkflowFigures *w,
                                      const YsToolFigures     *tool);
/* Rising or falling correction rate with AI, first half of the weeks
 * against the second. */
YsTrend     ys_wording_correction_trend (GArray *weeks);
char       *ys_wording_percent       (double                   share);
/* What an import did, in a sentence for a toast. */
char       *ys_import_result_describe (const YsImportResult   *result,
                                       const char             *display_name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-stats.h"

G_BEGIN_DECLS

/*
 * "What it cost and what it returned": the report's first section, the
 * same sentences on the Report page, in the PDF and in the Markdown. The
 * hours come from clear changes only, a clear loss included; a cost per
 * hour only when hours were saved; a plain sentence when nothing is clear.
 */
typedef struct
{
  char      *tools_cost;     /* what the tools cost over the period, or that no cost is set */
  GPtrArray *returns;        /* per clear workflow, saved or lost; then the total; then the unclear */
  char      *cost_per_hour;  /* NULL unless hours were saved and the tools have a cost */
  char      *value;          /* the staff-cost estimate, or NULL */
  char      *no_claim;       /* NULL unless no workflow is clear */
  GPtrArray *tool_lines;     /* Inputs: each tool and its monthly cost */
} YsReportCosts;

/* @tools: the team's live tools (YsTool); @currency: an ISO code, or NULL
 * for plain numbers; @staff_cost_per_hour: cents, or -1 when not set. */
YsReportCosts *ys_report_costs_new  (const YsSummary *summary,
                                     GListModel      *tools,
                                     const char      *currency,
                                     gint64           staff_cost_per_hour);
void           ys_report_costs_free (YsReportCosts   *costs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsReportCosts, ys_report_costs_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-order-stats.h"
#include "ys-stats-query.h"
#include "ys-stats.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * The rules of FORMAT.md's summary: what each figure means and when it is
 * null. The numbers come from ys-stats-query.c (totals, and streams of
 * (duration, count) in ascending duration) and the order statistics from
 * ys-order-stats.c; nothing here reads SQL.
 */

static double
ratio (guint64 part,
       guint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

static void
empty_mode (YsModeFigures *m)
{
  m->runs = 0;
  m->median_seconds = m->corrections_per_run = m->correction_rate = m->used_rate = NAN;
  m->ci_low = m->ci_high = -1;
  m->corrected = m->used_yes = m->used_known = 0;
}

static void
fill_mode (YsModeFigures       *m,
           const YsStatsTotals *totals,
           const GArray        *stream)
{
  const YsValueCount *values = (const YsValueCount *) (void *) stream->data;

  m->runs = (guint) totals->runs;
  m->median_seconds = ys_order_stats_median (values, stream->len);
  ys_order_stats_median_ci (values, stream->len, &m->ci_low, &m->ci_high);
  m->corrections_per_run = ratio (totals->corrections, totals->runs);
  m->correction_rate = ratio (totals->corrected, totals->runs);
  m->used_rate = ratio (totals->used_yes, totals->used_yes + totals->used_no);
  m->corrected = (guint) totals->corrected;
  m->used_yes = (guint) totals->used_yes;
  m->used_known = (guint) (totals->used_yes + totals->used_no);
}

static void
ratio_change (const GArray  *without_ai,
              const GArray  *with_ai,
              YsRatioChange *change)
{
  ys_order_stats_ratio_change ((const YsValueCount *) (void *) without_ai->data, without_ai->len,
                               (const YsValueCount *) (void *) with_ai->data, with_ai->len,
                               change);
}

static gboolean
compute_workflow (YsDatabase          *db,
                  YsWorkflowFigures   *w,
                  const YsStatsRange  *range,
                  double               weeks,
                  GError             **error)
{
  YsStatsTotals in_range[2], in_all[2];
  g_autoptr(GArray) all_without = g_array_new (FALSE, FALSE, sizeof (YsValueCount));
  g_autoptr(GArray) all_with = g_array_new (FALSE, FALSE, sizeof (YsValueCount));
  g_autoptr(GArray) drawn_without = g_array_new (FALSE, FALSE, sizeof (YsValueCount));
  g_autoptr(GArray) drawn_with = g_array_new (FALSE, FALSE, sizeof (YsValueCount));
  GArray *all[2] = { all_without, all_with };
  GArray *drawn[2] = { drawn_without, drawn_with };
  const YsModeFigures *before = &w->without_ai;
  const YsModeFigures *after = &w->with_ai;

  if (!ys_stats_query_totals (db, w->id, range, in_range, error))
    return FALSE;
  if (range->whole)
    memcpy (in_all, in_range, sizeof in_all);
  else if (!ys_stats_query_totals (db, w->id, NULL, in_all, error))
    return FALSE;

  for (int mode = 0; mode < 2; mode++)
    {
      if (!ys_stats_query_durations (db, w->id, mode, range, &in_range[mode], &in_all[mode],
                                     all[mode], drawn[mode], error))
        return FALSE;
    }

  fill_mode (&w->without_ai, &in_range[YS_MODE_WITHOUT_AI], all[YS_MODE_WITHOUT_AI]);
  fill_mode (&w->with_ai, &in_range[YS_MODE_WITH_AI], all[YS_MODE_WITH_AI]);

  /* change.percent: the two medians. */
  w->change_percent = NAN;
  if (before->runs > 0 && after->runs > 0)
    w->change_percent = ys_round_decimals ((after->median_seconds - before->median_seconds) /
                                           before->median_seconds * 100.0, 1);

  /* change.ratio …: every pair of runs, on the log scale. */
  ratio_change (all[YS_MODE_WITHOUT_AI], all[YS_MODE_WITH_AI], &w->change);
  w->enough_data = w->change.enough_data;
  w->clear = w->change.clear;

  /* fair_test: how each run's mode was decided, and the drawn runs alone. */
  w->fair_test.drawn = (guint) (in_range[0].drawn + in_range[1].drawn);
  w->fair_test.overridden = (guint) (in_range[0].overridden + in_range[1].overridden);
  w->fair_test.chosen = before->runs + after->runs - w->fair_test.drawn - w->fair_test.overridden;
  ratio_change (drawn[YS_MODE_WITHOUT_AI], drawn[YS_MODE_WITH_AI], &w->fair_test.change);

  /* Time saved: data for scripts, stated by the app only when clear. */
  w->has_time_saved = w->enough_data;
  if (w->has_time_saved)
    {
      /* llrint: an exact half to the even second, as ys_round_decimals. */
      w->time_saved_per_week = llrint ((before->median_seconds - after->median_seconds) *
                                       after->runs / weeks);
      w->time_saved_per_person_per_week = llrint ((double) w->time_saved_per_week /
                                                  MAX (1, w->people));
    }

  if (!ys_stats_query_tools (db, w->id, range, w->tools, error))
    return FALSE;
  for (guint i = 0; i < w->tools->len; i++)
    {
      YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);
      gboolean less_time;

      if (!ys_stats_query_tool_median (db, w->id, tool, range, error))
        return FALSE;

      /* Divergence: the feeling and the clock disagree. */
      if (tool->runs < YS_STATS_ENOUGH_RUNS || tool->yes + tool->no < 3 ||
          before->runs < YS_STATS_ENOUGH_RUNS)
        continue;
      less_time = tool->median_seconds < before->median_seconds;
      tool->divergent = (tool->yes_share > 0.5 && !less_time) ||
                        (tool->yes_share < 0.5 && less_time);
    }
  return TRUE;
}

/* The top-level "costs": every live tool with a cost counts, used in the
 * period or not (the team pays for it either way); the hours come from
 * clear changes only, a clear loss included. */
static gboolean
compute_costs (YsDatabase  *db,
               YsSummary   *summary,
               GError     **error)
{
  gboolean any_cost = FALSE;
  gint64 monthly_cents = 0;

  if (!ys_stats_query_tool_costs (db, &any_cost, &monthly_cents, error))
    return FALSE;
  ys_costs_init (&summary->costs, any_cost, monthly_cents,
                 summary->has_period ? ys_period_count_days (&summary->from, &summary->to) : 0);

  for (guint i = 0; i < summary->workflows->len; i++)
    {
      const YsWorkflowFigures *w = g_ptr_array_index (summary->workflows, i);

      if (w->clear)
        ys_costs_add_clear_change (&summary->costs,
                                   ys_costs_saved_half_seconds (w->without_ai.median_seconds,
                                                                w->with_ai.median_seconds,
                                                                w->with_ai.runs));
    }
  ys_costs_finish (&summary->costs);
  return TRUE;
}

static void
empty_change (YsRatioChange *change)
{
  memset (change, 0, sizeof *change);
  change->ratio = change->low = change->high = NAN;
  change->runs_to_settle = -1;
}

static void
workflow_figures_free (gpointer data)
{
  YsWorkflowFigures *w = data;

  for (guint i = 0; i < w->tools->len; i++)
    {
      g_free (g_array_index (w->tools, YsToolFigures, i).id);
      g_free (g_array_index (w->tools, YsToolFigures, i).name);
    }
  g_array_unref (w->tools);
  g_free (w->id);
  g_free (w->name);
  g_free (w);
}

YsSummary *
ys_summary_compute (YsStore      *store,
                    const GDate  *from,
                    const GDate  *to,
                    GError      **error)
{
  return ys_summary_compute_one (store, from, to, NULL, error);
}

/* A workflow's figures, or its empty figures without a period. */
static gboolean
add_workflow (YsSummary           *summary,
              YsDatabase          *db,
              const char          *id,
              const char          *name,
              gboolean             archived,
              int                  people,
              const YsStatsRange  *range,
              double               weeks,
              GError             **error)
{
  YsWorkflowFigures *w = g_new0 (YsWorkflowFigures, 1);

  w->id = g_strdup (id);
  w->name = g_strdup (name);
  w->archived = archived;
  w->people = people;
  w->tools = g_array_new (FALSE, FALSE, sizeof (YsToolFigures));
  empty_mode (&w->without_ai);
  empty_mode (&w->with_ai);
  w->change_percent = NAN;
  empty_change (&w->change);
  empty_change (&w->fair_test.change);
  g_ptr_array_add (summary->workflows, w);

  return !summary->has_period || compute_workflow (db, w, range, weeks, error);
}

static gboolean
compute (YsStore      *store,
         YsSummary    *summary,
         const GDate  *from,
         const GDate  *to,
         const char   *workflow_id,
         GError      **error)
{
  YsDatabase *db = ys_store_get_database (store);
  YsStatsRange range = { "", "", FALSE };
  GListModel *workflows;
  double weeks = 1;
  GDate first, last;
  gboolean any_runs;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!ys_stats_query_history_bounds (db, &first, &last, &any_runs, error))
    return FALSE;

  if (from != NULL && to != NULL)
    {
      summary->has_period = TRUE;
      summary->from = *from;
      summary->to = *to;
    }
  else if (any_runs)
    {
      summary->has_period = TRUE;
      summary->from = first;
      summary->to = last;
    }

  if (summary->has_period)
    {
      ys_format_iso_date (&summary->from, range.from);
      ys_format_iso_date (&summary->to, range.to);
      /* A period that holds every run can use the per-duration counts. */
      range.whole = !any_runs || (g_date_compare (&summary->from, &first) <= 0 &&
                                  g_date_compare (&summary->to, &last) >= 0);
      /* FORMAT.md: the days of the period, both ends counted, over 7. */
      weeks = MAX (1.0, ys_period_count_days (&summary->from, &summary->to) / 7.0);
    }

  /* One workflow is read from the database itself, in this snapshot: a
   * store for reading on another thread has no list of workflows. */
  if (workflow_id != NULL)
    {
      g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
      YsWorkflowRecord record = { 0 };
      gboolean found = FALSE;

      if (!ys_store_get_record (store, YS_RECORD_WORKFLOW, workflow_id, &record, strings, &found,
                                error))
        return FALSE;
      if (!found || record.deleted)
        return TRUE;
      return add_workflow (summary, db, record.id, record.name, record.archived, record.people,
                           &range, weeks, error);
    }

  workflows = ys_store_get_workflows (store);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (!add_workflow (summary, db, ys_workflow_get_id (workflow),
                         ys_workflow_get_name (workflow), ys_workflow_get_archived (workflow),
                         ys_workflow_get_people (workflow), &range, weeks, error))
        return FALSE;
    }

  return compute_costs (db, summary, error);
}


/* The figures page shows one workflow: on a million runs, the other
 * workflows' medians were a tenth of the time to the first frame. */
YsSummary *
ys_summary_compute_one (YsStore      *store,
                        const GDate  *from,
                        const GDate  *to,
                        const char   *workflow_id,
                        GError      **error)
{
  g_autoptr(YsSummary) summary = NULL;
  YsDatabase *db;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  summary = g_new0 (YsSummary, 1);
  summary->workflows = g_ptr_array_new_with_free_func (workflow_figures_free);
  g_date_clear (&summary->from, 1);
  g_date_clear (&summary->to, 1);

  /* One snapshot: an import committed half-way through must not mix in. */
  db = ys_store_get_database (store);
  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return NULL;
  ok = compute (store, summary, from, to, workflow_id, error);
  if (!ys_database_end (db, ok, ok ? error : NULL) || !ok)
    return NULL;

  return g_steal_pointer (&summary);
}

void
ys_summary_free (YsSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->workflows);
  g_free (summary);
}

YsWorkflowFigures *
ys_summary_find (YsSummary  *summary,
                 const char *workflow_id)
{
  g_return_val_if_fail (summary != NULL, NULL);

  for (guint i = 0; i < summary->workflows->len; i++)
    {
      YsWorkflowFigures *w = g_ptr_array_index (summary->workflows, i);
      if (g_strcmp0 (w->id, workflow_id) == 0)
        return w;
    }
  return NULL;
}

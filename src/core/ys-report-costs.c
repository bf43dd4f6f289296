/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ys-money.h"
#include "ys-period.h"
#include "ys-report-costs.h"
#include "ys-tool.h"

/* Hours with one decimal in the reader's locale: "46.3 h". */
static char *
format_hours (gint64 half_seconds)
{
  g_autofree char *number = g_strdup_printf ("%.1f", fabs (ys_costs_hours (half_seconds)));

  /* TRANSLATORS: hours saved or lost, e.g. "46.3 h" */
  return g_strdup_printf (_("%s h"), number);
}

static char *
tools_cost_sentence (const YsSummary *summary,
                     GListModel      *tools,
                     const char      *currency)
{
  g_autofree char *total = NULL;
  guint without_cost = 0;
  guint days;
  GString *out;

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);

      if (ys_tool_get_monthly_cost (tool) < 0)
        without_cost++;
    }

  if (!summary->costs.has_tools_cost)
    return g_strdup (_("No tool has a monthly cost set, so this report does not say what the "
                       "tools cost."));

  days = ys_period_count_days (&summary->from, &summary->to);
  total = ys_money_format (currency, summary->costs.tools_cost_cents);
  out = g_string_new (NULL);
  g_string_append_printf (out, ngettext ("The tools cost %s over the %u day of this period.",
                                         "The tools cost %s over the %u days of this period.",
                                         days),
                          total, days);
  if (without_cost > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, ngettext ("%u tool has no cost set and is not counted.",
                                             "%u tools have no cost set and are not counted.",
                                             without_cost),
                              without_cost);
    }
  return g_string_free (out, FALSE);
}

static void
add_returns (YsReportCosts   *self,
             const YsSummary *summary)
{
  g_autoptr(GString) unclear = g_string_new (NULL);
  guint clear = 0;

  for (guint i = 0; i < summary->workflows->len; i++)
    {
      const YsWorkflowFigures *w = g_ptr_array_index (summary->workflows, i);
      gint64 half_seconds;
      g_autofree char *hours = NULL;

      if (!w->clear)
        {
          /* Only workflows that were measured at all are worth naming. */
          if (w->without_ai.runs + w->with_ai.runs > 0)
            {
              if (unclear->len > 0)
                g_string_append (unclear, ", ");
              g_string_append (unclear, w->name);
            }
          continue;
        }

      clear++;
      half_seconds = ys_costs_saved_half_seconds (w->without_ai.median_seconds,
                                                  w->with_ai.median_seconds, w->with_ai.runs);
      hours = format_hours (half_seconds);
      if (half_seconds > 0)
        /* TRANSLATORS: "Policy brief draft: 46.3 h saved with AI in this period (a clear change)." */
        g_ptr_array_add (self->returns,
                         g_strdup_printf (_("%s: %s saved with AI in this period (a clear "
                                            "change)."), w->name, hours));
      else if (half_seconds < 0)
        g_ptr_array_add (self->returns,
                         g_strdup_printf (_("%s: %s lost with AI in this period (a clear change "
                                            "for the worse)."), w->name, hours));
      else
        g_ptr_array_add (self->returns,
                         g_strdup_printf (_("%s: no time saved or lost in this period."), w->name));
    }

  if (clear > 1)
    {
      g_autofree char *hours = format_hours (summary->costs.saved_half_seconds);

      if (summary->costs.saved_half_seconds > 0)
        g_ptr_array_add (self->returns, g_strdup_printf (_("In all, %s saved."), hours));
      else if (summary->costs.saved_half_seconds < 0)
        g_ptr_array_add (self->returns, g_strdup_printf (_("In all, %s lost."), hours));
      else
        g_ptr_array_add (self->returns, g_strdup (_("In all, no time saved or lost.")));
    }

  if (clear > 0 && unclear->len > 0)
    /* TRANSLATORS: %s lists workflows, e.g. "Intake summary, Grant report section" */
    g_ptr_array_add (self->returns,
                     g_strdup_printf (_("No clear change yet, so no time is counted for: %s."),
                                      unclear->str));
}

YsReportCosts *
ys_report_costs_new (const YsSummary *summary,
                     GListModel      *tools,
                     const char      *currency,
                     gint64           staff_cost_per_hour)
{
  YsReportCosts *self;
  const YsCosts *costs;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (tools), NULL);

  costs = &summary->costs;
  self = g_new0 (YsReportCosts, 1);
  self->returns = g_ptr_array_new_with_free_func (g_free);
  self->tool_lines = g_ptr_array_new_with_free_func (g_free);

  self->tools_cost = tools_cost_sentence (summary, tools, currency);

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(YsTool) tool = g_list_model_get_item (tools, i);
      gint64 monthly = ys_tool_get_monthly_cost (tool);
      g_autofree char *month = NULL;

      if (monthly < 0)
        {
          g_ptr_array_add (self->tool_lines,
                           g_strdup_printf (_("%s: cost not set"), ys_tool_get_name (tool)));
          continue;
        }
      /* Monthly only: amounts per tool for the period would not add up to
       * the total, which is rounded once. */
      month = ys_money_format (currency, monthly);
      g_ptr_array_add (self->tool_lines,
                       g_strdup_printf (_("%s: %s a month"), ys_tool_get_name (tool), month));
    }

  if (!costs->has_hours_saved)
    {
      self->no_claim = g_strdup (_("No workflow shows a clear change yet, so the report makes "
                                   "no claim about value for money."));
      return self;
    }

  add_returns (self, summary);

  if (costs->has_cost_per_hour)
    {
      g_autofree char *per_hour = ys_money_format (currency, costs->cost_per_hour_cents);

      self->cost_per_hour = g_strdup_printf (_("That is %s of tools for each hour saved."),
                                             per_hour);
    }
  else if (costs->has_tools_cost && costs->saved_half_seconds <= 0)
    self->cost_per_hour = g_strdup (_("With no time saved overall, there is no cost per hour "
                                      "saved."));

  /* An estimate, from clear changes only, and a loss is a cost. */
  if (staff_cost_per_hour >= 0 && costs->saved_half_seconds != 0)
    {
      g_autofree char *rate = ys_money_format (currency, staff_cost_per_hour);
      g_autofree char *worth = ys_money_format (currency,
                                                ys_costs_value_of_time (staff_cost_per_hour,
                                                                        ABS (costs->saved_half_seconds)));

      self->value = costs->saved_half_seconds > 0
        ? g_strdup_printf (_("At a staff cost of %s an hour, the time saved was worth an "
                             "estimated %s."), rate, worth)
        : g_strdup_printf (_("At a staff cost of %s an hour, the time lost cost an estimated "
                             "%s."), rate, worth);
    }

  return self;
}

void
ys_report_costs_free (YsReportCosts *self)
{
  if (self == NULL)
    return;
  g_free (self->tools_cost);
  g_ptr_array_unref (self->returns);
  g_free (self->cost_per_hour);
  g_free (self->value);
  g_free (self->no_claim);
  g_ptr_array_unref (self->tool_lines);
  g_free (self);
}

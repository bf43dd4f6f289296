/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "ys-stats.h"
#include "ys-validate.h"

/*
 * The summary as FORMAT.md's JSON, written by json-glib's generator: the
 * one JSON writer of the project, which the bundle writer shares.
 */

/* Whole numbers print as integers; absent figures (NAN) as null. */
static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date,
          gboolean     known)
{
  char text[11];

  json_builder_set_member_name (builder, member);
  if (!known)
    {
      json_builder_add_null_value (builder);
      return;
    }
  ys_format_iso_date (date, text);
  json_builder_add_string_value (builder, text);
}

static void
add_mode (JsonBuilder         *builder,
          const char          *member,
          const YsModeFigures *m)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, m->runs);
  add_number (builder, "median_seconds", m->median_seconds);
  json_builder_set_member_name (builder, "median_ci95");
  if (m->ci_low >= 0)
    {
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, m->ci_low);
      json_builder_add_int_value (builder, m->ci_high);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_number (builder, "corrections_per_run", m->corrections_per_run);
  add_number (builder, "correction_rate", m->correction_rate);
  add_number (builder, "used_rate", m->used_rate);
  json_builder_end_object (builder);
}

static void
add_tool (JsonBuilder         *builder,
          const YsToolFigures *tool)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, tool->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, tool->name);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, tool->runs);
  add_number (builder, "median_seconds", tool->median_seconds);
  add_number (builder, "used_rate", tool->used_rate);
  json_builder_set_member_name (builder, "feedback");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "yes");
  json_builder_add_int_value (builder, tool->yes);
  json_builder_set_member_name (builder, "no");
  json_builder_add_int_value (builder, tool->no);
  add_number (builder, "yes_share", tool->yes_share);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "divergent");
  if (tool->divergent < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, tool->divergent);
  json_builder_end_object (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* ratio, ratio_ci95, enough_data and clear; runs_to_settle when asked. */
static void
add_ratio_change (JsonBuilder         *builder,
                  const YsRatioChange *change,
                  gboolean             with_runs_to_settle)
{
  add_number (builder, "ratio", change->has_ratio ? change->ratio : NAN);
  json_builder_set_member_name (builder, "ratio_ci95");
  if (change->has_interval)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, change->low);
      json_builder_add_double_value (builder, change->high);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_boolean (builder, "enough_data", change->enough_data);
  add_boolean (builder, "clear", change->clear);
  if (with_runs_to_settle)
    add_number (builder, "runs_to_settle",
                change->runs_to_settle >= 0 ? change->runs_to_settle : NAN);
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_workflow (JsonBuilder             *builder,
              const YsWorkflowFigures *w)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, w->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, w->name);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, w->archived);
  add_mode (builder, "without_ai", &w->without_ai);
  add_mode (builder, "with_ai", &w->with_ai);

  json_builder_set_member_name (builder, "change");
  json_builder_begin_object (builder);
  add_number (builder, "percent", w->change_percent);
  add_ratio_change (builder, &w->change, TRUE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "fair_test");
  json_builder_begin_object (builder);
  add_count (builder, "drawn", w->fair_test.drawn);
  add_count (builder, "overridden", w->fair_test.overridden);
  add_count (builder, "chosen", w->fair_test.chosen);
  json_builder_set_member_name (builder, "change");
  json_builder_begin_object (builder);
  add_ratio_change (builder, &w->fair_test.change, FALSE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_number (builder, "time_saved_per_week_seconds",
              w->has_time_saved ? (double) w->time_saved_per_week : NAN);
  add_number (builder, "time_saved_per_person_per_week_seconds",
              w->has_time_saved ? (double) w->time_saved_per_person_per_week : NAN);

  json_builder_set_member_name (builder, "tools");
  json_builder_begin_array (builder);
  for (guint t = 0; t < w->tools->len; t++)
    add_tool (builder, &g_array_index (w->tools, YsToolFigures, t));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Money prints as a number of currency units: 150 or 3.64. */
static void
add_costs (JsonBuilder   *builder,
           const YsCosts *costs)
{
  json_builder_set_member_name (builder, "costs");
  json_builder_begin_object (builder);
  add_number (builder, "tools_cost",
              costs->has_tools_cost ? costs->tools_cost_cents / 100.0 : NAN);
  add_number (builder, "hours_saved", ys_costs_hours_saved (costs));
  add_number (builder, "cost_per_hour_saved",
              costs->has_cost_per_hour ? costs->cost_per_hour_cents / 100.0 : NAN);
  json_builder_end_object (builder);
}

char *
ys_summary_to_json (const YsSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (summary != NULL, NULL);

  json_builder_begin_object (builder);
  add_date (builder, "from", &summary->from, summary->has_period);
  add_date (builder, "to", &summary->to, summary->has_period);
  json_builder_set_member_name (builder, "workflows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->workflows->len; i++)
    add_workflow (builder, g_ptr_array_index (summary->workflows, i));
  json_builder_end_array (builder);
  add_costs (builder, &summary->costs);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  out = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-costs.h"
#include "ys-csv.h"
#include "ys-period.h"
#include "ys-report-costs.h"
#include "ys-stats.h"
#include "ys-store.h"

/*
 * The summary's "costs" object (FORMAT.md). Expected values were worked
 * with exact fractions in Python (fractions.Fraction), outside this code:
 * months = days / (365.25 / 12), money rounded to cents once.
 */

#define NBSP "\302\240"

#define WF_SAVES "11111111-1111-4111-8111-000000000001"
#define WF_LOSES "11111111-1111-4111-8111-000000000002"
#define WF_UNCLEAR "11111111-1111-4111-8111-000000000003"
#define T_TEAM "22222222-2222-4222-8222-000000000001"
#define T_NONE "22222222-2222-4222-8222-000000000002"
#define T_IDLE "22222222-2222-4222-8222-000000000003"
#define T_GONE "22222222-2222-4222-8222-000000000004"

static char *tmp_dir;
static guint n_stores;

/* Pure rules ------------------------------------------------------------------ */

static void
test_months (void)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  /* A leap-year February: 29 days, 29 / 30.4375 months. */
  g_date_set_dmy (&from, 1, 2, 2024);
  g_date_set_dmy (&to, 29, 2, 2024);
  g_assert_cmpuint (ys_period_count_days (&from, &to), ==, 29);
  g_assert_cmpfloat_with_epsilon (ys_costs_months (29), 0.952772073921971, 1e-15);
  /* 60.00 a month: 57.166324… → 57.17. */
  g_assert_cmpint (ys_costs_for_days (6000, 29), ==, 5717);

  /* A single day counts as one day, not zero. */
  g_assert_cmpuint (ys_period_count_days (&to, &to), ==, 1);
  g_assert_cmpfloat_with_epsilon (ys_costs_months (1), 0.0328542094455852, 1e-15);
  /* 60.00 a month for one day: 1.971252… → 1.97. */
  g_assert_cmpint (ys_costs_for_days (6000, 1), ==, 197);

  /* A whole leap year is 366 / 30.4375 = 12.0246… months, and four
   * years are exactly 48. */
  g_assert_cmpint (ys_costs_for_days (10000, 366), ==, 120246);
  g_assert_cmpint (ys_costs_for_days (10000, 1461), ==, 480000);
}

static void
test_rounding_to_cents (void)
{
  /* 49.90 for Q3 (92 days): 150.827104… → 150.83, up. */
  g_assert_cmpint (ys_costs_for_days (4990, 92), ==, 15083);
  /* 72.34 for 29 days: 68.923531… → 68.92, down. */
  g_assert_cmpint (ys_costs_for_days (7234, 29), ==, 6892);
  /* 0.01 a month for 15 days: 0.004928… → 0.00; for 16: 0.005256… → 0.01. */
  g_assert_cmpint (ys_costs_for_days (1, 15), ==, 0);
  g_assert_cmpint (ys_costs_for_days (1, 16), ==, 1);
  /* The largest cost FORMAT.md allows, for ten thousand years, does not
   * overflow: 10000000 × 3652425 / 30.4375 = 1 199 975 359 342.915… */
  g_assert_cmpint (ys_costs_for_days (G_GINT64_CONSTANT (1000000000), 3652425), ==,
                   G_GINT64_CONSTANT (119997535934292));

  /* A median ending in .5: (3850 − 2050.5) × 6 runs = 10797 s. */
  g_assert_cmpint (ys_costs_saved_half_seconds (3850, 2050.5, 6), ==, 21594);
  g_assert_cmpfloat (ys_costs_hours (21594), ==, 10797.0 / 3600.0);

  /* Staff time: 7797 s at 32.50 an hour is 70.389… → 70.39; 7797 s at
   * 30.00 is 64.975, a half cent, away from zero both ways. */
  g_assert_cmpint (ys_costs_value_of_time (3250, 2 * 7797), ==, 7039);
  g_assert_cmpint (ys_costs_value_of_time (3000, 2 * 7797), ==, 6498);
  g_assert_cmpint (ys_costs_value_of_time (3000, -2 * 7797), ==, -6498);
}

static void
test_rules (void)
{
  YsCosts costs;

  /* No tool has a cost: no tools cost and so no cost per hour, but the
   * hours saved still show. */
  ys_costs_init (&costs, FALSE, 0, 92);
  ys_costs_add_clear_change (&costs, 7200);
  ys_costs_finish (&costs);
  g_assert_false (costs.has_tools_cost);
  g_assert_true (costs.has_hours_saved);
  g_assert_cmpfloat (ys_costs_hours_saved (&costs), ==, 1.0);
  g_assert_false (costs.has_cost_per_hour);

  /* A clear loss: negative hours, never a cost per hour. */
  ys_costs_init (&costs, TRUE, 6000, 92);
  ys_costs_add_clear_change (&costs, -3000 * 2);
  ys_costs_finish (&costs);
  g_assert_true (costs.has_tools_cost);
  g_assert_cmpint (costs.tools_cost_cents, ==, 18136);
  g_assert_cmpfloat_with_epsilon (ys_costs_hours_saved (&costs), -3000.0 / 3600.0, 1e-15);
  g_assert_false (costs.has_cost_per_hour);

  /* Savings that cancel out exactly: zero hours, still no division. */
  ys_costs_init (&costs, TRUE, 6000, 92);
  ys_costs_add_clear_change (&costs, 3600);
  ys_costs_add_clear_change (&costs, -3600);
  ys_costs_finish (&costs);
  g_assert_true (costs.has_hours_saved);
  g_assert_cmpfloat (ys_costs_hours_saved (&costs), ==, 0.0);
  g_assert_false (costs.has_cost_per_hour);

  /* Nothing clear: no hours at all, rather than zero. */
  ys_costs_init (&costs, TRUE, 6000, 92);
  ys_costs_finish (&costs);
  g_assert_false (costs.has_hours_saved);
  g_assert_true (isnan (ys_costs_hours_saved (&costs)));
  g_assert_false (costs.has_cost_per_hour);

  /* No period (no runs, no dates): nothing to multiply a cost by. */
  ys_costs_init (&costs, TRUE, 6000, 0);
  ys_costs_finish (&costs);
  g_assert_false (costs.has_tools_cost);

  /* Costs set, but all of them zero: a cost of 0.00, and 0.00 an hour. */
  ys_costs_init (&costs, TRUE, 0, 92);
  ys_costs_add_clear_change (&costs, 7200);
  ys_costs_finish (&costs);
  g_assert_true (costs.has_tools_cost);
  g_assert_cmpint (costs.tools_cost_cents, ==, 0);
  g_assert_true (costs.has_cost_per_hour);
  g_assert_cmpint (costs.cost_per_hour_cents, ==, 0);
}

/* The cost per hour saved is FORMAT.md's tools_cost ÷ hours_saved as the
 * summary prints them, rounded as a script reading it would: 4,867.26 ÷ 0.8
 * is 6,084.075 on paper, but the binary quotient is a hair below it, so
 * Python's round (and R's) give 6,084.07; an exact half-cent rule would say
 * 6,084.08. Found by an independent script on a random team bundle. */
static void
test_cost_per_hour_tie (void)
{
  YsCosts costs;

  ys_costs_init (&costs, TRUE, 6000, 92);
  costs.tools_cost_cents = 486726;
  ys_costs_add_clear_change (&costs, 5760);   /* 48 min: 0.8 h */
  ys_costs_finish (&costs);
  g_assert_cmpfloat (ys_costs_hours_saved (&costs), ==, 0.8);
  g_assert_true (costs.has_cost_per_hour);
  g_assert_cmpint (costs.cost_per_hour_cents, ==, 608407);
}

/* Through the store and the summary ----------------------------------------- */

static void
append_runs (GString       *out,
             const char    *workflow,
             const char    *tool,
             int            day,
             const gint64  *durations,
             guint          n)
{
  static guint next_run;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
      "%s{\"id\": \"33333333-3333-4333-8333-%012u\", \"workflow\": \"%s\","
      " \"mode\": \"%s\", \"tool\": %s%s%s, \"started_at\": \"2024-02-%02dT09:00:00+01:00\","
      " \"duration_seconds\": %" G_GINT64_FORMAT ", \"corrections\": 0, \"used\": true,"
      " \"note\": \"\", \"updated_at\": \"2024-03-01T10:00:00Z\", \"deleted\": false}\n",
      out->str[out->len - 2] == '[' ? "" : ",", ++next_run, workflow,
      tool ? "with-ai" : "without-ai", tool ? "\"" : "", tool ? tool : "null", tool ? "\"" : "",
      day + (int) i, durations[i]);
}

static void
append_workflow (GString    *out,
                 const char *id,
                 const char *name)
{
  g_string_append_printf (out,
    "%s{\"id\": \"%s\", \"name\": \"%s\", \"description\": \"\", \"people\": 2,"
    " \"archived\": false, \"updated_at\": \"2024-01-01T10:00:00Z\", \"deleted\": false}\n",
    out->str[out->len - 2] == '[' ? "" : ",", id, name);
}

static void
append_tool (GString    *out,
             const char *id,
             const char *name,
             const char *cost,
             gboolean    deleted)
{
  g_string_append_printf (out,
    "%s{\"id\": \"%s\", \"name\": \"%s\", \"monthly_cost\": %s,"
    " \"updated_at\": \"2024-01-01T10:00:00Z\", \"deleted\": %s}\n",
    out->str[out->len - 2] == '[' ? "" : ",", id, name, cost, deleted ? "true" : "false");
}

typedef struct
{
  const char *team_cost;      /* the team plan's monthly_cost, JSON */
  const char *idle_cost;      /* a tool no run uses */
  gboolean with_saving;
  gboolean with_loss;
} Team;

/* Three workflows, all in February 2024 (a leap year):
 * - saves: without AI 3600…4100 (median 3850), with AI six runs with the
 *   median (2000 + 2101) / 2 = 2050.5, every one faster: clear, and
 *   (3850 − 2050.5) × 6 = 10797 s saved;
 * - loses: without AI 1000…1050 (median 1025), with AI 1500…1545 (median
 *   1525), every one slower: a clear loss of 500 × 6 = 3000 s;
 * - unclear: the two sides interleave, so no clear change.
 * Tools: a team plan used by the runs, a tool without a cost, an idle tool
 * no run names (it still costs), and a deleted tool (it does not). */
static YsStore *
team_store (const Team *team)
{
  static const gint64 saves_without[] = { 3600, 3700, 3800, 3900, 4000, 4100 };
  static const gint64 saves_with[] = { 1800, 1900, 2000, 2101, 2200, 2300 };
  static const gint64 loses_without[] = { 1000, 1010, 1020, 1030, 1040, 1050 };
  static const gint64 loses_with[] = { 1500, 1510, 1520, 1530, 1540, 1545 };
  static const gint64 unclear_without[] = { 100, 300, 500, 700, 900, 1100 };
  static const gint64 unclear_with[] = { 200, 400, 600, 800, 1000, 1200 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("costs-%u.db", n_stores++);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GString) bundle = g_string_new (NULL);
  YsImportResult result;
  YsStore *store;

  g_string_append (bundle, "{\"format\": \"yardstick-bundle\", \"version\": 1,"
                           " \"exported_at\": \"2024-03-01T10:00:00Z\",\n \"workflows\": [\n");
  append_workflow (bundle, WF_SAVES, "Policy brief draft");
  append_workflow (bundle, WF_LOSES, "Intake summary");
  append_workflow (bundle, WF_UNCLEAR, "Grant report section");
  g_string_append (bundle, "],\n \"tools\": [\n");
  append_tool (bundle, T_TEAM, "Team plan", team->team_cost, FALSE);
  append_tool (bundle, T_NONE, "Free tool", "null", FALSE);
  append_tool (bundle, T_IDLE, "Idle tool", team->idle_cost, FALSE);
  append_tool (bundle, T_GONE, "Cancelled tool", "25", TRUE);
  g_string_append (bundle, "],\n \"runs\": [\n");
  append_runs (bundle, WF_UNCLEAR, NULL, 1, unclear_without, 6);
  append_runs (bundle, WF_UNCLEAR, T_NONE, 8, unclear_with, 6);
  if (team->with_saving)
    {
      append_runs (bundle, WF_SAVES, NULL, 2, saves_without, 6);
      append_runs (bundle, WF_SAVES, T_TEAM, 10, saves_with, 6);
    }
  if (team->with_loss)
    {
      append_runs (bundle, WF_LOSES, NULL, 3, loses_without, 6);
      append_runs (bundle, WF_LOSES, T_TEAM, 20, loses_with, 6);
    }
  g_string_append (bundle, "]}\n");

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  ys_bundle_import_data (store, "team.json", bundle->str, bundle->len, &result, &error);
  g_assert_no_error (error);
  return store;
}

static YsSummary *
february (YsStore *store)
{
  g_autoptr(GError) error = NULL;
  YsSummary *summary;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 2, 2024);
  g_date_set_dmy (&to, 29, 2, 2024);
  summary = ys_summary_compute (store, &from, &to, &error);
  g_assert_no_error (error);
  return summary;
}

static JsonObject *
costs_json (YsSummary  *summary,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ys_summary_to_json (summary);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                        "costs");
}

static gboolean
is_null (JsonObject *object,
         const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_null_member (object, member);
}

static void
test_summary (void)
{
  Team team = { "60", "12.34", TRUE, TRUE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *costs;

  g_assert_true (ys_summary_find (summary, WF_SAVES)->clear);
  g_assert_true (ys_summary_find (summary, WF_LOSES)->clear);
  g_assert_false (ys_summary_find (summary, WF_UNCLEAR)->clear);

  /* (60 + 12.34) × 29 / 30.4375 = 68.923531… → 68.92: the idle tool
   * counts, the deleted one and the one without a cost do not. */
  g_assert_cmpint (summary->costs.tools_cost_cents, ==, 6892);
  /* (10797 − 3000) / 3600 = 2.165833… hours, the loss taken off. */
  g_assert_cmpfloat_with_epsilon (ys_costs_hours_saved (&summary->costs), 7797.0 / 3600.0, 1e-12);
  /* 68.92 / 2.165833… = 31.821470… → 31.82. */
  g_assert_cmpint (summary->costs.cost_per_hour_cents, ==, 3182);

  costs = costs_json (summary, parser);
  g_assert_cmpfloat (json_object_get_double_member (costs, "tools_cost"), ==, 68.92);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (costs, "hours_saved"),
                                  2.1658333333333335, 1e-12);
  g_assert_cmpfloat (json_object_get_double_member (costs, "cost_per_hour_saved"), ==, 31.82);
}

static void
test_clear_loss (void)
{
  Team team = { "60", "null", FALSE, TRUE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *costs = costs_json (summary, parser);

  /* 60 × 29 / 30.4375 = 57.166324… → 57.17; −3000 s = −0.8333… h; and
   * no cost per hour of a loss. */
  g_assert_cmpfloat (json_object_get_double_member (costs, "tools_cost"), ==, 57.17);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (costs, "hours_saved"),
                                  -3000.0 / 3600.0, 1e-12);
  g_assert_true (is_null (costs, "cost_per_hour_saved"));
}

static void
test_no_costs_set (void)
{
  Team team = { "null", "null", TRUE, FALSE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *costs = costs_json (summary, parser);

  /* Only the deleted tool had a cost: no cost, never 0. */
  g_assert_true (is_null (costs, "tools_cost"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (costs, "hours_saved"),
                                  10797.0 / 3600.0, 1e-12);
  g_assert_true (is_null (costs, "cost_per_hour_saved"));
}

static void
test_nothing_clear_whole_history (void)
{
  Team team = { "60", "null", FALSE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = ys_summary_compute (store, NULL, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *costs;

  g_assert_no_error (error);
  costs = costs_json (summary, parser);
  /* Without dates the period runs from the first run (1 February) to the
   * last (13 February): 13 days, 60 × 13 / 30.4375 = 25.626283… → 25.63. */
  g_assert_cmpfloat (json_object_get_double_member (costs, "tools_cost"), ==, 25.63);
  g_assert_true (is_null (costs, "hours_saved"));
  g_assert_true (is_null (costs, "cost_per_hour_saved"));
}

static void
test_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(YsSummary) summary = ys_summary_compute (store, NULL, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *costs;

  g_assert_no_error (error);
  costs = costs_json (summary, parser);
  g_assert_true (is_null (costs, "tools_cost"));
  g_assert_true (is_null (costs, "hours_saved"));
  g_assert_true (is_null (costs, "cost_per_hour_saved"));
}

/* The report's first section ------------------------------------------------- */

static YsReportCosts *
report_costs (YsStore    *store,
              YsSummary  *summary,
              gint64      staff_cost)
{
  return ys_report_costs_new (summary, ys_store_get_tools (store), "EUR", staff_cost);
}

static void
test_report_sentences (void)
{
  Team team = { "60", "12.34", TRUE, TRUE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(YsReportCosts) costs = report_costs (store, summary, 3250);

  /* C conventions: the code first, a point, no grouping. */
  g_assert_cmpstr (costs->tools_cost, ==,
                   "The tools cost EUR" NBSP "68.92 over the 29 days of this period. "
                   "1 tool has no cost set and is not counted.");
  g_assert_cmpuint (costs->returns->len, ==, 4);
  /* 10797 s = 2.999… h; 3000 s = 0.833… h; together 7797 s = 2.166… h. */
  /* In the order the app lists workflows: by name. */
  g_assert_cmpstr (costs->returns->pdata[0], ==,
                   "Intake summary: 0.8 h lost with AI in this period (a clear change for the "
                   "worse).");
  g_assert_cmpstr (costs->returns->pdata[1], ==,
                   "Policy brief draft: 3.0 h saved with AI in this period (a clear change).");
  g_assert_cmpstr (costs->returns->pdata[2], ==, "In all, 2.2 h saved.");
  g_assert_cmpstr (costs->returns->pdata[3], ==,
                   "No clear change yet, so no time is counted for: Grant report section.");
  g_assert_cmpstr (costs->cost_per_hour, ==, "That is EUR" NBSP "31.82 of tools for each hour saved.");
  /* 7797 s at 32.50 an hour: 70.389… → 70.39. */
  g_assert_cmpstr (costs->value, ==, "At a staff cost of EUR" NBSP "32.50 an hour, the time saved "
                                     "was worth an estimated EUR" NBSP "70.39.");
  g_assert_null (costs->no_claim);

  /* Inputs: every live tool, by name, the deleted one left out. */
  g_assert_cmpuint (costs->tool_lines->len, ==, 3);
  g_assert_cmpstr (costs->tool_lines->pdata[0], ==, "Free tool: cost not set");
  g_assert_cmpstr (costs->tool_lines->pdata[1], ==, "Idle tool: EUR" NBSP "12.34 a month");
  g_assert_cmpstr (costs->tool_lines->pdata[2], ==, "Team plan: EUR" NBSP "60.00 a month");
}

static void
test_report_loss_is_not_hidden (void)
{
  Team team = { "60", "null", FALSE, TRUE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(YsReportCosts) costs = report_costs (store, summary, 3000);

  g_assert_cmpuint (costs->returns->len, ==, 2);
  g_assert_cmpstr (costs->returns->pdata[0], ==,
                   "Intake summary: 0.8 h lost with AI in this period (a clear change for the "
                   "worse).");
  /* Never a price per hour of a loss; the loss is a cost. */
  g_assert_cmpstr (costs->cost_per_hour, ==,
                   "With no time saved overall, there is no cost per hour saved.");
  /* 3000 s at 30.00 an hour: 25.00. */
  g_assert_cmpstr (costs->value, ==, "At a staff cost of EUR" NBSP "30.00 an hour, the time lost "
                                     "cost an estimated EUR" NBSP "25.00.");
}

static void
test_report_no_claim (void)
{
  Team team = { "null", "null", FALSE, FALSE };
  g_autoptr(YsStore) store = team_store (&team);
  g_autoptr(YsSummary) summary = february (store);
  g_autoptr(YsReportCosts) costs = report_costs (store, summary, 3000);

  g_assert_cmpstr (costs->tools_cost, ==, "No tool has a monthly cost set, so this report does "
                                          "not say what the tools cost.");
  g_assert_cmpstr (costs->no_claim, ==, "No workflow shows a clear change yet, so the report "
                                        "makes no claim about value for money.");
  g_assert_cmpuint (costs->returns->len, ==, 0);
  g_assert_null (costs->cost_per_hour);
  g_assert_null (costs->value);
}

/* Figures as CSV --------------------------------------------------------------- */

static void
free_figures (gpointer data)
{
  YsWorkflowFigures *w = data;

  g_array_unref (w->tools);
  g_free (w->name);
  g_free (w->id);
  g_free (w);
}

static YsWorkflowFigures *
figures_new (const char *name,
             double      median_without,
             double      median_with,
             gboolean    clear)
{
  YsWorkflowFigures *w = g_new0 (YsWorkflowFigures, 1);
  YsModeFigures *modes[] = { &w->without_ai, &w->with_ai };

  w->id = g_strdup (WF_SAVES);
  w->name = g_strdup (name);
  w->tools = g_array_new (FALSE, FALSE, sizeof (YsToolFigures));
  for (guint i = 0; i < 2; i++)
    {
      modes[i]->runs = 6 + i;
      modes[i]->ci_low = 100;
      modes[i]->ci_high = 5000;
      modes[i]->corrections_per_run = 0.5;
      modes[i]->correction_rate = 1.0 / 3.0;
      modes[i]->used_rate = NAN;
    }
  w->without_ai.median_seconds = median_without;
  w->with_ai.median_seconds = median_with;
  w->change_percent = round ((median_with - median_without) / median_without * 1000) / 10;
  w->enough_data = TRUE;
  w->clear = clear;
  w->change = (YsRatioChange) { 6, 7, TRUE, median_with / median_without, TRUE, 0.5, 0.75,
                                TRUE, clear, clear ? -1 : 14 };
  w->fair_test = (YsFairTestFigures) { 10, 1, 2, { 4, 6, TRUE, 0.625, FALSE, 0, 0, FALSE, FALSE,
                                                   -1 } };
  w->has_time_saved = TRUE;
  w->time_saved_per_week = -724;
  w->time_saved_per_person_per_week = -362;
  return w;
}

/* The figures written as they are, by hand here, so that only the
 * writing is tested; a cell that would start a formula is defused. */
static void
test_figures_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  YsSummary summary = { .has_period = TRUE };
  YsWorkflowFigures *w;

  g_date_clear (&summary.from, 1);
  g_date_clear (&summary.to, 1);
  g_date_set_dmy (&summary.from, 1, 10, 2026);
  g_date_set_dmy (&summary.to, 31, 12, 2026);
  summary.workflows = g_ptr_array_new_with_free_func (free_figures);
  /* A saving with a median ending in .5: (3850 − 2050.5) × 7 runs =
   * 12596.5 s = 3.499027… h. */
  g_ptr_array_add (summary.workflows, figures_new ("Policy brief draft", 3850, 2050.5, TRUE));
  /* A clear loss: (1025 − 1525) × 7 = −3500 s = −0.972… h. */
  g_ptr_array_add (summary.workflows, figures_new ("Intake summary, long form", 1025, 1525, TRUE));
  /* Nothing clear, no time saved known, and a name that is a formula. */
  w = figures_new ("=HYPERLINK(\"x\",\"y\")", 600, 700, FALSE);
  w->enough_data = FALSE;
  w->change = (YsRatioChange) { 6, 0, FALSE, 0, FALSE, 0, 0, FALSE, FALSE, -1 };
  w->has_time_saved = FALSE;
  w->with_ai.runs = 0;
  w->with_ai.median_seconds = NAN;
  w->with_ai.ci_low = w->with_ai.ci_high = -1;
  w->with_ai.corrections_per_run = w->with_ai.correction_rate = NAN;
  w->change_percent = NAN;
  w->archived = TRUE;
  g_ptr_array_add (summary.workflows, w);
  /* Enough data but no clear change: the time saved is known to the
   * summary (a script's figure) but never stated as a finding. */
  g_ptr_array_add (summary.workflows, figures_new ("Unclear", 1000, 900, FALSE));

  g_assert_true (ys_csv_export_figures (&summary, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\r\n", -1);
  g_ptr_array_unref (summary.workflows);

  g_assert_cmpstr (lines[0], ==,
                   "from,to,workflow,archived,"
                   "without_ai_runs,without_ai_median_seconds,without_ai_median_ci95_low,"
                   "without_ai_median_ci95_high,without_ai_corrections_per_run,"
                   "without_ai_correction_rate,without_ai_used_rate,"
                   "with_ai_runs,with_ai_median_seconds,with_ai_median_ci95_low,"
                   "with_ai_median_ci95_high,with_ai_corrections_per_run,"
                   "with_ai_correction_rate,with_ai_used_rate,"
                   "change_percent,change_ratio,change_ratio_ci95_low,change_ratio_ci95_high,"
                   "change_enough_data,change_clear,change_runs_to_settle,"
                   "fair_test_drawn,fair_test_overridden,fair_test_chosen,"
                   "fair_test_ratio,fair_test_ratio_ci95_low,fair_test_ratio_ci95_high,"
                   "fair_test_enough_data,fair_test_clear,"
                   "time_saved_per_week_seconds,time_saved_per_person_per_week_seconds,"
                   "hours_saved");
  /* −46.74% rounds to −46.7: a minus sign starts the cell, so it is
   * defused like any other; a third is written in full. */
  g_assert_cmpstr (lines[1], ==,
                   "2026-10-01,2026-12-31,Policy brief draft,false,"
                   "6,3850,100,5000,0.5,0.3333333333333333,,"
                   "7,2050.5,100,5000,0.5,0.3333333333333333,,"
                   "'-46.7,0.5325974025974026,0.5,0.75,true,true,,"
                   "10,1,2,0.625,,,false,false,"
                   "'-724,'-362,3.4990277777777776");
  g_assert_cmpstr (lines[2], ==,
                   "2026-10-01,2026-12-31,\"Intake summary, long form\",false,"
                   "6,1025,100,5000,0.5,0.3333333333333333,,"
                   "7,1525,100,5000,0.5,0.3333333333333333,,"
                   "48.8,1.4878048780487805,0.5,0.75,true,true,,"
                   "10,1,2,0.625,,,false,false,"
                   "'-724,'-362,'-0.9722222222222222");
  g_assert_cmpstr (lines[3], ==,
                   "2026-10-01,2026-12-31,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",true,"
                   "6,600,100,5000,0.5,0.3333333333333333,,"
                   "0,,,,,,,"
                   ",,,,false,false,,"
                   "10,1,2,0.625,,,false,false,"
                   ",,");
  g_assert_cmpstr (lines[4], ==,
                   "2026-10-01,2026-12-31,Unclear,false,"
                   "6,1000,100,5000,0.5,0.3333333333333333,,"
                   "7,900,100,5000,0.5,0.3333333333333333,,"
                   "'-10,0.9,0.5,0.75,true,false,14,"
                   "10,1,2,0.625,,,false,false,"
                   ",,");
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_null (lines[6]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-costs-XXXXXX", NULL);

  g_test_add_func ("/costs/months", test_months);
  g_test_add_func ("/costs/rounding-to-cents", test_rounding_to_cents);
  g_test_add_func ("/costs/rules", test_rules);
  g_test_add_func ("/costs/cost-per-hour-tie", test_cost_per_hour_tie);
  g_test_add_func ("/costs/summary", test_summary);
  g_test_add_func ("/costs/clear-loss", test_clear_loss);
  g_test_add_func ("/costs/no-costs-set", test_no_costs_set);
  g_test_add_func ("/costs/nothing-clear-whole-history", test_nothing_clear_whole_history);
  g_test_add_func ("/costs/empty-database", test_empty_database);
  g_test_add_func ("/costs/report-sentences", test_report_sentences);
  g_test_add_func ("/costs/report-loss-is-not-hidden", test_report_loss_is_not_hidden);
  g_test_add_func ("/costs/report-no-claim", test_report_no_claim);
  g_test_add_func ("/costs/figures-csv", test_figures_csv);
  status = g_test_run ();

  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  g_assert_cmpint (system (command), ==, 0);
  g_free (tmp_dir);
  return status;
}

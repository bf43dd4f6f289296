/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-costs.h"
#include "ys-period.h"
#include "ys-stats.h"
#include "ys-store.h"

/*
 * The summary's "costs" object (FORMAT.md). Expected values were worked
 * with exact fractions in Python (fractions.Fraction), outside this code:
 * months = days / (365.25 / 12), money rounded to cents once.
 */

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
  g_test_add_func ("/costs/summary", test_summary);
  g_test_add_func ("/costs/clear-loss", test_clear_loss);
  g_test_add_func ("/costs/no-costs-set", test_no_costs_set);
  g_test_add_func ("/costs/nothing-clear-whole-history", test_nothing_clear_whole_history);
  g_test_add_func ("/costs/empty-database", test_empty_database);
  status = g_test_run ();

  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  g_assert_cmpint (system (command), ==, 0);
  g_free (tmp_dir);
  return status;
}

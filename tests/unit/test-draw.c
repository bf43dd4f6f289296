/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-draw.h"
#include "ys-error.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-test-sql.h"

/* The fair test's draw: the walk on its own (every state, and long runs of
 * seeded coins), then through the store: started with the timer, kept
 * through a restart, not drawn again by discarding, overridden without
 * leaving the walk, and saved as drawn or overridden by the store alone. */

/* Over every stretch of @n draws (+1 with AI, −1 without), neither mode
 * leads by more than @lead: the prefix sums span at most @lead. */
static int
widest_lead (const YsMode *draws,
             guint         n)
{
  int sum = 0, low = 0, high = 0;

  for (guint i = 0; i < n; i++)
    {
      sum += draws[i] == YS_MODE_WITH_AI ? 1 : -1;
      low = MIN (low, sum);
      high = MAX (high, sum);
    }
  return high - low;
}

/* Every state and move, worked by hand: a side is refused exactly when it
 * would take the range to 3. */
static void
test_walk_states (void)
{
  static const struct { int position, span; gboolean with_ai, without_ai; } states[] = {
    { 0, 0, TRUE, TRUE },
    { 0, 1, TRUE, TRUE },
    { 1, 1, TRUE, TRUE },
    { 0, 2, TRUE, FALSE },   /* at the lowest of a range of 2: up only */
    { 1, 2, TRUE, TRUE },
    { 2, 2, FALSE, TRUE },   /* at the highest: down only */
  };
  g_autoptr(GRand) random = g_rand_new_with_seed (1);

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      YsDrawWalk walk = { states[i].position, states[i].span };

      g_assert_true (ys_draw_walk_is_valid (&walk));
      g_assert_cmpint (ys_draw_walk_allows (&walk, YS_MODE_WITH_AI), ==, states[i].with_ai);
      g_assert_cmpint (ys_draw_walk_allows (&walk, YS_MODE_WITHOUT_AI), ==, states[i].without_ai);
      /* A forced draw is forced whatever the coin says. */
      for (int k = 0; k < 20; k++)
        {
          YsMode mode = ys_draw_walk_next (&walk, random);

          g_assert_true (ys_draw_walk_allows (&walk, mode));
          if (!states[i].with_ai)
            g_assert_cmpint (mode, ==, YS_MODE_WITHOUT_AI);
          if (!states[i].without_ai)
            g_assert_cmpint (mode, ==, YS_MODE_WITH_AI);
        }
    }

  /* Moves: up from the top widens the range, down from the bottom too. */
  {
    YsDrawWalk walk = { 0, 0 };

    ys_draw_walk_take (&walk, YS_MODE_WITH_AI);
    g_assert_cmpint (walk.position, ==, 1);
    g_assert_cmpint (walk.span, ==, 1);
    ys_draw_walk_take (&walk, YS_MODE_WITHOUT_AI);
    ys_draw_walk_take (&walk, YS_MODE_WITHOUT_AI);
    g_assert_cmpint (walk.position, ==, 0);
    g_assert_cmpint (walk.span, ==, 2);
  }
}

/* 100,000 seeded draws: never a lead of 3 over any stretch, about half
 * with AI, and not a pattern: after the same state the coin still decides
 * both ways, and runs of the same mode happen. */
static void
test_walk_balanced_and_unpredictable (void)
{
  enum { N = 100000 };
  g_autoptr(GRand) random = g_rand_new_with_seed (16);
  g_autofree YsMode *draws = g_new (YsMode, N);
  YsDrawWalk walk = { 0, 0 };
  guint with_ai = 0, free_draws = 0, free_with_ai = 0, repeats = 0;

  for (guint i = 0; i < N; i++)
    {
      gboolean free = ys_draw_walk_allows (&walk, YS_MODE_WITH_AI) &&
                      ys_draw_walk_allows (&walk, YS_MODE_WITHOUT_AI);

      draws[i] = ys_draw_walk_next (&walk, random);
      ys_draw_walk_take (&walk, draws[i]);
      g_assert_true (ys_draw_walk_is_valid (&walk));
      with_ai += draws[i] == YS_MODE_WITH_AI;
      free_draws += free;
      free_with_ai += free && draws[i] == YS_MODE_WITH_AI;
      repeats += i > 0 && draws[i] == draws[i - 1];
    }

  g_assert_cmpint (widest_lead (draws, N), ==, YS_DRAW_MAX_LEAD);
  /* The walk stays within 2 of its start, so the totals differ by at most 2. */
  g_assert_cmpuint (ABS ((int) with_ai - (int) (N - with_ai)), <=, YS_DRAW_MAX_LEAD);
  /* Most draws are free (a forced one is always followed by a free one),
   * and the free ones are fair coins: 4.5 standard deviations either way. */
  g_assert_cmpuint (free_draws, >, N / 2);
  g_assert_cmpfloat (fabs (free_with_ai - free_draws / 2.0), <, 4.5 * sqrt (free_draws / 4.0));
  /* Not alternating: the same mode twice in a row is common (about one
   * draw in four here). */
  g_assert_cmpuint (repeats, >, N / 5);
}

/* The store ------------------------------------------------------------------ */

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  YsClock *clock;
  GRand *random;
  char *workflow;
  char *tool;
} Fixture;

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  ys_store_set_clock (f->store, f->clock);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsTool) tool = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);

  f->dir = g_dir_make_tmp ("ys-draw-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "d.db", NULL);
  f->clock = ys_clock_new_fixed (g_date_time_to_unix (start) * G_USEC_PER_SEC);
  f->random = g_rand_new_with_seed (3);
  open_store (f);
  workflow = ys_store_add_workflow (f->store, "Grant report section", "", 3, &error);
  tool = ys_store_add_tool (f->store, "Claude", &error);
  g_assert_no_error (error);
  f->workflow = g_strdup (ys_workflow_get_id (workflow));
  f->tool = g_strdup (ys_tool_get_id (tool));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_rand_free (f->random);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->workflow);
  g_free (f->tool);
}

static void
advance (Fixture *f,
         int      minutes)
{
  ys_clock_set_now (f->clock, ys_store_now (f->store) + (gint64) minutes * 60 * G_USEC_PER_SEC);
}

static YsMode
start (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  YsMode mode = 99;

  g_assert_true (ys_store_start_drawn_timer (f->store, f->workflow, f->tool, f->random, &mode,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (mode == YS_MODE_WITH_AI || mode == YS_MODE_WITHOUT_AI);
  return mode;
}

static YsRun *
finish (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  YsRunOutcome outcome = { .duration_seconds = 1800, .corrections = 0, .used = YS_USED_YES,
                           .note = "" };
  YsRun *run;

  advance (f, 30);
  run = ys_store_finish_timer (f->store, f->workflow, &outcome, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static char *
draws_row (Fixture *f)
{
  return ys_test_sql_rows (f->path, "SELECT position, span, coalesce (pending, -1) FROM draws",
                           NULL);
}

/* New workflows are fair tests; a drawn timer is saved as drawn, in the
 * mode drawn, and the walk moves in the same transaction as the start. */
static void
test_start_and_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (f->store, f->workflow);
  g_autoptr(YsTimer) timer = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autofree char *walk = NULL;
  YsMode mode;

  g_assert_true (ys_workflow_get_fair_test (workflow));

  mode = start (f);
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_nonnull (timer);
  g_assert_cmpint (ys_timer_get_mode (timer), ==, mode);
  g_assert_cmpint (ys_timer_get_assignment (timer), ==, YS_ASSIGNMENT_DRAWN);
  g_assert_cmpstr (ys_timer_get_tool_id (timer), ==, mode == YS_MODE_WITH_AI ? f->tool : NULL);
  walk = draws_row (f);
  g_assert_cmpstr (walk, ==, mode == YS_MODE_WITH_AI ? "1|1|-1|\n" : "0|1|-1|\n");

  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, mode);
  g_assert_cmpint (ys_run_get_fields (run)->assignment, ==, YS_ASSIGNMENT_DRAWN);
  g_assert_null (ys_store_get_timer (f->store, f->workflow));
}

/* Through the store, as the timer card does it, 200 runs: the drawn runs
 * in order never let a mode lead by more than 2 over any stretch. */
static void
test_balanced_through_store (Fixture       *f,
                             gconstpointer  data)
{
  YsMode draws[200];
  guint with_ai = 0;

  for (guint i = 0; i < G_N_ELEMENTS (draws); i++)
    {
      g_autoptr(YsRun) run = NULL;

      draws[i] = start (f);
      run = finish (f);
      with_ai += draws[i] == YS_MODE_WITH_AI;
    }
  g_assert_cmpint (widest_lead (draws, G_N_ELEMENTS (draws)), <=, YS_DRAW_MAX_LEAD);
  g_assert_cmpuint (with_ai, >, 50);
  g_assert_cmpuint (with_ai, <, 150);

  /* And the summary counts them as drawn. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YsSummary) summary = ys_summary_compute (f->store, NULL, NULL, &error);
    YsWorkflowFigures *w = ys_summary_find (summary, f->workflow);

    g_assert_no_error (error);
    g_assert_cmpuint (w->fair_test.drawn, ==, 200);
    g_assert_cmpuint (w->fair_test.chosen, ==, 0);
  }
}

/* A restart, or a second store on the same file (a second window), finds
 * the timer in the mode drawn, and no second draw happens. */
static void
test_restart_keeps_draw (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) second = NULL;
  g_autoptr(YsTimer) timer = NULL;
  g_autoptr(YsTimer) seen = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  YsMode mode = start (f);

  before = draws_row (f);
  second = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  seen = ys_store_get_timer (second, f->workflow);
  g_assert_nonnull (seen);
  g_assert_cmpint (ys_timer_get_mode (seen), ==, mode);
  g_assert_cmpint (ys_timer_get_assignment (seen), ==, YS_ASSIGNMENT_DRAWN);
  /* The second window cannot start another: the timer is running. */
  g_assert_false (ys_store_start_drawn_timer (second, f->workflow, f->tool, f->random, NULL,
                                              &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&second);

  open_store (f);
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_cmpint (ys_timer_get_mode (timer), ==, mode);
  after = draws_row (f);
  g_assert_cmpstr (after, ==, before);
}

/* Discarding a drawn timer never buys a new coin: the next start gets the
 * same mode, whatever the random source says, and the walk does not move.
 * Undo takes the draw back with the timer. */
static void
test_discard_keeps_draw (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *walk = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *again = NULL;
  YsMode first = start (f);

  walk = draws_row (f);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
      g_assert_no_error (error);
      g_clear_pointer (&pending, g_free);
      pending = draws_row (f);
      g_assert_cmpint (pending[4], ==, first == YS_MODE_WITH_AI ? '1' : '0');
      g_assert_cmpint (start (f), ==, first);
      now = draws_row (f);
      g_assert_cmpstr (now, ==, walk);
    }

  /* Undo of a discard restores the timer and takes back its draw... */
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);

    g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
    g_assert_true (ys_store_restore_timer (f->store, timer, &error));
    g_assert_no_error (error);
    again = draws_row (f);
    g_assert_cmpstr (again, ==, walk);

    /* ...but not once another run has used that draw. */
    g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
    g_assert_cmpint (start (f), ==, first);
    g_object_unref (finish (f));
    g_assert_false (ys_store_restore_timer (f->store, timer, &error));
    g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
    g_assert_null (ys_store_get_timer (f->store, f->workflow));
  }
}

/* "Do this one the other way": the run is saved as overridden in the mode
 * actually done; the draw stays in the walk; the reason travels with the
 * timer; it can be taken back before finishing. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTimer) timer = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autofree char *walk = NULL;
  g_autofree char *after = NULL;
  YsMode drawn = start (f), other = !drawn;

  walk = draws_row (f);
  g_assert_true (ys_store_override_timer (f->store, f->workflow, TRUE, f->tool,
                                          "Deadline today", &error));
  g_assert_no_error (error);
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_cmpint (ys_timer_get_mode (timer), ==, other);
  g_assert_cmpint (ys_timer_get_assignment (timer), ==, YS_ASSIGNMENT_OVERRIDDEN);
  g_assert_cmpstr (ys_timer_get_reason (timer), ==, "Deadline today");
  after = draws_row (f);
  g_assert_cmpstr (after, ==, walk);

  /* Back the drawn way, and over again. */
  g_assert_true (ys_store_override_timer (f->store, f->workflow, FALSE, NULL, NULL, &error));
  g_clear_object (&timer);
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_cmpint (ys_timer_get_mode (timer), ==, drawn);
  g_assert_cmpint (ys_timer_get_assignment (timer), ==, YS_ASSIGNMENT_DRAWN);
  g_assert_cmpstr (ys_timer_get_reason (timer), ==, "");
  g_assert_true (ys_store_override_timer (f->store, f->workflow, TRUE, f->tool, NULL, &error));
  g_assert_no_error (error);

  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, other);
  g_assert_cmpint (ys_run_get_fields (run)->assignment, ==, YS_ASSIGNMENT_OVERRIDDEN);

  /* A discarded overridden timer leaves the draw, not the mode done. */
  drawn = start (f);
  g_assert_true (ys_store_override_timer (f->store, f->workflow, TRUE, f->tool, NULL, &error));
  g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
  g_assert_no_error (error);
  g_assert_cmpint (start (f), ==, drawn);
}

/* Editing a drawn run's mode says it was done the other way than drawn;
 * setting it back says it was done the drawn way after all. Other edits
 * keep the assignment, and a chosen run stays chosen. */
static void
test_edit_mode (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) run = NULL;
  YsMode drawn = start (f);
  YsRunFields fields;
  struct { YsMode mode; int corrections; YsAssignment expected; } edits[] = {
    { !drawn, 0, YS_ASSIGNMENT_OVERRIDDEN },
    { !drawn, 2, YS_ASSIGNMENT_OVERRIDDEN },
    { drawn, 2, YS_ASSIGNMENT_DRAWN },
    { drawn, 3, YS_ASSIGNMENT_DRAWN },
  };

  run = finish (f);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *id = g_strdup (ys_run_get_id (run));

      ys_run_fields_copy (&fields, ys_run_get_fields (run));
      fields.mode = edits[i].mode;
      g_free (fields.tool_id);
      fields.tool_id = edits[i].mode == YS_MODE_WITH_AI ? g_strdup (f->tool) : NULL;
      fields.corrections = edits[i].corrections;
      g_assert_true (ys_store_update_run (f->store, id, &fields, &error));
      g_assert_no_error (error);
      ys_run_fields_clear (&fields);
      g_clear_object (&run);
      run = ys_store_get_run (f->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ys_run_get_fields (run)->mode, ==, edits[i].mode);
      g_assert_cmpint (ys_run_get_fields (run)->corrections, ==, edits[i].corrections);
      g_assert_cmpint (ys_run_get_fields (run)->assignment, ==, edits[i].expected);
    }
  /* The day's counts follow: one run, drawn, none overridden. */
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT sum (drawn) FROM daily"), ==, 1);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT sum (overridden) FROM daily"), ==, 0);
}

/* A draw with AI may start before the tool is picked; it cannot be saved
 * without one. A tool cannot be given to a run without AI. */
static void
test_tool_later (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YsRunOutcome outcome = { .duration_seconds = 600, .used = YS_USED_UNKNOWN, .note = "" };
  YsMode mode = 0;

  /* Seed until a draw with AI, discarding runs without AI as the test goes. */
  for (int i = 0; i < 50; i++)
    {
      g_assert_true (ys_store_start_drawn_timer (f->store, f->workflow, NULL, f->random, &mode,
                                                 &error));
      if (mode == YS_MODE_WITH_AI)
        break;
      g_assert_false (ys_store_set_timer_tool (f->store, f->workflow, f->tool, &error));
      g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
      g_clear_error (&error);
      g_object_unref (finish (f));
    }
  g_assert_cmpint (mode, ==, YS_MODE_WITH_AI);

  g_assert_null (ys_store_finish_timer (f->store, f->workflow, &outcome, -1, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the tool this run used.");
  g_clear_error (&error);
  {
    g_autoptr(YsTimer) kept = ys_store_get_timer (f->store, f->workflow);

    g_assert_nonnull (kept);
  }

  g_assert_true (ys_store_set_timer_tool (f->store, f->workflow, f->tool, &error));
  g_assert_no_error (error);
  g_object_unref (finish (f));
}

/* Only the store decides how a mode was decided: Log Run stores chosen
 * whatever it is handed; a workflow with the fair test off draws nothing;
 * a chosen timer cannot be "overridden". */
static void
test_chosen_elsewhere (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  YsRunFields fields = { .workflow_id = f->workflow, .mode = YS_MODE_WITHOUT_AI,
                         .started_at = 1790000000, .duration_seconds = 900,
                         .used = YS_USED_YES, .note = (char *) "",
                         .assignment = YS_ASSIGNMENT_DRAWN };

  id = ys_store_save_run (f->store, NULL, &fields, NULL, -1, &error);
  g_assert_no_error (error);
  run = ys_store_get_run (f->store, id, &error);
  g_assert_cmpint (ys_run_get_fields (run)->assignment, ==, YS_ASSIGNMENT_CHOSEN);

  g_assert_true (ys_store_set_workflow_fair_test (f->store, f->workflow, FALSE, &error));
  workflow = ys_store_get_workflow (f->store, f->workflow);
  g_assert_false (ys_workflow_get_fair_test (workflow));
  g_assert_false (ys_store_start_drawn_timer (f->store, f->workflow, NULL, f->random, NULL,
                                              &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ys_store_get_timer (f->store, f->workflow));

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_false (ys_store_override_timer (f->store, f->workflow, TRUE, f->tool, NULL, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&run);
  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->assignment, ==, YS_ASSIGNMENT_CHOSEN);
}

/* Whether a workflow is a fair test is this computer's setting: one that
 * arrives in a bundle is not, until someone here turns it on, and a later
 * bundle never turns it off. */
static void
test_bundle_workflows_off (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) arrived = NULL;
  g_autoptr(YsWorkflow) again = NULL;
  YsImportResult result;
  const char *bundle =
    "{\"format\":\"yardstick-bundle\",\"version\":1,\"exported_at\":\"2026-11-22T10:00:00Z\","
    "\"workflows\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"Intake\","
    "\"description\":\"\",\"people\":2,\"archived\":false,"
    "\"updated_at\":\"2026-11-22T10:00:00Z\",\"deleted\":false}],"
    "\"tools\":[],\"runs\":[],\"feedback\":[]}";
  const char *later =
    "{\"format\":\"yardstick-bundle\",\"version\":1,\"exported_at\":\"2026-11-23T10:00:00Z\","
    "\"workflows\":[{\"id\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"Intake notes\","
    "\"description\":\"\",\"people\":2,\"archived\":false,"
    "\"updated_at\":\"2026-11-23T10:00:00Z\",\"deleted\":false}],"
    "\"tools\":[],\"runs\":[],\"feedback\":[]}";

  g_assert_true (ys_bundle_import_data (f->store, "team.json", bundle, strlen (bundle), &result,
                                        &error));
  g_assert_no_error (error);
  arrived = ys_store_get_workflow (f->store, "11111111-1111-4111-8111-111111111111");
  g_assert_false (ys_workflow_get_fair_test (arrived));

  g_assert_true (ys_store_set_workflow_fair_test (f->store, ys_workflow_get_id (arrived), TRUE,
                                                  &error));
  g_assert_true (ys_bundle_import_data (f->store, "later.json", later, strlen (later), &result,
                                        &error));
  g_assert_no_error (error);
  again = ys_store_get_workflow (f->store, "11111111-1111-4111-8111-111111111111");
  g_assert_cmpstr (ys_workflow_get_name (again), ==, "Intake notes");
  g_assert_true (ys_workflow_get_fair_test (again));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/draw/walk-states", test_walk_states);
  g_test_add_func ("/draw/walk-balanced-and-unpredictable", test_walk_balanced_and_unpredictable);
  ADD ("/draw/start-and-save", test_start_and_save);
  ADD ("/draw/balanced-through-store", test_balanced_through_store);
  ADD ("/draw/restart-keeps-draw", test_restart_keeps_draw);
  ADD ("/draw/discard-keeps-draw", test_discard_keeps_draw);
  ADD ("/draw/override", test_override);
  ADD ("/draw/edit-mode", test_edit_mode);
  ADD ("/draw/tool-later", test_tool_later);
  ADD ("/draw/chosen-elsewhere", test_chosen_elsewhere);
  ADD ("/draw/bundle-workflows-off", test_bundle_workflows_off);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-draw.h"
#include "ys-error.h"
#include "ys-merge.h"
#include "ys-timestamp.h"
#include "ys-validate.h"

/*
 * A believable small nonprofit: three workflows clocked for twelve weeks,
 * a four-week baseline without AI, then mostly with AI. AI helps a lot with
 * policy briefs, a little with intake summaries, and makes grant report
 * sections slower with more corrections — while the team still says it
 * saves time, which is exactly the divergence Yardstick should surface.
 * After its baseline the team made grant report sections a fair test: from
 * then on Yardstick drew each run's mode, and twice the section was done
 * the other way, so the sample shows a headline from a fair test.
 *
 * Everything comes from one seeded generator and fixed dates, so the same
 * database results every time (ids included).
 */

#define SEED 20261122
/* The draws have a generator of their own, so the fair test leaves every
 * other workflow's runs as they were. Its seed is one whose draws show the
 * effect the sample is made with (AI about 30% slower), as most seeds do;
 * some leave the fair test not clear yet. */
#define DRAW_SEED 20260930

typedef struct
{
  const char *name;
  const char *description;
  int people;
  double baseline_minutes;   /* median without AI */
  double assisted_minutes;   /* median with AI */
  double spread;             /* log-normal sigma */
  double baseline_corrections;
  double assisted_corrections;
  double assisted_correction_growth; /* per week, rising = wrong tool */
  double assisted_used_rate;
  const char *tools[2];
  double first_tool_share;
  gboolean fair_test;        /* drawn after the baseline */
} DemoWorkflow;

/* What each tool costs a month, all seats together, in cents: a team plan,
 * one seat, and a tool that came with another licence, its cost not set. */
static const struct
{
  const char *name;
  gint64 monthly_cost;
} demo_tools[] = {
  { "ChatGPT", 6000 },
  { "Claude", 2000 },
  { "Copilot", -1 },
};

static const DemoWorkflow workflows[] = {
  { N_("Policy brief draft"),
    N_("A two-page brief on a policy question for partners and members."),
    4, 240, 90, 0.18, 1.2, 0.7, 0.0, 0.85, { "ChatGPT", "Claude" }, 0.6 },
  { N_("Intake summary"),
    N_("Summarising a new client’s intake conversation for the case file."),
    6, 35, 34, 0.22, 0.4, 0.5, 0.0, 0.9, { "Claude", NULL }, 1.0 },
  { N_("Grant report section"),
    N_("One section of a progress report for a funder."),
    3, 150, 195, 0.2, 0.8, 1.6, 0.12, 0.55, { "Copilot", NULL }, 1.0, TRUE },
};

/* The draws (counted from 1) that were done the other way: one drawn
 * without AI and one drawn with AI, in the fair test's third and fifth
 * weeks. */
static const int overridden_draws[] = { 7, 16 };

typedef struct
{
  const char *workflow;
  const char *tool;
  int week;
  gboolean saves_time;
  const char *comment;
} DemoFeedback;

static const DemoFeedback feedback[] = {
  { "Policy brief draft", "ChatGPT", 5, TRUE, N_("The first draft is there in minutes.") },
  { "Policy brief draft", "ChatGPT", 7, TRUE, "" },
  { "Policy brief draft", "ChatGPT", 9, FALSE, N_("Had to rewrite the recommendations.") },
  { "Policy brief draft", "ChatGPT", 11, TRUE, "" },
  { "Policy brief draft", "Claude", 6, TRUE, "" },
  { "Policy brief draft", "Claude", 10, TRUE, N_("Good at tightening long sections.") },
  { "Policy brief draft", "Claude", 12, TRUE, "" },
  { "Intake summary", "Claude", 6, TRUE, "" },
  { "Intake summary", "Claude", 8, FALSE, N_("Checking names and dates takes as long as writing.") },
  { "Intake summary", "Claude", 10, TRUE, "" },
  { "Intake summary", "Claude", 12, FALSE, "" },
  { "Grant report section", "Copilot", 5, TRUE, N_("Feels quicker to start.") },
  { "Grant report section", "Copilot", 7, TRUE, "" },
  { "Grant report section", "Copilot", 9, TRUE, "" },
  { "Grant report section", "Copilot", 11, FALSE, N_("The figures it writes need checking line by line.") },
  { "Grant report section", "Copilot", 12, TRUE, "" },
};

typedef struct
{
  GRand *rand;
  GDate first_monday;
  GHashTable *ids; /* name → id */
  GTimeZone *zone; /* runs are logged here, in local time */
  GRand *draw_rand;
  YsBundle *bundle;
  const char *fair_test_id; /* the workflow whose runs were drawn */
  YsDrawWalk walk;          /* its draws, as the store keeps them */
} Demo;

static char *
demo_uuid (Demo *demo)
{
  guint8 bytes[16];

  for (guint i = 0; i < 16; i++)
    bytes[i] = (guint8) g_rand_int_range (demo->rand, 0, 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
                          bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                          bytes[12], bytes[13], bytes[14], bytes[15]);
}

static double
demo_normal (Demo *demo)
{
  double u1 = g_rand_double_range (demo->rand, 1e-9, 1.0);
  double u2 = g_rand_double (demo->rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static int
demo_poisson (Demo   *demo,
              double  mean)
{
  double limit = exp (-mean);
  double product = g_rand_double (demo->rand);
  int count = 0;

  while (product > limit && count < 20)
    {
      product *= g_rand_double (demo->rand);
      count++;
    }
  return count;
}

/* Local time @minute_of_day on @weekday (0 = Monday) of @week (0-based). */
static gint64
demo_time (Demo *demo,
           int   week,
           int   weekday,
           int   minute_of_day)
{
  GDate date = demo->first_monday;
  g_autoptr(GDateTime) when = NULL;

  g_date_add_days (&date, week * 7 + weekday);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), minute_of_day / 60,
                                minute_of_day % 60, 0);
  return g_date_time_to_unix (when);
}

/* When in a week a run starts: minutes from Monday's midnight, on a
 * weekday between 9:00 and 15:15. */
static int
demo_start (Demo *demo)
{
  int weekday = g_rand_int_range (demo->rand, 0, 5);

  return weekday * 24 * 60 + 9 * 60 + 15 * g_rand_int_range (demo->rand, 0, 26);
}

static int
compare_ints (const void *a,
              const void *b)
{
  return *(const int *) a - *(const int *) b;
}

/* The same id for the same name; kept in @bundle's strings. */
static const char *
demo_id (YsBundle   *bundle,
         Demo       *demo,
         const char *name)
{
  const char *id = g_hash_table_lookup (demo->ids, name);

  if (id == NULL)
    {
      g_autofree char *fresh = demo_uuid (demo);

      id = g_string_chunk_insert (bundle->strings, fresh);
      g_hash_table_insert (demo->ids, (gpointer) name, (gpointer) id);
    }
  return id;
}

static void
add_runs (YsBundle            *bundle,
          Demo                *demo,
          const DemoWorkflow  *workflow)
{
  const char *workflow_id = demo_id (bundle, demo, workflow->name);
  int n_draws = 0;

  if (workflow->fair_test)
    demo->fair_test_id = workflow_id;

  for (int week = 0; week < YS_DEMO_WEEKS; week++)
    {
      /* Four baseline weeks, then AI, with one control run without AI each
       * week so that every quarter has a baseline to compare with. */
      int n_runs = 2 + g_rand_int_range (demo->rand, 0, 3);
      gboolean drawing = workflow->fair_test && week >= 4;
      int starts[4];

      /* Each draw is made as its run starts: the week's runs in order. */
      if (drawing)
        {
          for (int i = 0; i < n_runs; i++)
            starts[i] = demo_start (demo);
          qsort (starts, n_runs, sizeof starts[0], compare_ints);
        }

      for (int i = 0; i < n_runs; i++)
        {
          YsRunRecord run = { 0 };
          g_autofree char *id = demo_uuid (demo);
          gboolean assisted = week >= 4 && i != 0;
          YsAssignment assignment = YS_ASSIGNMENT_CHOSEN;
          double median;
          double minutes;
          double corrections_mean;
          int start;
          double used_rate;

          /* Drawn the way the timer's Start draws (ys-draw.h). */
          if (drawing)
            {
              YsMode drawn = ys_draw_walk_next (&demo->walk, demo->draw_rand);

              ys_draw_walk_take (&demo->walk, drawn);
              assisted = drawn == YS_MODE_WITH_AI;
              assignment = YS_ASSIGNMENT_DRAWN;
              n_draws++;
              for (guint o = 0; o < G_N_ELEMENTS (overridden_draws); o++)
                if (overridden_draws[o] == n_draws)
                  {
                    assisted = !assisted;
                    assignment = YS_ASSIGNMENT_OVERRIDDEN;
                  }
            }
          median = assisted ? workflow->assisted_minutes : workflow->baseline_minutes;
          minutes = median * exp (workflow->spread * demo_normal (demo));
          start = drawing ? starts[i] : demo_start (demo);
          used_rate = assisted ? workflow->assisted_used_rate : 0.9;

          run.id = g_string_chunk_insert (bundle->strings, id);
          run.workflow = workflow_id;
          run.mode = assisted ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
          run.assignment = assignment;
          if (assisted)
            {
              gboolean first = workflow->tools[1] == NULL ||
                               g_rand_double (demo->rand) < workflow->first_tool_share;
              run.tool = demo_id (bundle, demo, first ? workflow->tools[0] : workflow->tools[1]);
            }
          run.started_at = demo_time (demo, week, start / (24 * 60), start % (24 * 60));
          run.started_offset = ys_timestamp_zone_offset (demo->zone, run.started_at);
          /* People clock to the minute; long tasks to five minutes. */
          run.duration_seconds = median > 60 ? (gint64) (round (minutes / 5) * 5 * 60)
                                             : (gint64) (round (minutes) * 60);
          run.duration_seconds = CLAMP (run.duration_seconds, 60, YS_LIMITS_MAX_DURATION);

          corrections_mean = assisted
            ? workflow->assisted_corrections + workflow->assisted_correction_growth * (week - 4)
            : workflow->baseline_corrections;
          run.corrections = demo_poisson (demo, corrections_mean);

          /* The last fortnight's outcomes are mostly not known yet. */
          if (week >= YS_DEMO_WEEKS - 2 && g_rand_double (demo->rand) < 0.6)
            run.used = YS_USED_UNKNOWN;
          else
            run.used = g_rand_double (demo->rand) < used_rate ? YS_USED_YES : YS_USED_NO;
          run.note = "";
          run.updated_at = (run.started_at + run.duration_seconds) * G_USEC_PER_SEC;

          g_array_append_val (bundle->runs, run);
        }
    }
}

/* The sample team as a bundle: it goes in through the same merge as any
 * team's. */
static YsBundle *
build (Demo *demo)
{
  YsBundle *bundle = ys_bundle_new ("demo");
  gint64 created = demo_time (demo, 0, 0, 8 * 60) * G_USEC_PER_SEC;

  for (guint i = 0; i < G_N_ELEMENTS (demo_tools); i++)
    {
      YsToolRecord tool = { demo_id (bundle, demo, demo_tools[i].name), demo_tools[i].name,
                            demo_tools[i].monthly_cost, created, FALSE };

      g_array_append_val (bundle->tools, tool);
    }

  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    {
      YsWorkflowRecord workflow = {
        demo_id (bundle, demo, workflows[i].name), _(workflows[i].name),
        _(workflows[i].description), workflows[i].people, FALSE, created, FALSE,
      };

      g_array_append_val (bundle->workflows, workflow);
    }

  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    add_runs (bundle, demo, &workflows[i]);

  for (guint i = 0; i < G_N_ELEMENTS (feedback); i++)
    {
      g_autofree char *id = demo_uuid (demo);
      GDate given_on = demo->first_monday;
      char given_on_text[16];
      YsFeedbackRecord answer = { 0 };

      g_date_add_days (&given_on, (feedback[i].week - 1) * 7 + 4);
      g_date_strftime (given_on_text, sizeof given_on_text, "%Y-%m-%d", &given_on);

      answer.id = g_string_chunk_insert (bundle->strings, id);
      answer.workflow = demo_id (bundle, demo, feedback[i].workflow);
      answer.tool = demo_id (bundle, demo, feedback[i].tool);
      answer.saves_time = feedback[i].saves_time;
      answer.given_on = g_string_chunk_insert (bundle->strings, given_on_text);
      answer.comment = *feedback[i].comment ? _(feedback[i].comment) : "";
      answer.updated_at = created + feedback[i].week * G_USEC_PER_SEC;
      g_array_append_val (bundle->feedback, answer);
    }

  /* The quarterly review the director wrote for the autumn. */
  {
    g_autofree char *id = demo_uuid (demo);
    YsReviewRecord review = {
      .id = g_string_chunk_insert (bundle->strings, id),
      .quarter = "2026-Q4",
      .coverage_percent = 60,
      .working = _("Policy briefs: a first draft now takes one sitting instead of a "
                   "morning, and partners have not noticed any drop in quality."),
      .not_working = _("Grant report sections: the drafts need so much checking that "
                       "they take longer than writing from scratch."),
      .more_rework = _("Figures and dates in grant reports, and names in intake "
                       "summaries, had to be checked line by line."),
      .updated_at = created + 100 * G_USEC_PER_SEC,
    };

    g_array_append_val (bundle->reviews, review);
  }

  return bundle;
}

static gboolean
fill (YsStore   *store,
      gpointer   user_data,
      GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(GError) read_error = NULL;
  gboolean empty = ys_store_is_empty (store, &read_error);

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (!empty)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_NOT_EMPTY,
                   _("%s already holds data. The sample team only goes into an empty "
                     "database; use --database with a new file to try it."),
                   ys_store_get_path (store));
      return FALSE;
    }

  /* A bundle does not carry the fair-test switch or the draws: they are
   * this computer's, set here as the team would have. */
  return ys_merge_bundle (store, demo->bundle, NULL, error) &&
         ys_store_set_workflow_fair_test (store, demo->fair_test_id, TRUE, error) &&
         ys_store_set_draw_walk (store, demo->fair_test_id, &demo->walk, error);
}

gboolean
ys_demo_fill (YsStore  *store,
              GError  **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  demo.rand = g_rand_new_with_seed (SEED);
  demo.draw_rand = g_rand_new_with_seed (DRAW_SEED);
  demo.ids = g_hash_table_new (g_str_hash, g_str_equal);
  demo.zone = g_time_zone_new_local ();
  ys_parse_iso_date (YS_DEMO_LAST_DAY, &demo.first_monday);
  g_date_subtract_days (&demo.first_monday, YS_DEMO_WEEKS * 7 - 3);

  demo.bundle = build (&demo);
  ok = ys_store_run_in_transaction (store, fill, &demo, error);
  g_clear_pointer (&demo.bundle, ys_bundle_free);
  g_hash_table_unref (demo.ids);
  g_time_zone_unref (demo.zone);
  g_rand_free (demo.draw_rand);
  g_rand_free (demo.rand);
  return ok;
}

#define SAMPLE_FOLDER_KEY "ys-demo-sample-folder"

/* Called once the sample's store is finalized and its database closed. */
static void
remove_sample_folder (gpointer data)
{
  g_autofree char *folder = data;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  /* The database and SQLite's -wal, -shm or -journal beside it. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_unlink (path) != 0)
        g_warning ("The sample file %s could not be removed: %s", path, g_strerror (errno));
    }
  if (g_rmdir (folder) != 0)
    g_warning ("The sample folder %s could not be removed: %s", folder, g_strerror (errno));
}

YsStore *
ys_demo_open_sample (GError **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (),
                                              "yardstick-sample-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(YsStore) store = NULL;

  if (g_mkdtemp_full (folder, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The folder %s could not be created: %s"), folder, g_strerror (saved));
      return NULL;
    }

  path = g_build_filename (folder, "sample.db", NULL);
  store = ys_store_open (path, error);
  if (store == NULL)
    {
      remove_sample_folder (g_steal_pointer (&folder));
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (store), SAMPLE_FOLDER_KEY, g_steal_pointer (&folder),
                          remove_sample_folder);

  if (!ys_demo_fill (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
ys_demo_is_sample (YsStore *store)
{
  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  return g_object_get_data (G_OBJECT (store), SAMPLE_FOLDER_KEY) != NULL;
}

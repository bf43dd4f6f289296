/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-bench"

#include "bench-data.h"
#include "ys-store-private.h"

#define YEARS 10

static gboolean
fill (YsStore   *store,
      gpointer   user_data,
      GError   **error)
{
  guint n_runs = GPOINTER_TO_UINT (user_data);
  const char *workflows[] = { "Policy brief draft", "Intake summary", "Grant report section" };
  const char *tools[] = { "ChatGPT", "Claude", "Copilot" };
  char workflow_ids[3][37], tool_ids[3][37];
  GRand *rand = g_rand_new_with_seed (42);
  gint64 start = 1478000000;   /* November 2016 */
  gint64 span = (gint64) YEARS * 365 * 86400;
  gboolean ok = TRUE;

  for (int i = 0; i < 3 && ok; i++)
    {
      g_autofree char *w = g_uuid_string_random ();
      g_autofree char *t = g_uuid_string_random ();
      YsWorkflowRecord workflow = { w, workflows[i], "", 5, FALSE, 1, FALSE };
      YsToolRecord tool = { t, tools[i], -1, 1, FALSE };

      g_strlcpy (workflow_ids[i], w, sizeof workflow_ids[i]);
      g_strlcpy (tool_ids[i], t, sizeof tool_ids[i]);

      ok = ys_store_put_record (store, YS_RECORD_WORKFLOW, &workflow, error) &&
           ys_store_put_record (store, YS_RECORD_TOOL, &tool, error);
    }

  for (guint i = 0; i < n_runs && ok; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      int w = i % 3;
      gboolean with_ai = g_rand_boolean (rand);
      /* Most runs drawn, as on a team that keeps the fair test on; a few
       * draws declined, and runs logged after the fact. */
      double how = g_rand_double (rand);
      YsRunRecord run = {
        .id = id,
        .workflow = workflow_ids[w],
        .mode = with_ai ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI,
        .tool = with_ai ? tool_ids[g_rand_int_range (rand, 0, 3)] : NULL,
        .started_at = start + (gint64) ((double) i / n_runs * span),
        .duration_seconds = g_rand_int_range (rand, 600, with_ai ? 9000 : 14400),
        .corrections = g_rand_int_range (rand, 0, 4),
        .used = g_rand_int_range (rand, 0, 3),
        .note = "",
        .assignment = how < 0.6 ? YS_ASSIGNMENT_DRAWN
                      : how < 0.65 ? YS_ASSIGNMENT_OVERRIDDEN : YS_ASSIGNMENT_CHOSEN,
        .updated_at = 2,
      };

      ok = ys_store_put_record (store, YS_RECORD_RUN, &run, error);
    }

  g_rand_free (rand);
  return ok;
}

gboolean
ys_bench_fill (YsStore  *store,
               guint     n_runs,
               GError  **error)
{
  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  return ys_store_run_in_transaction (store, fill, GUINT_TO_POINTER (n_runs), error);
}

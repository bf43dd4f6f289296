/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-data.h"
#include "ys-stats.h"

/*
 * Benchmark, not a test: builds (once) a database of 1,000,000 runs — three
 * workflows, ten years, three tools — and prints how long the summary and
 * one workflow's weekly chart series take, and the peak memory.
 *
 *   _build/tests/bench-stats [DATABASE]    (default: _build/bench-1m.db)
 */

#define N_RUNS 1000000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Runs yardstick --summary; returns the wall time and the child's peak RSS. */
static double
time_summary (const char *bin,
              const char *path,
              const char *quarter,
              long       *peak_kb)
{
  const char *argv[] = { bin, "--database", path, "--summary", quarter ? "--quarter" : NULL,
                         quarter, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int out_fd, status;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  {
    char buffer[65536];
    while (read (out_fd, buffer, sizeof buffer) > 0)
      ;
  }
  close (out_fd);
  wait4 (pid, &status, 0, &usage);
  *peak_kb = usage.ru_maxrss;
  return seconds_since (start);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (argc > 1 ? argv[1] : "bench-1m.db");
  g_autofree char *bin = g_build_filename (g_path_get_dirname (argv[0]), "..", "src", "yardstick",
                                           NULL);
  g_autoptr(YsStore) store = NULL;
  double all[5], quarter[5], series[5];
  long peak_all = 0, peak_quarter = 0, peak;
  struct rusage self_usage;
  const char *workflow_id;
  g_autoptr(YsWorkflow) workflow = NULL;

  store = ys_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  if (ys_store_is_empty (store, NULL))
    {
      gint64 start = g_get_monotonic_time ();

      g_print ("building %s with %d runs…\n", path, N_RUNS);
      if (!ys_bench_fill (store, N_RUNS, &error))
        g_error ("%s", error->message);
      g_print ("built in %.1f s\n", seconds_since (start));
    }

  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  workflow_id = ys_workflow_get_id (workflow);

  for (int i = 0; i < 5; i++)
    {
      gint64 start;
      g_autoptr(GArray) weeks = NULL;

      all[i] = time_summary (bin, path, NULL, &peak);
      peak_all = MAX (peak_all, peak);
      quarter[i] = time_summary (bin, path, "2024-Q2", &peak);
      peak_quarter = MAX (peak_quarter, peak);

      start = g_get_monotonic_time ();
      weeks = ys_stats_weekly (store, workflow_id, NULL, NULL, NULL);
      series[i] = seconds_since (start);
      if (i == 0)
        g_print ("weekly series: %u weeks\n", weeks->len);
    }

  qsort (all, 5, sizeof (double), compare_doubles);
  qsort (quarter, 5, sizeof (double), compare_doubles);
  qsort (series, 5, sizeof (double), compare_doubles);
  getrusage (RUSAGE_SELF, &self_usage);

  g_print ("\n%-44s %12s %12s\n", "measure (median of 5, 1,000,000 runs)", "time", "peak RSS");
  g_print ("%-44s %9.0f ms %9.1f MB\n", "yardstick --summary (all time)", all[2] * 1000,
           peak_all / 1024.0);
  g_print ("%-44s %9.0f ms %9.1f MB\n", "yardstick --summary --quarter 2024-Q2", quarter[2] * 1000,
           peak_quarter / 1024.0);
  g_print ("%-44s %9.0f ms %9.1f MB\n", "weekly chart series, one workflow, all time",
           series[2] * 1000, self_usage.ru_maxrss / 1024.0);
  return 0;
}

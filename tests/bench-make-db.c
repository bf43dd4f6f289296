/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-bench"

#include <stdlib.h>

#include "bench-data.h"

/*
 * For build-aux/bench: fills DATABASE with N_RUNS runs of benchmark data,
 * unless it already holds data.
 *
 *   _build-bench/tests/bench-make-db DATABASE N_RUNS
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;
  guint64 n_runs;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &n_runs, NULL))
    {
      g_printerr ("usage: %s DATABASE N_RUNS\n", argv[0]);
      return 2;
    }

  store = ys_store_open (argv[1], &error);
  if (store == NULL || (ys_store_is_empty (store, NULL) && !ys_bench_fill (store, n_runs, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

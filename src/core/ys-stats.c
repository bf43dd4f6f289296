/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-stats.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * The figures of FORMAT.md's summary. Counts and rates are SQL aggregates;
 * medians and interval bounds come from one ordered index scan per group,
 * picking the few order statistics needed as the rows stream past, so no
 * list of runs is ever held in memory.
 */

#define ALL_FROM "0000-01-01"
#define ALL_TO "9999-12-31"

gboolean
ys_stats_median_ci_rank (guint  n,
                         guint *k)
{
  long double term, cdf = 0;
  guint first = 0;
  guint best = 0;

  /* Largest k >= 1 with P(Binomial(n, 1/2) <= k - 1) <= 0.025. The mass
   * more than 20 standard deviations below the mean is far below long
   * double precision, so large n start there instead of at 0. */
  if (n > 400)
    first = (guint) (n / 2.0 - 10.0 * sqrt ((double) n));
  term = expl (lgammal (n + 1.0L) - lgammal (first + 1.0L) - lgammal (n - first + 1.0L) +
               (long double) n * logl (0.5L));

  for (guint j = first; j <= n; j++)
    {
      cdf += term;
      if (cdf > 0.025L)
        break;
      best = j + 1;
      term *= (long double) (n - j) / (long double) (j + 1);
    }

  if (best == 0)
    return FALSE;
  if (k != NULL)
    *k = best;
  return TRUE;
}

/* Order statistics ------------------------------------------------------------ */

/*
 * The median and the interval bounds are values at a few ranks. @stmt lists
 * a group's durations in ascending order from a covering index, starting at
 * the offset bound to :offset; one seek to the lowest rank needed, then a few
 * steps (about 2·√n for the interval) collect the rest. No run row is read,
 * and nothing is kept but the values asked for.
 */
static gboolean
median_and_interval (YsDatabase    *db,
                     sqlite3_stmt  *stmt,
                     guint          n,
                     double        *median,
                     gint64        *ci_low,
                     gint64        *ci_high,
                     GError       **error)
{
  guint low_middle = (n + 1) / 2;
  guint high_middle = n / 2 + 1;
  guint k = 0;
  guint first, last, rank;
  gint64 low_value = 0, high_value = 0;
  int rc = SQLITE_ROW;

  *median = NAN;
  if (ci_low != NULL)
    *ci_low = *ci_high = -1;
  if (n == 0)
    return TRUE;

  if (ci_low == NULL || !ys_stats_median_ci_rank (n, &k))
    k = 0;
  first = k > 0 ? k : low_middle;
  last = k > 0 ? n - k + 1 : high_middle;

  ys_database_bind_int64 (stmt, ":offset", (gint64) first - 1);
  for (rank = first; rank <= last; rank++)
    {
      gint64 value;

      if ((rc = ys_database_step (db, stmt, error)) != SQLITE_ROW)
        break;
      value = sqlite3_column_int64 (stmt, 0);

      if (rank == low_middle)
        low_value = value;
      if (rank == high_middle)
        high_value = value;
      if (k > 0 && rank == k)
        *ci_low = value;
      if (k > 0 && rank == n - k + 1)
        *ci_high = value;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  *median = (low_value + high_value) / 2.0;
  return TRUE;
}

/* The same ranks from (duration, count) rows in ascending duration: the
 * whole history of a group, from the "durations" table. */
static gboolean
median_and_interval_from_counts (YsDatabase    *db,
                                 sqlite3_stmt  *stmt,
                                 guint          n,
                                 double        *median,
                                 gint64        *ci_low,
                                 gint64        *ci_high,
                                 GError       **error)
{
  guint low_middle = (n + 1) / 2;
  guint high_middle = n / 2 + 1;
  guint k = 0;
  guint last;
  gint64 seen = 0;
  gint64 low_value = 0, high_value = 0;
  int rc = SQLITE_ROW;

  *median = NAN;
  if (ci_low != NULL)
    *ci_low = *ci_high = -1;
  if (n == 0)
    return TRUE;

  if (ci_low == NULL || !ys_stats_median_ci_rank (n, &k))
    k = 0;
  last = k > 0 ? n - k + 1 : high_middle;

  while (seen < last && (rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      gint64 first_rank = seen + 1;

      seen += sqlite3_column_int64 (stmt, 1);
#define COVERS(rank) ((gint64) (rank) >= first_rank && (gint64) (rank) <= seen)
      if (COVERS (low_middle))
        low_value = value;
      if (COVERS (high_middle))
        high_value = value;
      if (k > 0 && COVERS (k))
        *ci_low = value;
      if (k > 0 && COVERS (n - k + 1))
        *ci_high = value;
#undef COVERS
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  *median = (low_value + high_value) / 2.0;
  return TRUE;
}

static gboolean use_counts = TRUE;

void
ys_stats_set_use_counts (gboolean use)
{
  use_counts = use;
}

static void
bind_period (sqlite3_stmt *stmt,
             const char   *workflow_id,
             const char   *from,
             const char   *to)
{
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_text (stmt, ":from", from);
  ys_database_bind_text (stmt, ":to", to);
}

static double
ratio (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

/* Per workflow --------------------------------------------------------------- */

static gboolean
compute_modes (YsDatabase         *db,
               YsWorkflowFigures  *w,
               const char         *from,
               const char         *to,
               gboolean            whole_history,
               GError            **error)
{
  sqlite3_stmt *stmt;
  YsModeFigures *modes[2] = { &w->without_ai, &w->with_ai };
  int rc;

  /* Counts and rates from the per-day totals the triggers keep. */
  stmt = ys_database_prepare (db,
    "SELECT mode, sum (runs), sum (corrections), sum (corrected), sum (used_yes), sum (used_no)"
    " FROM daily WHERE workflow_id = :workflow AND day BETWEEN :from AND :to GROUP BY mode",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, w->id, from, to);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsModeFigures *m = modes[sqlite3_column_int (stmt, 0) ? 1 : 0];
      gint64 runs = sqlite3_column_int64 (stmt, 1);

      m->runs = (guint) runs;
      m->corrections_per_run = ratio (sqlite3_column_int64 (stmt, 2), runs);
      m->correction_rate = ratio (sqlite3_column_int64 (stmt, 3), runs);
      m->used_rate = ratio (sqlite3_column_int64 (stmt, 4),
                            sqlite3_column_int64 (stmt, 4) + sqlite3_column_int64 (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  if (whole_history)
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds, sum (runs) FROM durations INDEXED BY durations_by_mode"
        " WHERE workflow_id = :workflow AND mode = :mode GROUP BY duration_seconds"
        " ORDER BY duration_seconds", error);
      if (stmt == NULL)
        return FALSE;
      ys_database_bind_text (stmt, ":workflow", w->id);
    }
  else
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds FROM runs INDEXED BY runs_by_duration"
        " WHERE workflow_id = :workflow AND mode = :mode AND deleted = 0"
        " AND started_on BETWEEN :from AND :to"
        " ORDER BY duration_seconds LIMIT -1 OFFSET :offset", error);
      if (stmt == NULL)
        return FALSE;
      bind_period (stmt, w->id, from, to);
    }

  for (int mode = 0; mode < 2; mode++)
    {
      YsModeFigures *m = modes[mode];
      gboolean ok;

      ys_database_bind_int64 (stmt, ":mode", mode);
      ok = whole_history
        ? median_and_interval_from_counts (db, stmt, m->runs, &m->median_seconds,
                                           &m->ci_low, &m->ci_high, error)
        : median_and_interval (db, stmt, m->runs, &m->median_seconds,
                               &m->ci_low, &m->ci_high, error);
      if (!ok)
        return FALSE;
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static YsToolFigures *
find_tool (GArray     *tools,
           const char *id)
{
  for (guint i = 0; i < tools->len; i++)
    if (g_strcmp0 (g_array_index (tools, YsToolFigures, i).id, id) == 0)
      return &g_array_index (tools, YsToolFigures, i);
  return NULL;
}

static gboolean
compute_tools (YsDatabase         *db,
               YsWorkflowFigures  *w,
               const char         *from,
               const char         *to,
               gboolean            whole_history,
               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Every tool named by a run with AI or an answer in the period. */
  stmt = ys_database_prepare (db,
    "SELECT t.id, t.name FROM tools t WHERE t.deleted = 0 AND t.id IN ("
    "  SELECT tool_key FROM daily WHERE workflow_id = :workflow AND mode = 1"
    "   AND day BETWEEN :from AND :to AND runs > 0"
    "  UNION SELECT tool_id FROM feedback WHERE workflow_id = :workflow AND deleted = 0"
    "   AND given_on BETWEEN :from AND :to)"
    " ORDER BY t.name, t.id", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, w->id, from, to);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsToolFigures tool = { 0 };

      tool.id = g_strdup (ys_database_column_text (stmt, 0));
      tool.name = g_strdup (ys_database_column_text (stmt, 1));
      tool.median_seconds = NAN;
      tool.used_rate = NAN;
      tool.yes_share = NAN;
      tool.divergent = -1;
      g_array_append_val (w->tools, tool);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  stmt = ys_database_prepare (db,
    "SELECT tool_key, sum (runs), sum (used_yes), sum (used_no) FROM daily"
    " WHERE workflow_id = :workflow AND mode = 1 AND day BETWEEN :from AND :to"
    " GROUP BY tool_key", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, w->id, from, to);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsToolFigures *tool = find_tool (w->tools, ys_database_column_text (stmt, 0));
      gint64 used = sqlite3_column_int64 (stmt, 2);
      gint64 unused = sqlite3_column_int64 (stmt, 3);

      if (tool == NULL)
        continue;
      tool->runs = sqlite3_column_int (stmt, 1);
      tool->used_rate = ratio (used, used + unused);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  /* Per-tool medians: from the counts, or seeks along runs_by_tool_duration. */
  if (whole_history)
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds, runs FROM durations"
        " WHERE workflow_id = :workflow AND mode = 1 AND tool_key = :tool"
        " ORDER BY duration_seconds", error);
      if (stmt == NULL)
        return FALSE;
      ys_database_bind_text (stmt, ":workflow", w->id);
    }
  else
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds FROM runs INDEXED BY runs_by_tool_duration"
        " WHERE workflow_id = :workflow AND mode = 1 AND tool_id = :tool AND deleted = 0"
        " AND started_on BETWEEN :from AND :to"
        " ORDER BY duration_seconds LIMIT -1 OFFSET :offset", error);
      if (stmt == NULL)
        return FALSE;
      bind_period (stmt, w->id, from, to);
    }
  for (guint i = 0; i < w->tools->len; i++)
    {
      YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);
      gboolean ok;

      ys_database_bind_text (stmt, ":tool", tool->id);
      ok = whole_history
        ? median_and_interval_from_counts (db, stmt, tool->runs, &tool->median_seconds,
                                           NULL, NULL, error)
        : median_and_interval (db, stmt, tool->runs, &tool->median_seconds, NULL, NULL, error);
      if (!ok)
        return FALSE;
    }
  sqlite3_clear_bindings (stmt);

  stmt = ys_database_prepare (db,
    "SELECT tool_id, sum(saves_time = 1), sum(saves_time = 0) FROM feedback"
    " WHERE workflow_id = :workflow AND deleted = 0 AND given_on BETWEEN :from AND :to"
    " GROUP BY tool_id", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, w->id, from, to);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsToolFigures *tool = find_tool (w->tools, ys_database_column_text (stmt, 0));

      if (tool == NULL)
        continue;
      tool->yes = sqlite3_column_int (stmt, 1);
      tool->no = sqlite3_column_int (stmt, 2);
      tool->yes_share = ratio (tool->yes, tool->yes + tool->no);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  /* Divergence: the feeling and the clock disagree. */
  for (guint i = 0; i < w->tools->len; i++)
    {
      YsToolFigures *tool = &g_array_index (w->tools, YsToolFigures, i);
      gboolean faster;

      if (tool->runs < YS_STATS_ENOUGH_RUNS || tool->yes + tool->no < 3 ||
          w->without_ai.runs < YS_STATS_ENOUGH_RUNS)
        continue;

      faster = tool->median_seconds < w->without_ai.median_seconds;
      tool->divergent = (tool->yes_share > 0.5 && !faster) || (tool->yes_share < 0.5 && faster);
    }
  return TRUE;
}

static void
compute_change (YsWorkflowFigures *w,
                double             weeks)
{
  const YsModeFigures *before = &w->without_ai;
  const YsModeFigures *after = &w->with_ai;

  w->change_percent = NAN;
  if (before->runs > 0 && after->runs > 0 && before->median_seconds > 0)
    w->change_percent = round ((after->median_seconds - before->median_seconds) /
                               before->median_seconds * 1000.0) / 10.0;

  w->enough_data = before->runs >= YS_STATS_ENOUGH_RUNS && after->runs >= YS_STATS_ENOUGH_RUNS;
  w->clear = w->enough_data && before->ci_low >= 0 && after->ci_low >= 0 &&
             (after->ci_high < before->ci_low || after->ci_low > before->ci_high);

  w->has_time_saved = w->enough_data;
  if (w->has_time_saved)
    {
      w->time_saved_per_week = llround ((before->median_seconds - after->median_seconds) *
                                        after->runs / weeks);
      w->time_saved_per_person_per_week = llround ((double) w->time_saved_per_week /
                                                   MAX (1, w->people));
    }
}

/* The top-level "costs": every live tool with a cost counts, used in the
 * period or not (the team pays for it either way); the hours come from
 * clear changes only, a clear loss included. */
static gboolean
compute_costs (YsDatabase  *db,
               YsSummary   *summary,
               GError     **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT count (monthly_cost), coalesce (sum (monthly_cost), 0) FROM tools"
    " WHERE deleted = 0", error);
  guint days = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = ys_database_step (db, stmt, error)) != SQLITE_ROW)
    return FALSE;
  if (summary->has_period)
    days = ys_costs_period_days (&summary->from, &summary->to);
  ys_costs_init (&summary->costs, sqlite3_column_int64 (stmt, 0) > 0,
                 sqlite3_column_int64 (stmt, 1), days);
  sqlite3_reset (stmt);

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
workflow_figures_clear (gpointer data)
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

static void
empty_mode (YsModeFigures *m)
{
  m->runs = 0;
  m->median_seconds = m->corrections_per_run = m->correction_rate = m->used_rate = NAN;
  m->ci_low = m->ci_high = -1;
}

static gboolean
history_bounds (YsDatabase  *db,
                GDate       *from,
                GDate       *to,
                gboolean    *found,
                GError     **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT min (d.day), max (d.day) FROM daily d"
    " JOIN workflows w ON w.id = d.workflow_id AND w.deleted = 0 WHERE d.runs > 0", error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  rc = ys_database_step (db, stmt, error);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *found = ys_parse_iso_date ((const char *) sqlite3_column_text (stmt, 0), from) &&
             ys_parse_iso_date ((const char *) sqlite3_column_text (stmt, 1), to);
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The whole history: from the earliest to the latest run date. */
gboolean
ys_stats_history_bounds (YsStore   *store,
                         GDate     *from,
                         GDate     *to,
                         gboolean  *found,
                         GError   **error)
{
  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  return history_bounds (ys_store_get_database (store), from, to, found, error);
}

YsSummary *
ys_summary_compute (YsStore      *store,
                    const GDate  *from,
                    const GDate  *to,
                    GError      **error)
{
  return ys_summary_compute_one (store, from, to, NULL, error);
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
  GListModel *workflows;
  char from_text[11] = ALL_FROM;
  char to_text[11] = ALL_TO;
  double weeks = 1;
  gboolean whole_history;
  GDate first, last;
  gboolean any_runs;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  db = ys_store_get_database (store);
  summary = g_new0 (YsSummary, 1);
  summary->workflows = g_ptr_array_new_with_free_func (workflow_figures_clear);
  g_date_clear (&summary->from, 1);
  g_date_clear (&summary->to, 1);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  if (!history_bounds (db, &first, &last, &any_runs, error))
    return NULL;

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

  /* A period that holds every run can use the per-duration counts. */
  if (!any_runs)
    whole_history = TRUE;
  else
    whole_history = g_date_compare (&summary->from, &first) <= 0 &&
                    g_date_compare (&summary->to, &last) >= 0;
  whole_history = whole_history && use_counts;

  if (summary->has_period)
    {
      ys_format_iso_date (&summary->from, from_text);
      ys_format_iso_date (&summary->to, to_text);
      /* Days between the two dates, as the worked example of FORMAT.md
       * counts them (2026-07-01..2026-09-30 is 91 days, 13 weeks). */
      weeks = MAX (1.0, g_date_days_between (&summary->from, &summary->to) / 7.0);
    }

  workflows = ys_store_get_workflows (store);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      YsWorkflowFigures *w;

      if (workflow_id != NULL && g_strcmp0 (ys_workflow_get_id (workflow), workflow_id) != 0)
        continue;

      w = g_new0 (YsWorkflowFigures, 1);

      w->id = g_strdup (ys_workflow_get_id (workflow));
      w->name = g_strdup (ys_workflow_get_name (workflow));
      w->archived = ys_workflow_get_archived (workflow);
      w->people = ys_workflow_get_people (workflow);
      w->tools = g_array_new (FALSE, FALSE, sizeof (YsToolFigures));
      empty_mode (&w->without_ai);
      empty_mode (&w->with_ai);

      g_ptr_array_add (summary->workflows, w);
      if (summary->has_period &&
          (!compute_modes (db, w, from_text, to_text, whole_history, error) ||
           !compute_tools (db, w, from_text, to_text, whole_history, error)))
        return NULL;
      compute_change (w, weeks);
    }

  if (workflow_id == NULL && !compute_costs (db, summary, error))
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

/* Weekly series ---------------------------------------------------------------- */

static int
compare_weeks (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (&((const YsWeek *) a)->monday, &((const YsWeek *) b)->monday);
}

GArray *
ys_stats_weekly (YsStore      *store,
                 const char   *workflow_id,
                 const GDate  *from,
                 const GDate  *to,
                 GError      **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (YsWeek));
  char from_text[11] = ALL_FROM;
  char to_text[11] = ALL_TO;
  YsDatabase *db;
  sqlite3_stmt *groups;
  sqlite3_stmt *ranks;
  YsWeek *week = NULL;
  int week_mode = -1;
  gint64 corrected = 0, used = 0, unused = 0;
  char monday_text[11] = "";
  int rc;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  db = ys_store_get_database (store);
  if (from != NULL)
    ys_format_iso_date (from, from_text);
  if (to != NULL)
    ys_format_iso_date (to, to_text);

  /* Per mode and day from the triggers' totals, summed into ISO weeks here
   * (day order is the primary key's order); then each week's median by a
   * seek into runs_by_week. */
  groups = ys_database_prepare (db,
    "SELECT mode, day, sum (runs), sum (corrected), sum (used_yes), sum (used_no)"
    " FROM daily WHERE workflow_id = :workflow AND day BETWEEN :from AND :to"
    " GROUP BY mode, day HAVING sum (runs) > 0 ORDER BY mode, day", error);
  if (groups == NULL)
    return NULL;
  ranks = ys_database_prepare (db,
    "SELECT duration_seconds FROM runs INDEXED BY runs_by_week"
    " WHERE workflow_id = :workflow AND mode = :mode AND started_week = :week AND deleted = 0"
    " AND started_on BETWEEN :from AND :to"
    " ORDER BY duration_seconds LIMIT -1 OFFSET :offset", error);
  if (ranks == NULL)
    return NULL;
  bind_period (groups, workflow_id, from_text, to_text);
  bind_period (ranks, workflow_id, from_text, to_text);

#define CLOSE_WEEK() \
  if (week != NULL) \
    { \
      week->correction_rate[week_mode] = ratio (corrected, week->runs[week_mode]); \
      week->used_rate[week_mode] = ratio (used, used + unused); \
      ys_database_bind_int64 (ranks, ":mode", week_mode); \
      ys_database_bind_text (ranks, ":week", monday_text); \
      if (!median_and_interval (db, ranks, week->runs[week_mode], \
                                &week->median_seconds[week_mode], NULL, NULL, error)) \
        { \
          sqlite3_reset (groups); \
          return NULL; \
        } \
    }

  while ((rc = ys_database_step (db, groups, error)) == SQLITE_ROW)
    {
      int mode = sqlite3_column_int (groups, 0) ? 1 : 0;
      GDate day, monday;
      char text[11];
      gpointer position;

      if (!ys_parse_iso_date ((const char *) sqlite3_column_text (groups, 1), &day))
        continue;
      monday = day;
      g_date_subtract_days (&monday, g_date_get_weekday (&day) - G_DATE_MONDAY);
      ys_format_iso_date (&monday, text);

      if (week == NULL || mode != week_mode || strcmp (text, monday_text) != 0)
        {
          CLOSE_WEEK ();
          if (!g_hash_table_lookup_extended (index, text, NULL, &position))
            {
              YsWeek fresh = { 0 };

              fresh.monday = monday;
              for (int m = 0; m < 2; m++)
                fresh.median_seconds[m] = fresh.correction_rate[m] = fresh.used_rate[m] = NAN;
              position = GUINT_TO_POINTER (weeks->len);
              g_array_append_val (weeks, fresh);
              g_hash_table_insert (index, g_strdup (text), position);
            }
          week = &g_array_index (weeks, YsWeek, GPOINTER_TO_UINT (position));
          week_mode = mode;
          memcpy (monday_text, text, sizeof monday_text);
          corrected = used = unused = 0;
        }

      week->runs[mode] += sqlite3_column_int (groups, 2);
      corrected += sqlite3_column_int64 (groups, 3);
      used += sqlite3_column_int64 (groups, 4);
      unused += sqlite3_column_int64 (groups, 5);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  CLOSE_WEEK ();
#undef CLOSE_WEEK
  sqlite3_reset (groups);
  sqlite3_clear_bindings (ranks);

  g_array_sort (weeks, compare_weeks);
  return g_steal_pointer (&weeks);
}

gboolean
ys_stats_run_points (YsStore      *store,
                     const char   *workflow_id,
                     const GDate  *from,
                     const GDate  *to,
                     guint         limit,
                     GArray       *days,
                     GArray       *durations,
                     GError      **error)
{
  char from_text[11] = ALL_FROM;
  char to_text[11] = ALL_TO;
  YsDatabase *db;
  sqlite3_stmt *stmt;
  gboolean within = TRUE;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  db = ys_store_get_database (store);
  if (from != NULL)
    ys_format_iso_date (from, from_text);
  if (to != NULL)
    ys_format_iso_date (to, to_text);

  stmt = ys_database_prepare (db,
    "SELECT started_on, duration_seconds FROM runs INDEXED BY runs_by_duration"
    " WHERE workflow_id = :workflow AND mode IN (0, 1) AND deleted = 0"
    " AND started_on BETWEEN :from AND :to LIMIT :limit", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, workflow_id, from_text, to_text);
  ys_database_bind_int64 (stmt, ":limit", (gint64) limit + 1);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      GDate day;
      double julian, duration;

      if (days->len >= limit)
        {
          within = FALSE;
          break;
        }
      if (!ys_parse_iso_date ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      julian = g_date_get_julian (&day);
      duration = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (days, julian);
      g_array_append_val (durations, duration);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    within = FALSE;
  sqlite3_reset (stmt);

  if (!within)
    {
      g_array_set_size (days, 0);
      g_array_set_size (durations, 0);
    }
  return within;
}

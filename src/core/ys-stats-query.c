/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ys-stats-query.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * The SQL behind the figures. Counts and rates are sums over the per-day
 * totals the triggers keep. A duration stream, (duration, count) pairs in
 * ascending duration, comes from the per-duration counts for the whole
 * history; for a period, from whichever reads fewer rows: the period's runs
 * along a covering index (counted here by duration), or the counts less
 * the runs outside the period. No list of runs is ever held in memory, only
 * one count per distinct duration.
 */

#define ALL_FROM "0000-01-01"
#define ALL_TO "9999-12-31"

/* The key of the workflow whose id is bound as :workflow. */
#define WORKFLOW YS_STORE_WORKFLOW_KEY (":workflow")

/* The Monday of the ISO week of a local date, as runs.started_week has it. */
#define WEEK_OF(parameter) "date (" parameter ", 'weekday 0', '-6 days')"

static YsStatsPlan plan = YS_STATS_PLAN_AUTO;

void
ys_stats_set_plan (YsStatsPlan new_plan)
{
  plan = new_plan;
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

/* Bounds and totals ----------------------------------------------------------- */

gboolean
ys_stats_query_history_bounds (YsDatabase  *db,
                               GDate       *from,
                               GDate       *to,
                               gboolean    *found,
                               GError     **error)
{
  /* The first and last day of each live workflow and mode: a seek each
   * along the per-day totals' key, not a walk over all of them. */
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT min (first), max (last) FROM (SELECT"
    " (SELECT day FROM daily d WHERE d.workflow = w.key AND d.mode = m.mode AND d.runs > 0"
    "  ORDER BY d.day LIMIT 1) AS first,"
    " (SELECT day FROM daily d WHERE d.workflow = w.key AND d.mode = m.mode AND d.runs > 0"
    "  ORDER BY d.day DESC LIMIT 1) AS last"
    " FROM workflows w, (SELECT 0 AS mode UNION ALL SELECT 1) m WHERE w.deleted = 0)", error);
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

gboolean
ys_stats_history_bounds (YsStore   *store,
                         GDate     *from,
                         GDate     *to,
                         gboolean  *found,
                         GError   **error)
{
  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  return ys_stats_query_history_bounds (ys_store_get_database (store), from, to, found, error);
}

gboolean
ys_stats_query_totals (YsDatabase          *db,
                       const char          *workflow_id,
                       const YsStatsRange  *range,
                       YsStatsTotals        totals[2],
                       GError             **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT mode, sum (runs), sum (corrections), sum (corrected), sum (used_yes), sum (used_no),"
    " sum (drawn), sum (overridden)"
    " FROM daily WHERE workflow = " WORKFLOW " AND day BETWEEN :from AND :to GROUP BY mode",
    error);
  int rc;

  memset (totals, 0, 2 * sizeof *totals);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, workflow_id, range ? range->from : ALL_FROM, range ? range->to : ALL_TO);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsStatsTotals *t = &totals[sqlite3_column_int (stmt, 0) ? 1 : 0];

      t->runs = sqlite3_column_int64 (stmt, 1);
      t->corrections = sqlite3_column_int64 (stmt, 2);
      t->corrected = sqlite3_column_int64 (stmt, 3);
      t->used_yes = sqlite3_column_int64 (stmt, 4);
      t->used_no = sqlite3_column_int64 (stmt, 5);
      t->drawn = sqlite3_column_int64 (stmt, 6);
      t->overridden = sqlite3_column_int64 (stmt, 7);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_stats_query_tool_costs (YsDatabase  *db,
                           gboolean    *any_cost,
                           gint64      *monthly_cents,
                           GError     **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT count (monthly_cost), coalesce (sum (monthly_cost), 0) FROM tools"
    " WHERE deleted = 0", error);

  if (stmt == NULL || ys_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *any_cost = sqlite3_column_int64 (stmt, 0) > 0;
  *monthly_cents = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Duration streams ------------------------------------------------------------ */

/* Adds @count runs of @value to @stream, whose last value is at most it. */
static void
append_value (GArray  *stream,
              gint64   value,
              guint64  count)
{
  YsValueCount row = { value, count };

  if (stream->len > 0 && g_array_index (stream, YsValueCount, stream->len - 1).value == value)
    g_array_index (stream, YsValueCount, stream->len - 1).count += count;
  else
    g_array_append_val (stream, row);
}

/* The whole history, from the per-duration counts: every run, and the
 * drawn ones, in one walk. */
static gboolean
read_counts (YsDatabase    *db,
             const char    *workflow_id,
             YsMode         mode,
             GArray        *all,
             GArray        *drawn,
             GError       **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db,
    "SELECT duration_seconds, drawn, runs FROM mode_durations"
    " WHERE workflow = " WORKFLOW " AND mode = :mode AND runs > 0"
    " ORDER BY duration_seconds, drawn", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_int64 (stmt, ":mode", mode);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      guint64 count = (guint64) sqlite3_column_int64 (stmt, 2);

      append_value (all, value, count);
      if (sqlite3_column_int (stmt, 1))
        append_value (drawn, value, count);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The period's runs, or the runs before or after it, along the index of
 * weeks (its range on started_week keeps the scan to the weeks concerned),
 * which also holds how each run's mode was decided. */
enum { INSIDE, BEFORE, AFTER };

static const char *const scans[] = {
  "SELECT duration_seconds, assignment FROM runs INDEXED BY runs_by_week"
  " WHERE workflow = " WORKFLOW " AND mode = :mode AND deleted = 0"
  " AND started_week BETWEEN " WEEK_OF (":from") " AND " WEEK_OF (":to")
  " AND started_on BETWEEN :from AND :to",
  "SELECT duration_seconds, assignment FROM runs INDEXED BY runs_by_week"
  " WHERE workflow = " WORKFLOW " AND mode = :mode AND deleted = 0"
  " AND started_week <= " WEEK_OF (":from") " AND started_on < :from AND :to IS NOT NULL",
  "SELECT duration_seconds, assignment FROM runs INDEXED BY runs_by_week"
  " WHERE workflow = " WORKFLOW " AND mode = :mode AND deleted = 0"
  " AND started_week >= " WEEK_OF (":to") " AND started_on > :to AND :from IS NOT NULL",
};

static void
count_one (GHashTable *counts,
           gint64      value)
{
  gpointer key = GINT_TO_POINTER ((int) value);

  g_hash_table_insert (counts, key,
                       GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key)) + 1));
}

/* Counts the durations of one scan (duration → count), drawn ones apart. */
static gboolean
count_scan (YsDatabase          *db,
            const char          *workflow_id,
            YsMode               mode,
            int                  part,
            const YsStatsRange  *range,
            GHashTable          *all,
            GHashTable          *drawn,
            GError             **error)
{
  sqlite3_stmt *stmt = ys_database_prepare (db, scans[part], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, workflow_id, range->from, range->to);
  ys_database_bind_int64 (stmt, ":mode", mode);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      count_one (all, value);
      if (sqlite3_column_int (stmt, 1) == YS_ASSIGNMENT_DRAWN)
        count_one (drawn, value);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  gint64 x = ((const YsValueCount *) a)->value, y = ((const YsValueCount *) b)->value;

  return (x > y) - (x < y);
}

static void
stream_from_counts (GHashTable *counts,
                    GArray     *stream)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      YsValueCount row = { GPOINTER_TO_INT (key), GPOINTER_TO_SIZE (value) };

      g_array_append_val (stream, row);
    }
  g_array_sort (stream, compare_values);
}

/* The position of @value in @stream, or -1. */
static int
find_value (const GArray *stream,
            gint64        value)
{
  guint lo = 0, hi = stream->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 at = g_array_index (stream, YsValueCount, mid).value;

      if (at == value)
        return (int) mid;
      if (at < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

/* @stream less the runs in @counts (which it holds), without empty rows. */
static void
subtract_counts (GArray     *stream,
                 GHashTable *counts)
{
  GHashTableIter iter;
  gpointer key, value;
  guint kept = 0;

  if (g_hash_table_size (counts) == 0)
    return;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int at = find_value (stream, GPOINTER_TO_INT (key));

      /* The counts and the runs are kept in step by the triggers. */
      g_assert (at >= 0);
      g_assert (g_array_index (stream, YsValueCount, at).count >= GPOINTER_TO_SIZE (value));
      g_array_index (stream, YsValueCount, at).count -= GPOINTER_TO_SIZE (value);
    }
  for (guint i = 0; i < stream->len; i++)
    if (g_array_index (stream, YsValueCount, i).count > 0)
      g_array_index (stream, YsValueCount, kept++) = g_array_index (stream, YsValueCount, i);
  g_array_set_size (stream, kept);
}

gboolean
ys_stats_query_durations (YsDatabase           *db,
                          const char           *workflow_id,
                          YsMode                mode,
                          const YsStatsRange   *range,
                          const YsStatsTotals  *in_range,
                          const YsStatsTotals  *in_all,
                          GArray               *all,
                          GArray               *drawn,
                          GError              **error)
{
  g_autoptr(GHashTable) all_counts = NULL;
  g_autoptr(GHashTable) drawn_counts = NULL;
  gboolean inside;

  g_return_val_if_fail (all->len == 0 && drawn->len == 0, FALSE);

  if (in_range->runs == 0)
    return TRUE;

  switch (plan)
    {
    case YS_STATS_PLAN_INSIDE:
      inside = TRUE;
      break;
    case YS_STATS_PLAN_OUTSIDE:
      inside = FALSE;
      break;
    case YS_STATS_PLAN_AUTO:
    default:
      inside = !range->whole && in_range->runs <= in_all->runs - in_range->runs;
      break;
    }

  all_counts = g_hash_table_new (NULL, NULL);
  drawn_counts = g_hash_table_new (NULL, NULL);

  if (inside)
    {
      if (!count_scan (db, workflow_id, mode, INSIDE, range, all_counts, drawn_counts, error))
        return FALSE;
      stream_from_counts (all_counts, all);
      stream_from_counts (drawn_counts, drawn);
      return TRUE;
    }

  /* The whole history's counts, less the runs before and after the period. */
  if (!read_counts (db, workflow_id, mode, all, drawn, error))
    return FALSE;
  if (range->whole)
    return TRUE;
  if (!count_scan (db, workflow_id, mode, BEFORE, range, all_counts, drawn_counts, error) ||
      !count_scan (db, workflow_id, mode, AFTER, range, all_counts, drawn_counts, error))
    return FALSE;
  subtract_counts (all, all_counts);
  subtract_counts (drawn, drawn_counts);
  return TRUE;
}

/* Tools ---------------------------------------------------------------------- */

gboolean
ys_stats_query_tools (YsDatabase          *db,
                      const char          *workflow_id,
                      const YsStatsRange  *range,
                      GArray              *tools,
                      GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Every tool named by a run with AI or an answer in the period, with
   * its runs from the per-day totals and its answers. */
  stmt = ys_database_prepare (db,
    "SELECT t.id, t.name, coalesce (r.runs, 0), coalesce (r.used_yes, 0),"
    " coalesce (r.used_no, 0), coalesce (f.yes, 0), coalesce (f.no, 0) FROM tools t"
    " LEFT JOIN (SELECT tool, sum (runs) AS runs, sum (used_yes) AS used_yes,"
    "  sum (used_no) AS used_no FROM daily WHERE workflow = " WORKFLOW " AND mode = 1"
    "  AND day BETWEEN :from AND :to GROUP BY tool) r ON r.tool = t.key"
    " LEFT JOIN (SELECT tool_id, sum (saves_time = 1) AS yes, sum (saves_time = 0) AS no"
    "  FROM feedback WHERE workflow_id = :workflow AND deleted = 0"
    "  AND given_on BETWEEN :from AND :to GROUP BY tool_id) f ON f.tool_id = t.id"
    " WHERE t.deleted = 0 AND (r.runs > 0 OR f.tool_id IS NOT NULL)"
    " ORDER BY t.name, t.id", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, workflow_id, range->from, range->to);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      YsToolFigures tool = { 0 };
      gint64 used = sqlite3_column_int64 (stmt, 3);
      gint64 unused = sqlite3_column_int64 (stmt, 4);

      tool.id = g_strdup (ys_database_column_text (stmt, 0));
      tool.name = g_strdup (ys_database_column_text (stmt, 1));
      tool.runs = sqlite3_column_int (stmt, 2);
      tool.median_seconds = NAN;
      tool.used_rate = ratio (used, used + unused);
      tool.used_yes = (guint) used;
      tool.used_known = (guint) (used + unused);
      tool.yes = sqlite3_column_int (stmt, 5);
      tool.no = sqlite3_column_int (stmt, 6);
      tool.yes_share = ratio (tool.yes, tool.yes + tool.no);
      tool.divergent = -1;
      g_array_append_val (tools, tool);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_stats_query_tool_median (YsDatabase          *db,
                            const char          *workflow_id,
                            YsToolFigures       *tool,
                            const YsStatsRange  *range,
                            GError             **error)
{
  YsMedianWalk walk;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  tool->median_seconds = NAN;
  if (tool->runs == 0)
    return TRUE;

  /* From the counts, or along runs_by_tool_duration (ordered by duration). */
  if (range->whole && plan != YS_STATS_PLAN_INSIDE)
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds, sum (runs) FROM durations"
        " WHERE workflow = " WORKFLOW " AND mode = 1 AND tool = " YS_STORE_TOOL_KEY (":tool")
        " GROUP BY duration_seconds HAVING sum (runs) > 0 ORDER BY duration_seconds", error);
      if (stmt == NULL)
        return FALSE;
      ys_database_bind_text (stmt, ":workflow", workflow_id);
    }
  else
    {
      stmt = ys_database_prepare (db,
        "SELECT duration_seconds, count(*) FROM runs INDEXED BY runs_by_tool_duration"
        " WHERE workflow = " WORKFLOW " AND mode = 1 AND tool = " YS_STORE_TOOL_KEY (":tool")
        " AND deleted = 0"
        " AND started_on BETWEEN :from AND :to"
        " GROUP BY duration_seconds ORDER BY duration_seconds", error);
      if (stmt == NULL)
        return FALSE;
      bind_period (stmt, workflow_id, range->from, range->to);
    }
  ys_database_bind_text (stmt, ":tool", tool->id);

  ys_median_walk_init (&walk, tool->runs);
  while ((rc = ys_database_step (db, stmt, error)) == SQLITE_ROW &&
         ys_median_walk_push (&walk, sqlite3_column_int64 (stmt, 0),
                              (guint64) sqlite3_column_int64 (stmt, 1)))
    ;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  tool->median_seconds = ys_median_walk_median (&walk);
  return TRUE;
}

/* Weekly series ---------------------------------------------------------------- */

/*
 * A week's median: @stmt lists one week's durations in ascending order from
 * a covering index, starting at the offset bound to :offset; one seek to
 * the lower middle rank, then one step more for an even count.
 */
static gboolean
week_median (YsDatabase    *db,
             sqlite3_stmt  *stmt,
             guint          n,
             double        *median,
             GError       **error)
{
  guint low_middle = (n + 1) / 2;
  guint high_middle = n / 2 + 1;
  gint64 low_value = 0, high_value = 0;
  int rc = SQLITE_ROW;

  *median = NAN;
  if (n == 0)
    return TRUE;

  ys_database_bind_int64 (stmt, ":offset", (gint64) low_middle - 1);
  for (guint rank = low_middle; rank <= high_middle; rank++)
    {
      if ((rc = ys_database_step (db, stmt, error)) != SQLITE_ROW)
        break;
      if (rank == low_middle)
        low_value = sqlite3_column_int64 (stmt, 0);
      if (rank == high_middle)
        high_value = sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  *median = (low_value + high_value) / 2.0;
  return TRUE;
}

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
    " FROM daily WHERE workflow = " WORKFLOW " AND day BETWEEN :from AND :to"
    " GROUP BY mode, day HAVING sum (runs) > 0 ORDER BY mode, day", error);
  if (groups == NULL)
    return NULL;
  ranks = ys_database_prepare (db,
    "SELECT duration_seconds FROM runs INDEXED BY runs_by_week"
    " WHERE workflow = " WORKFLOW " AND mode = :mode AND started_week = :week AND deleted = 0"
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
      week->corrected[week_mode] = (guint) corrected; \
      week->used_yes[week_mode] = (guint) used; \
      week->used_known[week_mode] = (guint) (used + unused); \
      ys_database_bind_int64 (ranks, ":mode", week_mode); \
      ys_database_bind_text (ranks, ":week", monday_text); \
      if (!week_median (db, ranks, week->runs[week_mode], \
                        &week->median_seconds[week_mode], error)) \
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
    "SELECT started_on, duration_seconds FROM runs INDEXED BY runs_by_week"
    " WHERE workflow = " WORKFLOW " AND mode IN (0, 1) AND deleted = 0"
    " AND started_week BETWEEN " WEEK_OF (":from") " AND " WEEK_OF (":to")
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

/* A read export's entries as the "Bring in history" assistant and
 * --match see them: which entries a text picks, and what they hold. */

#include "config.h"

#include <string.h>

#include "ys-tracker-csv-private.h"

YsTrackerFormat
ys_tracker_csv_get_format (YsTrackerCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);

  return csv->format;
}

guint
ys_tracker_csv_get_n_entries (YsTrackerCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);

  return csv->entries->len;
}

const YsTrackerEntry *
ys_tracker_csv_get_entry (YsTrackerCsv *csv,
                          guint         index)
{
  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (index < csv->entries->len, NULL);

  return &((Entry *) g_ptr_array_index (csv->entries, index))->entry;
}

static gboolean
entry_matches (const Entry *entry,
               const char  *folded_match)
{
  if (folded_match == NULL || folded_match[0] == '\0')
    return TRUE;
  if (strstr (entry->folded_project, folded_match) != NULL ||
      strstr (entry->folded_description, folded_match) != NULL)
    return TRUE;
  for (guint t = 0; entry->folded_tags[t] != NULL; t++)
    if (strstr (entry->folded_tags[t], folded_match) != NULL)
      return TRUE;
  return FALSE;
}

static char *
fold_match (const char *match)
{
  if (match == NULL || match[0] == '\0' || !g_utf8_validate (match, -1, NULL))
    return NULL;
  return ys_tracker_fold (match);
}

gboolean
ys_tracker_csv_matches (YsTrackerCsv *csv,
                        guint         index,
                        const char   *match)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (index < csv->entries->len, FALSE);

  folded = fold_match (match);
  return entry_matches (g_ptr_array_index (csv->entries, index), folded);
}

GPtrArray *
ys_tracker_csv_filter (YsTrackerCsv *csv,
                       const char   *match)
{
  g_autofree char *folded = NULL;
  GPtrArray *result;

  g_return_val_if_fail (csv != NULL, NULL);

  folded = fold_match (match);
  result = g_ptr_array_new ();
  for (guint i = 0; i < csv->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (csv->entries, i);

      if (entry->entry.status == YS_TRACKER_ENTRY_OK && entry_matches (entry, folded))
        g_ptr_array_add (result, &entry->entry);
    }
  return result;
}

static void
count_free (gpointer data)
{
  YsTrackerCount *count = data;

  g_free (count->name);
  g_free (count);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const YsTrackerCount *x = *(YsTrackerCount * const *) a;
  const YsTrackerCount *y = *(YsTrackerCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
tally (GHashTable *counts,
       const char *name)
{
  YsTrackerCount *count = g_hash_table_lookup (counts, name);

  if (count == NULL)
    {
      count = g_new0 (YsTrackerCount, 1);
      count->name = g_strdup (name);
      g_hash_table_insert (counts, count->name, count);
    }
  count->count++;
}

static GPtrArray *
sorted_counts (GHashTable *counts)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (count_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (array, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (array, compare_counts);
  return array;
}

YsTrackerSummary *
ys_tracker_csv_summarize (YsTrackerCsv *csv,
                          const char   *match)
{
  g_autoptr(GHashTable) projects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, count_free);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, count_free);
  g_autofree char *folded = NULL;
  YsTrackerSummary *summary;

  g_return_val_if_fail (csv != NULL, NULL);

  folded = fold_match (match);
  summary = g_new0 (YsTrackerSummary, 1);
  summary->format = csv->format;
  g_date_clear (&summary->first_day, 1);
  g_date_clear (&summary->last_day, 1);

  for (guint i = 0; i < csv->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (csv->entries, i);
      GDate day;
      int year, month, mday;

      if (!entry_matches (entry, folded))
        continue;

      switch (entry->entry.status)
        {
        case YS_TRACKER_ENTRY_TOO_SHORT:
        case YS_TRACKER_ENTRY_TOO_LONG:
          summary->n_skipped++;
          continue;
        case YS_TRACKER_ENTRY_REPEATED:
          summary->n_repeated++;
          continue;
        case YS_TRACKER_ENTRY_OK:
        default:
          break;
        }

      summary->n_entries++;
      tally (projects, entry->entry.project);
      for (guint t = 0; entry->entry.tags[t] != NULL; t++)
        tally (tags, entry->entry.tags[t]);

      g_date_time_get_ymd (entry->entry.started_at, &year, &month, &mday);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, mday, month, year);
      if (!g_date_valid (&summary->first_day) || g_date_compare (&day, &summary->first_day) < 0)
        summary->first_day = day;
      if (!g_date_valid (&summary->last_day) || g_date_compare (&day, &summary->last_day) > 0)
        summary->last_day = day;
    }

  summary->projects = sorted_counts (projects);
  summary->tags = sorted_counts (tags);
  return summary;
}

void
ys_tracker_summary_free (YsTrackerSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->projects);
  g_ptr_array_unref (summary->tags);
  g_free (summary);
}

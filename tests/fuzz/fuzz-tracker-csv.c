/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "ys-tracker-csv.h"

/* libFuzzer target: any input is either read whole or refused with a
 * message that names the file; never a crash, a sanitizer
 * report or a critical. The sample files in tests/unit/data/tracker make
 * a good seed corpus. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerCsv) csv = NULL;

  g_setenv ("TZ", "Europe/Berlin", FALSE);
  csv = ys_tracker_csv_read (stream, "fuzz.csv", NULL, &error);
  g_assert ((csv == NULL) == (error != NULL));
  if (csv == NULL)
    {
      g_assert (g_str_has_prefix (error->message, "fuzz.csv: "));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < ys_tracker_csv_get_n_entries (csv); i++)
    {
      const YsTrackerEntry *entry = ys_tracker_csv_get_entry (csv, i);

      g_assert (g_uuid_string_is_valid (entry->id));
      g_assert (entry->started_at != NULL);
      g_assert (g_utf8_validate (entry->project, -1, NULL));
      g_assert (g_utf8_validate (entry->description, -1, NULL));
      g_assert ((entry->status == YS_TRACKER_ENTRY_OK) ==
                (entry->duration_seconds >= 1 && entry->duration_seconds <= 604800 &&
                 entry->status != YS_TRACKER_ENTRY_REPEATED));
    }

  {
    g_autoptr(GPtrArray) all = ys_tracker_csv_filter (csv, NULL);
    g_autoptr(YsTrackerSummary) summary = ys_tracker_csv_summarize (csv, "a");

    g_assert (summary->n_entries <= all->len);
  }
  return 0;
}

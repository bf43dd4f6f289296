/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "ys-bundle.h"

/* libFuzzer target: any input must be either merged or refused with a
 * message; never a crash, a sanitizer report or a critical. What was
 * accepted must export, import again without a change, and export to the
 * same bytes. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GBytes *
export (YsStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error))
    g_error ("an accepted bundle did not export: %s", error->message);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* The bundle without the value of "exported_at", which is the time of the
 * export, to the second. */
static char *
without_export_time (GBytes *bundle)
{
  gsize length;
  const char *text = g_bytes_get_data (bundle, &length);
  const char *key = g_strstr_len (text, length, "\"exported_at\": \"");
  const char *end;

  g_assert (key != NULL);
  end = strchr (key + strlen ("\"exported_at\": \""), '"');
  g_assert (end != NULL);
  return g_strdup_printf ("%.*s%.*s", (int) (key - text), text,
                          (int) (length - (gsize) (end - text)), end);
}

static void
assert_nothing_changed (const YsImportResult *result)
{
  const YsMergeCounts *all[] = { &result->workflows, &result->tools, &result->runs,
                                 &result->feedback, &result->reviews };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_assert (all[i]->added == 0 && all[i]->updated == 0);
  g_assert (result->archived_on_import == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (":memory:", &error);
  YsImportResult result;
  gboolean ok;

  g_assert_no_error (error);

  ok = ys_bundle_import_data (store, "fuzz.json", (const char *) data, size, &result, &error);
  g_assert (ok == (error == NULL));
  if (!ok)
    g_assert (g_str_has_prefix (error->message, "fuzz.json: "));
  else
    {
      g_autoptr(GBytes) first = export (store);
      g_autoptr(GBytes) second = NULL;
      g_autofree char *first_text = without_export_time (first);
      g_autofree char *second_text = NULL;
      gsize length;
      const char *bytes = g_bytes_get_data (first, &length);

      if (!ys_bundle_import_data (store, "again.json", bytes, length, &result, &error))
        g_error ("an exported bundle was refused: %s", error->message);
      assert_nothing_changed (&result);

      second = export (store);
      second_text = without_export_time (second);
      g_assert_cmpstr (first_text, ==, second_text);
    }

  return 0;
}

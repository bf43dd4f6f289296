/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "ys-bundle-parser.h"
#include "ys-bundle.h"

/* libFuzzer target: any input must be either merged or refused with a
 * message; never a crash, a sanitizer report or a critical. The streaming
 * reader must give the same verdict whatever pieces the input comes in,
 * and inputs of odd length are set aside on disk as a large bundle is
 * (ys-bundle-staging.c). What was accepted must export, import again
 * without a change, and export to the same bytes. */

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

/* The message, or the records of each kind. */
static char *
verdict (const uint8_t *data,
         size_t         size,
         size_t         piece)
{
  g_autoptr(YsBundleParser) parser = ys_bundle_parser_new ("fuzz.json");
  g_autoptr(YsBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  for (size_t at = 0; at < size; at += piece)
    if (!ys_bundle_parser_feed (parser, (const char *) data + at, MIN (piece, size - at)))
      break;
  bundle = ys_bundle_parser_finish (parser, &error);
  g_assert ((bundle == NULL) == (error != NULL));
  if (bundle == NULL)
    return g_strdup (error->message);
  return g_strdup_printf ("%u %u %u %u %u", ys_bundle_get_n_records (bundle, YS_RECORD_WORKFLOW),
                          ys_bundle_get_n_records (bundle, YS_RECORD_TOOL),
                          ys_bundle_get_n_records (bundle, YS_RECORD_RUN),
                          ys_bundle_get_n_records (bundle, YS_RECORD_FEEDBACK),
                          ys_bundle_get_n_records (bundle, YS_RECORD_REVIEW));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (":memory:", &error);
  g_autofree char *whole = NULL;
  g_autofree char *in_pieces = NULL;
  YsImportResult result;
  gboolean ok;

  g_assert_no_error (error);

  ys_bundle_memory_limit = size % 2 == 1 ? 0 : 64 * 1024 * 1024;
  whole = verdict (data, size, MAX (size, 1));
  in_pieces = verdict (data, size, 1 + size % 7);
  if (strcmp (whole, in_pieces) != 0)
    g_error ("read whole: %s; in pieces of %zu: %s", whole, 1 + size % 7, in_pieces);

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

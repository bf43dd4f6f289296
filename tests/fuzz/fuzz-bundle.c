/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>

#include "ys-bundle.h"

/* libFuzzer target: any input must be either merged or refused with a
 * message; never a crash, a sanitizer report or a critical. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

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
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      /* What was accepted must export, and import again unchanged. */
      g_assert (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, NULL));
      g_output_stream_close (out, NULL, NULL);
      g_assert (ys_bundle_import_data (store, "again.json",
                                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                       &result, NULL));
      g_assert (result.runs.added == 0 && result.workflows.added == 0);
    }

  return 0;
}

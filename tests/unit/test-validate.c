/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ys-error.h"
#include "ys-run.h"
#include "ys-validate.h"

static void
test_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = ys_validate_name ("  Intake summary \n", YS_NAME_WORKFLOW, &error);
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autofree char *max_name = g_strnfill (200, 'x');
  g_autofree char *ok = NULL;
  char *refused;

  g_assert_no_error (error);
  g_assert_cmpstr (trimmed, ==, "Intake summary");

  refused = ys_validate_name ("   ", YS_NAME_WORKFLOW, &error);
  g_assert_null (refused);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A workflow needs a name.");
  g_clear_error (&error);

  refused = ys_validate_name ("", YS_NAME_TOOL, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "A tool needs a name.");
  g_clear_error (&error);

  refused = ys_validate_name (long_name, YS_NAME_TOOL, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "A name can be at most 200 characters long.");
  g_clear_error (&error);

  /* 200 characters is the limit, counted in characters, not bytes. */
  ok = ys_validate_name (max_name, YS_NAME_TOOL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_clear_pointer (&ok, g_free);
  ok = ys_validate_name ("Résumé de l’entretien", YS_NAME_WORKFLOW, &error);
  g_assert_no_error (error);

  refused = ys_validate_name ("\xff\xfe", YS_NAME_WORKFLOW, &error);
  g_assert_null (refused);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_validate_duration (1, NULL));
  g_assert_true (ys_validate_duration (604800, NULL));
  g_assert_false (ys_validate_duration (0, &error));
  g_assert_cmpstr (error->message, ==, "A run must take between 1 second and 7 days.");
  g_clear_error (&error);
  g_assert_false (ys_validate_duration (604801, NULL));
  g_assert_false (ys_validate_duration (-5, NULL));

  g_assert_true (ys_validate_corrections (0, NULL));
  g_assert_true (ys_validate_corrections (1000, NULL));
  g_assert_false (ys_validate_corrections (1001, &error));
  g_assert_cmpstr (error->message, ==, "Corrections must be between 0 and 1000.");
  g_clear_error (&error);
  g_assert_false (ys_validate_corrections (-1, NULL));

  g_assert_true (ys_validate_people (1, NULL));
  g_assert_true (ys_validate_people (10000, NULL));
  g_assert_false (ys_validate_people (0, &error));
  g_assert_cmpstr (error->message, ==, "The number of people must be between 1 and 10000.");
  g_clear_error (&error);
  g_assert_false (ys_validate_people (10001, NULL));
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *max = g_strnfill (10000, 'a');
  g_autofree char *over = g_strnfill (10001, 'a');

  g_assert_true (ys_validate_text (NULL, NULL));
  g_assert_true (ys_validate_text ("", NULL));
  g_assert_true (ys_validate_text (max, NULL));
  g_assert_false (ys_validate_text (over, &error));
  g_assert_cmpstr (error->message, ==, "A note can be at most 10000 characters long.");
  g_clear_error (&error);
  g_assert_false (ys_validate_text ("bad \xc3\x28", &error));
  g_assert_cmpstr (error->message, ==, "The text is not valid UTF-8.");
}

static void
test_mode_and_tool (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_validate_mode_tool (YS_MODE_WITHOUT_AI, NULL, NULL));
  g_assert_true (ys_validate_mode_tool (YS_MODE_WITH_AI, "some-tool", NULL));

  g_assert_false (ys_validate_mode_tool (YS_MODE_WITH_AI, NULL, &error));
  g_assert_cmpstr (error->message, ==, "A run with AI needs the tool it used.");
  g_clear_error (&error);
  g_assert_false (ys_validate_mode_tool (YS_MODE_WITH_AI, "", NULL));

  g_assert_false (ys_validate_mode_tool (YS_MODE_WITHOUT_AI, "some-tool", &error));
  g_assert_cmpstr (error->message, ==, "A run without AI cannot name a tool.");
}

static void
test_run_fields (void)
{
  g_autoptr(GError) error = NULL;
  YsRunFields fields = {
    .workflow_id = (char *) "w", .mode = YS_MODE_WITHOUT_AI, .started_at = 1763800000,
    .duration_seconds = 5400, .corrections = 1, .used = YS_USED_YES, .note = (char *) "",
  };

  g_assert_true (ys_run_fields_validate (&fields, &error));
  g_assert_no_error (error);

  fields.duration_seconds = 0;
  g_assert_false (ys_run_fields_validate (&fields, &error));
  g_assert_cmpstr (error->message, ==, "A run must take between 1 second and 7 days.");
  g_clear_error (&error);
  fields.duration_seconds = 5400;

  fields.mode = YS_MODE_WITH_AI;
  g_assert_false (ys_run_fields_validate (&fields, &error));
  g_assert_cmpstr (error->message, ==, "A run with AI needs the tool it used.");
  g_clear_error (&error);
  fields.mode = YS_MODE_WITHOUT_AI;

  fields.corrections = 5000;
  g_assert_false (ys_run_fields_validate (&fields, &error));
  g_assert_cmpstr (error->message, ==, "Corrections must be between 0 and 1000.");
  g_clear_error (&error);
  fields.corrections = 0;

  fields.workflow_id = NULL;
  g_assert_false (ys_run_fields_validate (&fields, &error));
  g_assert_cmpstr (error->message, ==, "Choose the workflow this run belongs to.");
  g_clear_error (&error);
  fields.workflow_id = (char *) "w";

  fields.used = 7;
  g_assert_false (ys_run_fields_validate (&fields, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
}

static void
test_uuid_and_dates (void)
{
  g_autofree char *fresh = ys_uuid_new ();
  GDate date;

  g_assert_true (ys_is_uuid (fresh));
  g_assert_true (ys_is_uuid ("0b7e8f9c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"));
  g_assert_false (ys_is_uuid ("0B7E8F9C-1D2E-4F3A-8B4C-5D6E7F8A9B0C"));
  g_assert_false (ys_is_uuid ("0b7e8f9c1d2e4f3a8b4c5d6e7f8a9b0c"));
  g_assert_false (ys_is_uuid ("0b7e8f9c-1d2e-4f3a-8b4c-5d6e7f8a9b0"));
  g_assert_false (ys_is_uuid ("zb7e8f9c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"));
  g_assert_false (ys_is_uuid (NULL));

  g_assert_true (ys_parse_iso_date ("2026-11-22", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 22);
  g_assert_true (ys_parse_iso_date ("2024-02-29", NULL));
  g_assert_false (ys_parse_iso_date ("2026-02-29", NULL));
  g_assert_false (ys_parse_iso_date ("2026-13-01", NULL));
  g_assert_false (ys_parse_iso_date ("2026-1-01", NULL));
  g_assert_false (ys_parse_iso_date ("22/11/2026", NULL));
  g_assert_false (ys_parse_iso_date ("", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/names", test_names);
  g_test_add_func ("/validate/numbers", test_numbers);
  g_test_add_func ("/validate/text", test_text);
  g_test_add_func ("/validate/mode-and-tool", test_mode_and_tool);
  g_test_add_func ("/validate/run-fields", test_run_fields);
  g_test_add_func ("/validate/uuid-and-dates", test_uuid_and_dates);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "ys-draw.h"
#include "ys-duration.h"
#include "ys-run-dialog.h"
#include "ys-run-row.h"
#include "ys-store.h"
#include "ys-test-ui.h"
#include "ys-timer-card.h"
#include "ys-window.h"
#include "ys-workflow-dialog.h"

/* The fair test in the window: the workflow dialog's setting, saved with
 * the workflow in one transaction; runs started through the real timer
 * card, drawn by the store from a seeded random source, kept through a
 * restart, done the other way, and balanced. */

#define SEED "16"

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  YsWindow *window;
  YsClock *clock;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  if (f->clock != NULL)
    ys_store_set_clock (f->store, f->clock);
  f->window = ys_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
close_window (Fixture *f)
{
  ys_test_destroy_toplevels ();
  f->window = NULL;
  g_clear_object (&f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ys-fair-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fair.db", NULL);
  /* Monday 23 November 2026, 09:00 UTC: each run moves it on. */
  f->clock = ys_clock_new_fixed ((gint64) 1795424400 * G_USEC_PER_SEC);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  close_window (f);
  g_clear_object (&f->clock);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
fair_test_of (Fixture    *f,
              const char *id)
{
  g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (f->store, id);

  g_assert_nonnull (workflow);
  return ys_workflow_get_fair_test (workflow);
}

static GtkWindow *
open_dialog (Fixture    *f,
             const char *action)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG)) != NULL);
  return dialog;
}

static void
save_dialog (GtkWindow *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG) == NULL);
}

/* On for a new workflow; the switch turns it off before the first run, and
 * Edit Workflow shows and changes it. A refused edit changes nothing. */
static void
test_setting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Intake summary", "", 1, &error);
  GtkWindow *dialog;
  GtkSwitch *fair_test;
  g_autofree char *fair_id = NULL;
  g_autofree char *chosen_id = NULL;

  g_assert_no_error (error);

  dialog = open_dialog (f, "win.add-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_true (gtk_switch_get_active (fair_test));
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Grant report section");
  save_dialog (dialog);
  fair_id = g_strdup (ys_window_get_selected_workflow_id (f->window));
  g_assert_true (fair_test_of (f, fair_id));

  dialog = open_dialog (f, "win.add-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Policy brief draft");
  gtk_switch_set_active (fair_test, FALSE);
  save_dialog (dialog);
  chosen_id = g_strdup (ys_window_get_selected_workflow_id (f->window));
  g_assert_cmpstr (chosen_id, !=, fair_id);
  g_assert_false (fair_test_of (f, chosen_id));

  /* Edit shows the setting and turns it on. */
  dialog = open_dialog (f, "win.edit-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_false (gtk_switch_get_active (fair_test));
  gtk_switch_set_active (fair_test, TRUE);
  save_dialog (dialog);
  g_assert_true (fair_test_of (f, chosen_id));

  /* A name already taken: refused beside the name, the setting unchanged. */
  dialog = open_dialog (f, "win.edit-workflow");
  fair_test = GTK_SWITCH (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG, "fair_test_switch"));
  g_assert_true (gtk_switch_get_active (fair_test));
  gtk_switch_set_active (fair_test, FALSE);
  ys_test_set_text (dialog, YS_TYPE_WORKFLOW_DIALOG, "name_row", "Intake summary");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (gtk_widget_get_visible (ys_test_child (dialog, YS_TYPE_WORKFLOW_DIALOG,
                                                             "error_label")));
  g_assert_nonnull (ys_test_find_toplevel (YS_TYPE_WORKFLOW_DIALOG));
  g_assert_true (fair_test_of (f, chosen_id));
  gtk_window_destroy (dialog);

  /* Kept in the database: another store on the same file sees it. */
  close_window (f);
  open_window (f);
  g_assert_true (fair_test_of (f, fair_id));
  g_assert_true (fair_test_of (f, chosen_id));
  g_assert_true (fair_test_of (f, ys_workflow_get_id (other)));
}

/* The ten runs ----------------------------------------------------------- */

static YsTimerCard *
timer_card (Fixture *f)
{
  return YS_TIMER_CARD (adw_clamp_get_child (ADW_CLAMP (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                       "timer_clamp"))));
}

static GtkWidget *
card_child (Fixture    *f,
            const char *name)
{
  return ys_test_child (timer_card (f), YS_TYPE_TIMER_CARD, name);
}

static YsTimer *
timer_of (Fixture    *f,
          const char *workflow_id)
{
  return ys_store_get_timer (f->store, workflow_id);
}

/* One row of SQL from the database file, as text. */
static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
draws_row (Fixture *f)
{
  return sql_text (f, "SELECT position || '|' || span || '|' || coalesce (pending, -1) FROM draws");
}

/* The card shows @timer's mode in words, from the database. */
static void
assert_card_shows (Fixture *f,
                   YsTimer *timer)
{
  const char *expected = ys_timer_get_mode (timer) == YS_MODE_WITH_AI ? "This run: with AI"
                                                                      : "This run: without AI";

  ys_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (card_child (f, "stack"))),
                                 "running") == 0 &&
                      gtk_widget_get_mapped (card_child (f, "draw_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (card_child (f, "draw_label"))), ==, expected);
  g_assert_cmpint (gtk_widget_get_visible (card_child (f, "drawn_tool_box")), ==,
                   ys_timer_get_mode (timer) == YS_MODE_WITH_AI);
}

static gboolean
timer_has_tool (Fixture    *f,
                const char *workflow_id)
{
  g_autoptr(YsTimer) timer = timer_of (f, workflow_id);

  return timer != NULL && ys_timer_get_tool_id (timer) != NULL;
}

/* A drawn run with AI may start with no tool: the card asks for one and
 * will not finish without it; the tool is picked in its drop-down. */
static void
pick_tool_if_asked (Fixture    *f,
                    const char *workflow_id,
                    const char *tool_name)
{
  g_autoptr(YsTimer) timer = timer_of (f, workflow_id);
  GtkDropDown *tools = GTK_DROP_DOWN (card_child (f, "drawn_tool_dropdown"));
  GListModel *names;

  if (ys_timer_get_mode (timer) != YS_MODE_WITH_AI || ys_timer_get_tool_id (timer) != NULL)
    return;
  g_test_message ("a run with AI waits for its tool");

  g_assert_true (gtk_widget_get_visible (card_child (f, "tool_hint")));
  gtk_widget_activate_action (GTK_WIDGET (timer_card (f)), "timer.finish", NULL);
  g_assert_null (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG));

  names = gtk_drop_down_get_model (tools);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), tool_name) == 0)
      gtk_drop_down_set_selected (tools, i);
  ys_test_wait_until (timer_has_tool (f, workflow_id));
  g_assert_false (gtk_widget_get_visible (card_child (f, "tool_hint")));
}

static void
finish_run (Fixture    *f,
            const char *workflow_id)
{
  GtkWindow *dialog;

  ys_clock_set_now (f->clock, ys_clock_get_now (f->clock) + (gint64) 25 * 60 * G_USEC_PER_SEC);
  gtk_widget_activate_action (GTK_WIDGET (timer_card (f)), "timer.finish", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  g_assert_null (timer_of (f, workflow_id));
  /* The next run starts an hour on. */
  ys_clock_set_now (f->clock, ys_clock_get_now (f->clock) + (gint64) 35 * 60 * G_USEC_PER_SEC);
}

/* Over every stretch of the drawn modes, neither leads by more than 2: the
 * running sum of +1 (with AI) and −1 (without) spans at most 2. Worked
 * here, not by ys-draw. */
static int
widest_lead (const YsMode *drawn,
             guint         n)
{
  int sum = 0, low = 0, high = 0;

  for (guint i = 0; i < n; i++)
    {
      sum += drawn[i] == YS_MODE_WITH_AI ? 1 : -1;
      low = MIN (low, sum);
      high = MAX (high, sum);
    }
  return high - low;
}

static gboolean
timer_started (Fixture    *f,
               const char *workflow_id)
{
  g_autoptr(YsTimer) timer = timer_of (f, workflow_id);

  return timer != NULL;
}

static gboolean
timer_overridden (Fixture    *f,
                  const char *workflow_id)
{
  g_autoptr(YsTimer) timer = timer_of (f, workflow_id);

  return timer != NULL && ys_timer_get_assignment (timer) == YS_ASSIGNMENT_OVERRIDDEN;
}

/* Ten runs through the card's single Start. Run 5 is interrupted by a
 * restart (a new store and window on the same file) and must come back in
 * the mode drawn, with no second draw; run 7 is done the other way with a
 * reason. The runs are saved as the store decides, and the draws are
 * balanced. */
static void
test_ten_runs (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Grant report section", "", 3,
                                                          &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  g_autofree char *id = g_strdup (ys_workflow_get_id (workflow));
  YsMode drawn[10], done[10];
  guint with_ai = 0;

  g_assert_no_error (error);
  g_assert_true (ys_workflow_get_fair_test (workflow));
  ys_window_select_workflow (f->window, id);
  ys_test_wait_until (gtk_widget_get_mapped (card_child (f, "draw_button")));
  /* One Start: the choosing buttons are not offered. */
  g_assert_false (gtk_widget_get_mapped (card_child (f, "with_ai_box")));

  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    {
      g_autoptr(YsTimer) timer = NULL;
      g_autofree char *walk = NULL;

      /* Start, as a person presses it from the keyboard. */
      gtk_widget_grab_focus (card_child (f, "draw_button"));
      gtk_widget_activate (card_child (f, "draw_button"));
      ys_test_wait_until (timer_started (f, id));
      timer = timer_of (f, id);
      g_assert_cmpint (ys_timer_get_assignment (timer), ==, YS_ASSIGNMENT_DRAWN);
      drawn[i] = done[i] = ys_timer_get_mode (timer);
      assert_card_shows (f, timer);
      g_assert_true (gtk_widget_get_visible (card_child (f, "other_way_button")));
      /* The keyboard lands on the next choice, not nowhere. */
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

        g_assert_nonnull (focus);
        g_assert_true (focus == card_child (f, "other_way_button") ||
                       gtk_widget_is_ancestor (focus, card_child (f, "other_way_button")));
      }

      if (i == 4)
        {
          /* A restart mid-run: a new store and window on the same file. */
          g_autofree char *after = NULL;
          g_autoptr(YsTimer) again = NULL;

          walk = draws_row (f);
          close_window (f);
          open_window (f);
          ys_window_select_workflow (f->window, id);
          again = timer_of (f, id);
          g_assert_nonnull (again);
          g_assert_cmpint (ys_timer_get_mode (again), ==, drawn[i]);
          g_assert_cmpint (ys_timer_get_started_at (again), ==, ys_timer_get_started_at (timer));
          assert_card_shows (f, again);
          after = draws_row (f);
          g_assert_cmpstr (after, ==, walk);
          /* The idle Start is not there to press again. */
          g_assert_false (gtk_widget_get_mapped (card_child (f, "draw_button")));
        }

      pick_tool_if_asked (f, id, "Claude");

      if (i == 6)
        {
          g_autoptr(YsTimer) other = NULL;
          const char *note;

          gtk_menu_button_popup (GTK_MENU_BUTTON (card_child (f, "other_way_button")));
          ys_test_wait_until (gtk_widget_get_mapped (card_child (f, "reason_entry")));
          gtk_editable_set_text (GTK_EDITABLE (card_child (f, "reason_entry")), "Deadline today");
          g_signal_emit_by_name (card_child (f, "reason_entry"), "activate");
          ys_test_wait_until (timer_overridden (f, id));
          other = timer_of (f, id);
          done[i] = ys_timer_get_mode (other);
          g_assert_cmpint (done[i], !=, drawn[i]);
          g_assert_cmpstr (ys_timer_get_reason (other), ==, "Deadline today");
          assert_card_shows (f, other);
          note = gtk_label_get_text (GTK_LABEL (card_child (f, "override_label")));
          g_assert_nonnull (strstr (note, drawn[i] == YS_MODE_WITH_AI ? "drew with AI"
                                                                      : "drew without AI"));
          g_assert_nonnull (strstr (note, "Reason: Deadline today"));
          g_assert_true (gtk_widget_get_visible (card_child (f, "back_button")));
          pick_tool_if_asked (f, id, "Claude");
        }

      finish_run (f, id);
      with_ai += drawn[i] == YS_MODE_WITH_AI;
    }

  /* Saved as the store decided: drawn, or overridden in the mode done. */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT group_concat (mode || ':' || assignment, ' ') FROM"
      " (SELECT mode, assignment FROM runs"
      "  WHERE workflow = (SELECT key FROM workflows WHERE id = '%s') AND deleted = 0"
      "  ORDER BY started_at)", id);
    g_autofree char *runs = sql_text (f, sql);
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (done); i++)
      g_string_append_printf (expected, "%s%d:%d", i ? " " : "", done[i], i == 6 ? 2 : 1);
    g_assert_cmpstr (runs, ==, expected->str);
  }

  {
    g_autoptr(GString) sequence = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
      g_string_append (sequence, drawn[i] == YS_MODE_WITH_AI ? "+" : "-");
    g_test_message ("drawn with seed %s: %s", SEED, sequence->str);
  }
  g_assert_cmpint (widest_lead (drawn, G_N_ELEMENTS (drawn)), <=, YS_DRAW_MAX_LEAD);
  /* Ten draws within a lead of 2 hold four to six of each. */
  g_assert_cmpuint (with_ai, >=, 4);
  g_assert_cmpuint (with_ai, <=, 6);
}

/* The run row on screen whose time reads @title, or NULL. */
static GtkWidget *
find_run_row (GtkWidget  *widget,
              const char *title)
{
  if (YS_IS_RUN_ROW (widget))
    {
      GtkWidget *label = ys_test_child (widget, YS_TYPE_RUN_ROW, "title_label");

      return gtk_widget_get_mapped (widget) &&
             g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) == 0 ? widget : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_run_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the row of the run that took @seconds says of its draw: its label
 * when shown, "" when the row shows none, NULL while no such row is on
 * screen. */
static const char *
row_draw_label (Fixture *f,
                gint64   seconds)
{
  g_autofree char *title = ys_duration_format (seconds);
  GtkWidget *row = find_run_row (GTK_WIDGET (f->window), title);
  GtkWidget *label;

  if (row == NULL)
    return NULL;
  label = ys_test_child (row, YS_TYPE_RUN_ROW, "assignment_label");
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : "";
}

static const char *
row_draw_tooltip (Fixture *f,
                  gint64   seconds)
{
  g_autofree char *title = ys_duration_format (seconds);
  GtkWidget *row = find_run_row (GTK_WIDGET (f->window), title);

  g_assert_nonnull (row);
  return gtk_widget_get_tooltip_text (ys_test_child (row, YS_TYPE_RUN_ROW, "assignment_label"));
}

/* A fair test's run list says, quietly, which runs Yardstick drew and
 * which were done the other way; a chosen run says nothing, and with the
 * fair test off no run does. */
static void
test_run_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (f->store, "Intake summary", "", 2,
                                                          &error);
  const char *id = ys_workflow_get_id (workflow);
  const struct { gint64 seconds; YsAssignment assignment; } runs[] = {
    { 30 * 60, YS_ASSIGNMENT_CHOSEN },
    { 45 * 60, YS_ASSIGNMENT_DRAWN },
    { 70 * 60, YS_ASSIGNMENT_OVERRIDDEN },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      YsRunFields fields = { .workflow_id = (char *) id, .mode = YS_MODE_WITHOUT_AI,
                             .started_at = 1795424400 - (gint64) (i + 1) * 86400,
                             .duration_seconds = runs[i].seconds, .used = YS_USED_YES,
                             .note = (char *) "", .assignment = runs[i].assignment };
      g_autoptr(YsRun) run = ys_store_add_run (f->store, &fields, &error);

      g_assert_no_error (error);
    }
  ys_window_select_workflow (f->window, id);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ys_test_child (f->window, YS_TYPE_WINDOW,
                                                                         "view_stack")), "runs");
  ys_test_wait_until (row_draw_label (f, 30 * 60) != NULL && row_draw_label (f, 45 * 60) != NULL &&
                      row_draw_label (f, 70 * 60) != NULL);
  g_assert_cmpstr (row_draw_label (f, 30 * 60), ==, "");
  g_assert_cmpstr (row_draw_label (f, 45 * 60), ==, "Drawn");
  g_assert_cmpstr (row_draw_tooltip (f, 45 * 60), ==,
                   "Yardstick drew with or without AI for this run, and it was done that way.");
  g_assert_cmpstr (row_draw_label (f, 70 * 60), ==, "Other way");
  g_assert_cmpstr (row_draw_tooltip (f, 70 * 60), ==,
                   "Yardstick drew with or without AI for this run, and it was done the other "
                   "way.");

  /* Off, the same runs say nothing of a draw; on again, they do. */
  g_assert_true (ys_store_set_workflow_fair_test (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  ys_test_wait_until (g_strcmp0 (row_draw_label (f, 45 * 60), "") == 0 &&
                      g_strcmp0 (row_draw_label (f, 70 * 60), "") == 0);
  g_assert_cmpstr (row_draw_label (f, 30 * 60), ==, "");
  g_assert_true (ys_store_set_workflow_fair_test (f->store, id, TRUE, &error));
  g_assert_no_error (error);
  ys_test_wait_until (g_strcmp0 (row_draw_label (f, 45 * 60), "Drawn") == 0 &&
                      g_strcmp0 (row_draw_label (f, 70 * 60), "Other way") == 0);
}

/* The line Log Run shows, or NULL when it shows none. */
static const char *
fair_test_note (GtkWindow *dialog)
{
  const char *note = adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "run_group")));

  return note != NULL && *note != '\0' ? note : NULL;
}

static GtkWindow *
open_log_run (Fixture *f)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-run", NULL);
  ys_test_wait_until ((dialog = ys_test_find_toplevel (YS_TYPE_RUN_DIALOG)) != NULL);
  return dialog;
}

/* Picks @name in the dialog's workflow row. */
static void
pick_workflow (GtkWindow  *dialog,
               const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (ys_test_child (dialog, YS_TYPE_RUN_DIALOG, "workflow_row"));
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      adw_combo_row_set_selected (row, i);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                               adw_combo_row_get_selected (row)), ==, name);
}

static void
close_run_dialog (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
}

/* Log Run on a fair test says in one line that a run logged by hand is
 * not part of it and how to have Yardstick draw; not on a workflow with
 * the fair test off, not when the workflow picked is changed to one, and
 * not when a run is edited or a timer finished (those keep how their mode
 * was decided). The run it saves is chosen. */
static void
test_log_run_note (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) fair = ys_store_add_workflow (f->store, "Grant report section", "", 3,
                                                      &error);
  g_autoptr(YsWorkflow) chosen = ys_store_add_workflow (f->store, "Intake summary", "", 2, &error);
  const char *fair_id = ys_workflow_get_id (fair);
  const char *line = "Runs logged by hand are not part of the fair test. To have Yardstick "
                     "draw, press Start instead.";
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_assert_true (ys_store_set_workflow_fair_test (f->store, ys_workflow_get_id (chosen), FALSE,
                                                  &error));
  g_assert_no_error (error);

  ys_window_select_workflow (f->window, fair_id);
  dialog = open_log_run (f);
  g_assert_cmpstr (fair_test_note (dialog), ==, line);
  /* The workflow picked in the dialog decides. */
  pick_workflow (dialog, "Intake summary");
  g_assert_null (fair_test_note (dialog));
  pick_workflow (dialog, "Grant report section");
  g_assert_cmpstr (fair_test_note (dialog), ==, line);
  /* Saved as it says: chosen. */
  ys_test_set_text (dialog, YS_TYPE_RUN_DIALOG, "duration_row", "50");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ys_test_wait_until (ys_test_find_toplevel (YS_TYPE_RUN_DIALOG) == NULL);
  {
    g_autofree char *assignments = sql_text (f, "SELECT group_concat (assignment) FROM runs");

    g_assert_cmpstr (assignments, ==, "0");
  }

  ys_window_select_workflow (f->window, ys_workflow_get_id (chosen));
  dialog = open_log_run (f);
  g_assert_null (fair_test_note (dialog));
  close_run_dialog (dialog);

  /* Editing the run logged above, and finishing a drawn timer. */
  {
    g_autoptr(GListModel) runs = ys_store_list_runs (f->store, fair_id);
    g_autoptr(YsRun) run = g_list_model_get_item (runs, 0);
    g_autoptr(GRand) coin = g_rand_new_with_seed (1);
    g_autoptr(YsTimer) timer = NULL;

    dialog = GTK_WINDOW (ys_run_dialog_new (GTK_WINDOW (f->window), f->store, fair_id, run));
    gtk_window_present (dialog);
    g_assert_null (fair_test_note (dialog));
    close_run_dialog (dialog);

    g_assert_true (ys_store_start_drawn_timer (f->store, fair_id, NULL, coin, NULL, &error));
    g_assert_no_error (error);
    timer = ys_store_get_timer (f->store, fair_id);
    dialog = GTK_WINDOW (ys_run_dialog_new_for_timer (GTK_WINDOW (f->window), f->store, timer));
    gtk_window_present (dialog);
    g_assert_null (fair_test_note (dialog));
    close_run_dialog (dialog);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* The card draws from a source seeded as the application's would be. */
  g_setenv ("YARDSTICK_RANDOM_SEED", SEED, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fair-test/setting", test_setting);
  ADD ("/fair-test/ten-runs", test_ten_runs);
  ADD ("/fair-test/run-rows", test_run_rows);
  ADD ("/fair-test/log-run-note", test_log_run_note);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-application.h"
#include "ys-awaiting-view.h"
#include "ys-demo.h"
#include "ys-overview-view.h"
#include "ys-report-view.h"
#include "ys-run-dialog.h"
#include "ys-run-list.h"
#include "ys-run-row.h"
#include "ys-sidebar-row.h"
#include "ys-tracker-import.h"
#include "ys-window-private.h"

G_DEFINE_FINAL_TYPE (YsWindow, ys_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The content stack's child for each page. */
static const char * const page_names[] = {
  [YS_WINDOW_PAGE_WORKFLOW] = "workflow",
  [YS_WINDOW_PAGE_OVERVIEW] = "overview",
  [YS_WINDOW_PAGE_REPORT] = "report",
  [YS_WINDOW_PAGE_AWAITING] = "awaiting",
};

static void update_content (YsWindow *self);
static void ensure_welcome (YsWindow *self);

YsWorkflow *
_ys_window_dup_selected_workflow (YsWindow *self)
{
  if (self->selected_id == NULL)
    return NULL;
  return ys_store_get_workflow (self->store, self->selected_id);
}

static void
on_banner_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

/* A banner is shown, sliding in, or hidden once it has slid out: a
 * revealer that shows nothing still measures its child, and the banners'
 * wrapped sentences were laid out for every frame. */
void
_ys_window_reveal_banner (GtkRevealer *revealer,
                          gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
  on_banner_child_revealed (revealer);
}

/* Sidebar ------------------------------------------------------------------ */

static GtkWidget *
create_workflow_row (gpointer item,
                     gpointer user_data)
{
  return ys_sidebar_row_new (item);
}

static gboolean
row_is_archived (GtkListBoxRow *row)
{
  return row != NULL &&
         ys_workflow_get_archived (ys_sidebar_row_get_workflow (YS_SIDEBAR_ROW (row)));
}

static void
workflow_list_header (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  if (row_is_archived (row) && !row_is_archived (before))
    {
      GtkWidget *header = gtk_label_new (_("Archived"));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 18);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
select_row_for_id (YsWindow   *self,
                   const char *id)
{
  GtkListBoxRow *row;

  if (self->workflow_list == NULL)
    return;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->workflow_list, i)); i++)
    if (g_strcmp0 (ys_sidebar_row_get_workflow_id (YS_SIDEBAR_ROW (row)), id) == 0)
      {
        gtk_list_box_select_row (self->workflow_list, row);
        return;
      }

  gtk_list_box_select_row (self->workflow_list,
                           gtk_list_box_get_row_at_index (self->workflow_list, 0));
}

/* The workflow's runs, from the first visit of the Runs tab on: a list view
 * builds rows for its model even while hidden, and the first hundreds cost
 * more than the rest of the window (77 ms at 10,000 runs). */
static void ensure_runs (YsWindow *self);

static void
show_run_list (YsWindow *self)
{
  g_autoptr(GtkSelectionModel) model = NULL;

  if (self->run_list_view == NULL)
    return;
  g_clear_object (&self->runs);
  if (self->selected_id != NULL)
    {
      self->runs = ys_store_list_runs (self->store, self->selected_id);
      model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->runs)));
    }
  gtk_list_view_set_model (self->run_list_view, model);
}

/* The Runs and Feedback tabs are built on their first visit, like the
 * pages below the workflows (see ensure_page). */
static void
on_view_changed (YsWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->runs_stack == NULL && g_strcmp0 (name, "runs") == 0)
    {
      ensure_runs (self);
      show_run_list (self);
      update_content (self);
    }

  if (self->feedback_view == NULL && g_strcmp0 (name, "feedback") == 0)
    {
      self->feedback_view = YS_FEEDBACK_VIEW (ys_feedback_view_new (self->store));
      ys_feedback_view_set_workflow_id (self->feedback_view, self->selected_id);
      adw_bin_set_child (self->feedback_slot, GTK_WIDGET (self->feedback_view));
    }
}

static gboolean
selected_is_fair_test (YsWindow *self)
{
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);

  return workflow != NULL && ys_workflow_get_fair_test (workflow);
}

/* The one place the workflow shown changes; NULL for none. */
static void
show_workflow (YsWindow   *self,
               const char *id)
{
  /* Without the workflows' page there is no workflow to show. */
  if (self->leaflet == NULL)
    {
      update_content (self);
      return;
    }

  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      if (self->search_entry != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          gtk_search_bar_set_search_mode (self->search_bar, FALSE);
        }
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
      self->runs_fair_test = selected_is_fair_test (self);
      show_run_list (self);
      ys_timer_card_set_workflow_id (self->timer_card, id);
      if (self->feedback_view != NULL)
        ys_feedback_view_set_workflow_id (self->feedback_view, id);
      ys_figures_view_set_workflow_id (self->figures_view, id);
    }

  update_content (self);
}

/* No row means the list box lost its selection to another page or to a
 * change of its model; whoever did that says what is shown next. */
static void
on_workflow_selected (YsWindow      *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  if (row == NULL)
    return;

  if (self->page != YS_WINDOW_PAGE_WORKFLOW)
    {
      self->page = YS_WINDOW_PAGE_WORKFLOW;
      gtk_list_box_unselect_all (self->extras_list);
    }
  show_workflow (self, ys_sidebar_row_get_workflow_id (YS_SIDEBAR_ROW (row)));
}

static void
on_workflow_activated (YsWindow      *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (YsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Runs after the list box has rebuilt the rows that changed. The
 * workflow shown stays shown, or the first one takes its place if it is
 * gone; away from the workflows, nothing is selected. */
static void
on_workflows_changed (YsWindow   *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *model)
{
  gboolean any = g_list_model_get_n_items (model) > 0;

  if (any)
    _ys_window_ensure_main (self);
  else
    ensure_welcome (self);
  gtk_stack_set_visible_child_name (self->main_stack, any ? "main" : "welcome");
  if (any && self->page == YS_WINDOW_PAGE_WORKFLOW)
    select_row_for_id (self, self->selected_id);
  else
    show_workflow (self, NULL);
}

/* Content ------------------------------------------------------------------ */

static void
show_awaiting_count (YsWindow *self,
                     guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *accessible = g_strdup_printf (ngettext ("Awaiting outcome: %u run",
                                                           "Awaiting outcome: %u runs", n), n);

  if (self->awaiting_badge == NULL)
    return;
  gtk_label_set_label (self->awaiting_badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->awaiting_badge), n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->awaiting_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
count_awaiting_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  g_autoptr(YsStore) reader = NULL;
  GError *error = NULL;
  guint n = 0;

  reader = ys_store_open_reader (task_data, &error);
  if (reader != NULL)
    n = ys_store_count_awaiting_outcome (reader, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
on_awaiting_counted (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  YsWindow *self = YS_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  /* A newer count is on its way; one that could not be read leaves the
   * badge as it was. */
  if (GPOINTER_TO_UINT (user_data) != self->awaiting_generation || error != NULL)
    return;
  show_awaiting_count (self, (guint) n);
}

/* The badge of Awaiting Outcome is counted on a worker thread with its
 * own read-only connection: the count sums every day's totals, 15 ms of
 * the window's thread at a million runs. Usually it is in before the
 * first frame; if not, it appears at the end of its row, moving nothing. */
static void
count_awaiting (YsWindow *self)
{
  const char *path = ys_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;

  self->awaiting_generation++;
  /* The badge is in the sidebar, which counts when it is built. */
  if (self->awaiting_badge == NULL)
    return;
  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      guint n = ys_store_count_awaiting_outcome (self->store, &error);

      if (error == NULL)
        show_awaiting_count (self, n);
      return;
    }

  task = g_task_new (self, NULL, on_awaiting_counted,
                     GUINT_TO_POINTER (self->awaiting_generation));
  g_task_set_source_tag (task, count_awaiting);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, count_awaiting_in_thread);
}

static void
on_extras_selected (YsWindow      *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  if (row == NULL)
    return;

  self->page = row == self->overview_row ? YS_WINDOW_PAGE_OVERVIEW
               : row == self->report_row ? YS_WINDOW_PAGE_REPORT
               : YS_WINDOW_PAGE_AWAITING;
  gtk_list_box_unselect_all (self->workflow_list);
  show_workflow (self, NULL);
}

static void
on_extras_activated (YsWindow      *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Sidebar timers: one tick for all rows, only while a timer runs. */
static gboolean
update_sidebar_timers (gpointer user_data)
{
  YsWindow *self = user_data;
  GListModel *timers = ys_store_get_timers (self->store);
  gint64 now = ys_store_now (self->store);
  GtkListBoxRow *row;

  if (self->workflow_list == NULL)
    return G_SOURCE_CONTINUE;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->workflow_list, i)); i++)
    {
      const char *id = ys_sidebar_row_get_workflow_id (YS_SIDEBAR_ROW (row));
      g_autoptr(YsTimer) shown = NULL;

      for (guint t = 0; shown == NULL && t < g_list_model_get_n_items (timers); t++)
        {
          g_autoptr(YsTimer) timer = g_list_model_get_item (timers, t);

          if (g_strcmp0 (ys_timer_get_workflow_id (timer), id) == 0)
            shown = g_steal_pointer (&timer);
        }
      ys_sidebar_row_set_timer (YS_SIDEBAR_ROW (row), shown, now);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
any_timer_running (YsWindow *self)
{
  GListModel *timers = ys_store_get_timers (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr(YsTimer) timer = g_list_model_get_item (timers, i);
      if (!ys_timer_is_paused (timer))
        return TRUE;
    }
  return FALSE;
}

static void
update_ticking (YsWindow *self)
{
  gboolean want = any_timer_running (self) && gtk_widget_get_mapped (GTK_WIDGET (self));

  update_sidebar_timers (self);
  if (want && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, update_sidebar_timers, self);
  else if (!want)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
on_search_changed (YsWindow *self)
{
  if (self->runs != NULL)
    ys_run_list_set_search (YS_RUN_LIST (self->runs),
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_content (self);
}

static void
on_stop_search (YsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_overview_activated (YsWindow   *self,
                       const char *workflow_id)
{
  select_row_for_id (self, workflow_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "figures");
}

/* The Overview, Report and Awaiting Outcome pages are built on their first
 * visit: built at start, they were a quarter of the time to the first frame. */
static void
ensure_page (YsWindow     *self,
             YsWindowPage  page)
{
  switch (page)
    {
    case YS_WINDOW_PAGE_OVERVIEW:
      if (adw_bin_get_child (self->overview_slot) == NULL)
        {
          GtkWidget *overview = ys_overview_view_new (self->store);
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          YsTeamFolder *team = YS_IS_APPLICATION (app)
                               ? ys_application_get_team_folder (YS_APPLICATION (app)) : NULL;

          /* The team folder syncs the application's database, perhaps not
           * this window's. */
          if (team != NULL && ys_team_folder_get_store (team) == self->store)
            ys_overview_view_set_team_folder (YS_OVERVIEW_VIEW (overview), team);
          adw_bin_set_child (self->overview_slot, overview);
          g_signal_connect_object (overview, "workflow-activated",
                                   G_CALLBACK (on_overview_activated), self, G_CONNECT_SWAPPED);
        }
      break;
    case YS_WINDOW_PAGE_REPORT:
      if (adw_bin_get_child (self->report_slot) == NULL)
        adw_bin_set_child (self->report_slot, ys_report_view_new (self->store));
      break;
    case YS_WINDOW_PAGE_AWAITING:
      if (adw_bin_get_child (self->awaiting_slot) == NULL)
        adw_bin_set_child (self->awaiting_slot, ys_awaiting_view_new (self->store));
      break;
    case YS_WINDOW_PAGE_WORKFLOW:
    default:
      break;
    }
}

/* The workflow is named at the top of its page at every width: in the
 * header's title when folded, in a heading when unfolded, where the view
 * switcher takes the title's place. */
static void
update_title (YsWindow   *self,
              YsWorkflow *workflow)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *name = workflow ? ys_workflow_get_name (workflow) : "";
  const char *description = workflow ? ys_workflow_get_description (workflow) : NULL;

  gtk_label_set_label (self->workflow_name_label, name);
  gtk_label_set_label (self->workflow_description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_description_label),
                          description != NULL && *description != '\0');
  gtk_widget_set_visible (self->workflow_heading, workflow != NULL && !folded);
  adw_view_switcher_title_set_title (self->view_title, name);
  adw_view_switcher_title_set_subtitle (self->view_title, description ? description : "");
}

static void
on_folded_changed (YsWindow *self)
{
  g_autoptr(YsWorkflow) workflow = NULL;

  if (self->page == YS_WINDOW_PAGE_WORKFLOW)
    workflow = _ys_window_dup_selected_workflow (self);

  if (workflow != NULL)
    update_title (self, workflow);
}

static void
update_content (YsWindow *self)
{
  g_autoptr(YsWorkflow) workflow = _ys_window_dup_selected_workflow (self);
  g_autoptr(GError) error = NULL;
  guint without_ai = 0, with_ai = 0;
  g_autofree char *without_text = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *counts = NULL;

  _ys_window_actions_update (self, workflow);

  if (self->leaflet == NULL)
    return;

  if (self->page != YS_WINDOW_PAGE_WORKFLOW)
    {
      const char *title = self->page == YS_WINDOW_PAGE_OVERVIEW ? _("Overview")
                          : self->page == YS_WINDOW_PAGE_REPORT ? _("Report")
                          : _("Awaiting Outcome");

      update_title (self, NULL);
      adw_view_switcher_title_set_title (self->view_title, title);
      adw_view_switcher_title_set_view_switcher_enabled (self->view_title, FALSE);
      _ys_window_reveal_banner (self->archived_revealer, FALSE);
      ensure_page (self, self->page);
      gtk_stack_set_visible_child_name (self->content_stack, page_names[self->page]);
      return;
    }

  adw_view_switcher_title_set_view_switcher_enabled (self->view_title, workflow != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, page_names[YS_WINDOW_PAGE_WORKFLOW]);

  if (workflow == NULL)
    {
      update_title (self, NULL);
      _ys_window_reveal_banner (self->archived_revealer, FALSE);
      return;
    }

  update_title (self, workflow);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_clamp), !ys_workflow_get_archived (workflow));
  _ys_window_reveal_banner (self->archived_revealer, ys_workflow_get_archived (workflow));

  /* The Runs tab is built on its first visit (see ensure_runs). */
  if (self->runs_stack == NULL)
    return;

  /* Counts that cannot be read are not shown as zeros; the banner says why. */
  without_ai = ys_store_count_runs (self->store, self->selected_id, YS_MODE_WITHOUT_AI, &error);
  if (error == NULL)
    with_ai = ys_store_count_runs (self->store, self->selected_id, YS_MODE_WITH_AI, &error);
  if (error != NULL)
    return;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' && self->runs != NULL)
    {
      /* While searching, the line counts what the list shows. */
      guint found = g_list_model_get_n_items (self->runs);

      counts = g_strdup_printf (ngettext ("%u of %u runs matches the search",
                                          "%u of %u runs match the search", found),
                                found, without_ai + with_ai);
    }
  else
    {
      without_text = g_strdup_printf (ngettext ("%u run without AI", "%u runs without AI",
                                                without_ai), without_ai);
      with_text = g_strdup_printf (ngettext ("%u run with AI", "%u runs with AI", with_ai), with_ai);
      /* TRANSLATORS: the two run counts of a workflow, e.g. "9 runs without AI · 18 runs with AI" */
      counts = g_strdup_printf (_("%s · %s"), without_text, with_text);
    }
  gtk_label_set_label (self->counts_label, counts);

  /* While searching, an empty result is a list, not the baseline hint. */
  gtk_stack_set_visible_child_name (self->runs_stack,
                                    without_ai + with_ai > 0 ||
                                    gtk_search_bar_get_search_mode (self->search_bar)
                                    ? "runs" : "no-runs");
}

/* A read that failed (another program holding the database too long, a
 * damaged file) is said in a banner above everything, never shown as zeros;
 * it stays until reading works again. */
static void
on_read_failed (YsWindow     *self,
                const GError *error,
                YsStore      *store)
{
  gtk_label_set_label (self->read_error_label, error->message);
  _ys_window_reveal_banner (self->read_error_revealer, TRUE);
}

static void
on_store_changed (YsWindow *self,
                  guint     changes,
                  YsStore  *store)
{
  /* The fair test turned on or off: the rows are bound again, whichever
   * of this and the run list's own reload comes first. */
  if ((changes & YS_STORE_CHANGE_WORKFLOWS) &&
      selected_is_fair_test (self) != self->runs_fair_test)
    {
      self->runs_fair_test = !self->runs_fair_test;
      show_run_list (self);
    }
  if (changes & (YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_WORKFLOWS))
    {
      count_awaiting (self);
      update_content (self);
    }
  if (changes & (YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_WORKFLOWS))
    update_ticking (self);
}

/* Run rows ----------------------------------------------------------------- */

static void
setup_run_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               YsWindow                 *self)
{
  gtk_list_item_set_child (item, ys_run_row_new ());
}

static void
bind_run_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              YsWindow                 *self)
{
  ys_run_row_set_run (YS_RUN_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                      self->runs_fair_test);
}

static void
on_run_activated (YsWindow    *self,
                  guint        position,
                  GtkListView *view)
{
  g_autoptr(YsRun) run = NULL;

  if (self->runs == NULL)
    return;

  run = g_list_model_get_item (self->runs, position);
  if (run != NULL)
    gtk_window_present (GTK_WINDOW (ys_run_dialog_new (GTK_WINDOW (self), self->store,
                                                       self->selected_id, run)));
}

/* Window state ------------------------------------------------------------- */

static gboolean
ys_window_close_request (GtkWindow *window)
{
  YsWindow *self = YS_WINDOW (window);

  /* Timers live in the database, so closing loses nothing; say so. */
  if (g_list_model_get_n_items (ys_store_get_timers (self->store)) > 0 &&
      gtk_window_get_application (window) != NULL &&
      g_application_get_is_registered (G_APPLICATION (gtk_window_get_application (window))))
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Timer Still Running"));

      g_notification_set_body (notification,
                               _("Yardstick keeps the time while it is closed. Open it again "
                                 "to finish the run."));
      g_notification_set_default_action (notification, "app.activate");
      g_application_send_notification (G_APPLICATION (gtk_window_get_application (window)),
                                       "timer-running", notification);
    }

  return GTK_WINDOW_CLASS (ys_window_parent_class)->close_request (window);
}

/* The figures are read once the first frame is out (see
 * ys_figures_view_hold_reads). */
static gboolean
after_first_frame (gpointer user_data)
{
  YsWindow *self = user_data;

  self->first_frame_id = 0;
  self->first_frame_done = TRUE;
  if (self->figures_view != NULL)
    ys_figures_view_hold_reads (self->figures_view, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                YsWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (!self->first_frame_done && self->first_frame_id == 0)
    self->first_frame_id = g_idle_add (after_first_frame, self);
}

static void
on_realize (YsWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

static void
quit_after_paint (GdkFrameClock *clock,
                  YsWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, quit_after_paint, self);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

/* build-aux/bench times start-up to the first frame painted, the moment a
 * user sees the window, against a bare window that does the same. */
static void
quit_after_first_frame (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (quit_after_paint), widget, 0);
}

/* And to the first frame with the figures in it. */
static void
quit_after_figures (YsFiguresView *figures,
                    GParamSpec    *pspec,
                    YsWindow      *self)
{
  if (ys_figures_view_is_reading (figures) || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  g_signal_handlers_disconnect_by_func (figures, quit_after_figures, self);
  quit_after_first_frame (GTK_WIDGET (self));
}

static void
create_menu (GtkMenuButton *button,
             gpointer       model)
{
  gtk_menu_button_set_menu_model (button, model);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* The menus are built when first opened: a menu button builds its popover
 * when it is given a model, three of them about 2 ms of the first frame. */
static void
set_menu_when_opened (GtkMenuButton *button,
                      GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, create_menu, g_object_ref (model),
                                         g_object_unref);
}

static GtkBuilder *
build_page (YsWindow   *self,
            const char *resource)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GError) error = NULL;

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_back_clicked", G_CALLBACK (on_back_clicked),
                                           "on_run_activated", G_CALLBACK (on_run_activated),
                                           "on_search_changed", G_CALLBACK (on_search_changed),
                                           "on_stop_search", G_CALLBACK (on_stop_search),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  /* Swapped handlers and bindings are the window's, as in a template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, resource, &error))
    g_error ("%s: %s", resource, error->message);
  return builder;
}

/* The welcome page, for a database without workflows. */
static void
ensure_welcome (YsWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_stack_get_child_by_name (self->main_stack, "welcome") != NULL)
    return;

  builder = build_page (self, RESOURCE_BASE "/ys-window-welcome.ui");
  set_menu_when_opened (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "welcome_menu_button")),
                        self->primary_menu);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (gtk_builder_get_object (builder, "welcome")),
                       "welcome");
}

/* The fields that ys-window-main.ui fills, by its ids. */
#define MAIN_OBJECT(field) { #field, G_STRUCT_OFFSET (YsWindow, field) }
static const struct
{
  const char *id;
  gssize offset;
} main_objects[] = {
  MAIN_OBJECT (leaflet), MAIN_OBJECT (log_run_button), MAIN_OBJECT (workflow_list),
  MAIN_OBJECT (view_title), MAIN_OBJECT (workflow_heading), MAIN_OBJECT (workflow_name_label),
  MAIN_OBJECT (workflow_description_label), MAIN_OBJECT (archived_revealer),
  MAIN_OBJECT (sample_revealer), MAIN_OBJECT (sidebar_title), MAIN_OBJECT (content_stack),
  MAIN_OBJECT (view_stack), MAIN_OBJECT (timer_clamp),
  MAIN_OBJECT (feedback_slot), MAIN_OBJECT (figures_slot), MAIN_OBJECT (awaiting_slot),
  MAIN_OBJECT (extras_list), MAIN_OBJECT (awaiting_row), MAIN_OBJECT (overview_row),
  MAIN_OBJECT (report_row), MAIN_OBJECT (report_slot), MAIN_OBJECT (overview_slot),
  MAIN_OBJECT (awaiting_badge), MAIN_OBJECT (runs_slot),
};

/* And those of ys-window-runs.ui. */
static const struct
{
  const char *id;
  gssize offset;
} runs_objects[] = {
  MAIN_OBJECT (runs_stack), MAIN_OBJECT (search_bar), MAIN_OBJECT (search_entry),
  MAIN_OBJECT (counts_label), MAIN_OBJECT (run_list_view),
};

static void
ensure_runs (YsWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  if (self->runs_stack != NULL)
    return;

  builder = build_page (self, RESOURCE_BASE "/ys-window-runs.ui");
  for (guint i = 0; i < G_N_ELEMENTS (runs_objects); i++)
    {
      GObject *object = gtk_builder_get_object (builder, runs_objects[i].id);

      if (object == NULL)
        g_error ("ys-window-runs.ui has no “%s”", runs_objects[i].id);
      G_STRUCT_MEMBER (gpointer, self, runs_objects[i].offset) = object;
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_run_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_run_row), self);
  gtk_list_view_set_factory (self->run_list_view, factory);
  adw_bin_set_child (self->runs_slot, GTK_WIDGET (self->runs_stack));
}

/* The workflows' page: the sidebar and a workflow's timer, figures, runs
 * and feedback. A new database opens on the welcome page without it, so
 * it is built when the first workflow comes; other windows build it as
 * they open. */
void
_ys_window_ensure_main (YsWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GListModel *workflows = ys_store_get_workflows (self->store);

  if (self->leaflet != NULL)
    return;

  builder = build_page (self, RESOURCE_BASE "/ys-window-main.ui");
  for (guint i = 0; i < G_N_ELEMENTS (main_objects); i++)
    {
      GObject *object = gtk_builder_get_object (builder, main_objects[i].id);

      if (object == NULL)
        g_error ("ys-window-main.ui has no “%s”", main_objects[i].id);
      G_STRUCT_MEMBER (gpointer, self, main_objects[i].offset) = object;
    }
  set_menu_when_opened (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "sidebar_menu_button")),
                        self->primary_menu);
  set_menu_when_opened (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "workflow_menu_button")),
                        G_MENU_MODEL (gtk_builder_get_object (builder, "workflow_menu")));

  g_object_bind_property (self->leaflet, "folded", self->log_run_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->sample_revealer, "notify::child-revealed",
                    G_CALLBACK (on_banner_child_revealed), NULL);
  g_signal_connect (self->archived_revealer, "notify::child-revealed",
                    G_CALLBACK (on_banner_child_revealed), NULL);
  gtk_list_box_set_placeholder (self->workflow_list, NULL);

  self->timer_card = YS_TIMER_CARD (ys_timer_card_new (self->store));
  adw_clamp_set_child (self->timer_clamp, GTK_WIDGET (self->timer_card));
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  self->figures_view = YS_FIGURES_VIEW (ys_figures_view_new (self->store));
  ys_figures_view_hold_reads (self->figures_view, !self->first_frame_done);
  adw_bin_set_child (self->figures_slot, GTK_WIDGET (self->figures_view));
  if (g_getenv ("YARDSTICK_QUIT_AFTER_FIGURES") != NULL)
    g_signal_connect_object (self->figures_view, "notify::reading",
                             G_CALLBACK (quit_after_figures), self, 0);
  g_signal_connect_object (self->extras_list, "row-selected",
                           G_CALLBACK (on_extras_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->extras_list, "row-activated",
                           G_CALLBACK (on_extras_activated), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->workflow_list, workflows, create_workflow_row, self, NULL);
  gtk_list_box_set_header_func (self->workflow_list, workflow_list_header, NULL, NULL);
  g_signal_connect_object (self->workflow_list, "row-selected",
                           G_CALLBACK (on_workflow_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workflow_list, "row-activated",
                           G_CALLBACK (on_workflow_activated), self, G_CONNECT_SWAPPED);

  /* The sample team says so on every page, and in the sidebar when folded. */
  if (ys_demo_is_sample (self->store))
    {
      _ys_window_reveal_banner (self->sample_revealer, TRUE);
      adw_window_title_set_title (self->sidebar_title, _("Sample Data"));
      adw_window_title_set_subtitle (self->sidebar_title, _("A made-up team"));
    }

  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->leaflet), "main");
  update_ticking (self);
  count_awaiting (self);
}

static void
ys_window_constructed (GObject *object)
{
  YsWindow *self = YS_WINDOW (object);
  GListModel *workflows;

  G_OBJECT_CLASS (ys_window_parent_class)->constructed (object);

  g_assert (YS_IS_STORE (self->store));

  g_signal_connect_object (ys_store_get_timers (self->store), "items-changed",
                           G_CALLBACK (update_ticking), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (update_ticking), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (update_ticking), NULL);

  /* After the sidebar's own handler, whenever that was connected, so that
   * its rows exist when this runs. */
  workflows = ys_store_get_workflows (self->store);
  g_signal_connect_object (workflows, "items-changed",
                           G_CALLBACK (on_workflows_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "read-failed",
                           G_CALLBACK (on_read_failed), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  on_workflows_changed (self, 0, 0, 0, workflows);
  update_content (self);

  if (ys_demo_is_sample (self->store))
    gtk_window_set_title (GTK_WINDOW (self), _("Sample Data — Yardstick"));

  if (g_getenv ("YARDSTICK_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (quit_after_first_frame), NULL);
}

static void
ys_window_dispose (GObject *object)
{
  YsWindow *self = (YsWindow *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->first_frame_id, g_source_remove);
  /* A count still under way finds the window gone. */
  self->awaiting_generation++;
  if (self->extras_list != NULL)
    g_signal_handlers_disconnect_by_data (self->extras_list, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (ys_store_get_timers (self->store), self);

  /* The sidebar emits row-selected while it is torn down; stop listening first. */
  if (self->workflow_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workflow_list, self);
      gtk_list_box_bind_model (self->workflow_list, NULL, NULL, NULL, NULL);
    }
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (ys_store_get_workflows (self->store), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  if (self->run_list_view != NULL)
    gtk_list_view_set_model (self->run_list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_WINDOW);
  /* The pages went with the stack. */
  for (guint i = 0; i < G_N_ELEMENTS (main_objects); i++)
    G_STRUCT_MEMBER (gpointer, self, main_objects[i].offset) = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (runs_objects); i++)
    G_STRUCT_MEMBER (gpointer, self, runs_objects[i].offset) = NULL;
  self->timer_card = NULL;
  self->figures_view = NULL;
  self->feedback_view = NULL;

  G_OBJECT_CLASS (ys_window_parent_class)->dispose (object);
}

static void
ys_window_finalize (GObject *object)
{
  YsWindow *self = (YsWindow *) object;

  g_clear_object (&self->runs);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->history_imports, g_hash_table_unref);

  G_OBJECT_CLASS (ys_window_parent_class)->finalize (object);
}

static void
ys_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  YsWindow *self = YS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  YsWindow *self = YS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_window_class_init (YsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ys_window_constructed;
  object_class->dispose = ys_window_dispose;
  object_class->finalize = ys_window_finalize;
  object_class->get_property = ys_window_get_property;
  object_class->set_property = ys_window_set_property;
  window_class->close_request = ys_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, YS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, read_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, read_error_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, primary_menu);

  _ys_window_class_actions_init (klass);
}

static void
ys_window_init (YsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->read_error_revealer, "notify::child-revealed",
                    G_CALLBACK (on_banner_child_revealed), NULL);
  self->history_imports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) ys_tracker_import_free);

  /* Running from a build tree without compiled schemas must not abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
}

YsWindow *
ys_window_new (GtkApplication *application,
               YsStore        *store)
{
  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  return g_object_new (YS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

const char *
ys_window_get_selected_workflow_id (YsWindow *self)
{
  g_return_val_if_fail (YS_IS_WINDOW (self), NULL);
  return self->selected_id;
}

void
ys_window_select_workflow (YsWindow   *self,
                           const char *id)
{
  g_return_if_fail (YS_IS_WINDOW (self));
  select_row_for_id (self, id);
}

void
ys_window_add_toast (YsWindow   *self,
                     const char *title)
{
  g_return_if_fail (YS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-duration.h"
#include "ys-awaiting-view.h"
#include "ys-feedback-view.h"
#include "ys-figures-view.h"
#include "ys-overview-view.h"
#include "ys-report-view.h"
#include "ys-run-dialog.h"
#include "ys-run-list.h"
#include "ys-timer-card.h"
#include "ys-window.h"
#include "ys-wording.h"
#include "ys-workflow-dialog.h"

struct _YsWindow
{
  AdwApplicationWindow parent_instance;

  YsStore *store;
  GSettings *settings;
  char *selected_id;
  char *reselect_id;   /* kept while the sidebar rebuilds its rows */
  GListModel *runs;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkWidget *log_run_button;
  GtkListBox *workflow_list;
  AdwViewSwitcherTitle *view_title;
  GtkWidget *workflow_heading;
  GtkLabel *workflow_name_label;
  GtkLabel *workflow_description_label;
  GtkRevealer *archived_revealer;
  GtkRevealer *read_error_revealer;
  GtkLabel *read_error_label;
  GtkStack *content_stack;
  GtkStack *runs_stack;
  AdwViewStack *view_stack;
  AdwClamp *timer_clamp;
  AdwBin *feedback_slot;
  AdwBin *figures_slot;
  AdwBin *awaiting_slot;
  GtkListBox *extras_list;
  GtkListBoxRow *awaiting_row;
  GtkListBoxRow *overview_row;
  GtkListBoxRow *report_row;
  AdwBin *report_slot;
  AdwBin *overview_slot;
  GtkLabel *awaiting_badge;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;

  YsTimerCard *timer_card;
  YsFeedbackView *feedback_view;
  YsFiguresView *figures_view;
  GListModel *awaiting_runs;
  guint tick_id;
  guint run_list_idle_id;
  const char *extra_page;   /* "overview", "awaiting" or NULL for a workflow */
  GtkLabel *counts_label;
  GtkListView *run_list_view;
};

G_DEFINE_FINAL_TYPE (YsWindow, ys_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_content (YsWindow *self);
static void on_overview_activated (YsWindow   *self,
                                   const char *workflow_id);

static YsWorkflow *
selected_workflow (YsWindow *self)
{
  if (self->selected_id == NULL)
    return NULL;
  return ys_store_get_workflow (self->store, self->selected_id);
}

static void
show_toast (YsWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_undo_toast (YsWindow   *self,
                 const char *title,
                 const char *undo_action,
                 const char *id)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Sidebar ------------------------------------------------------------------- */

static GtkWidget *
create_workflow_row (gpointer item,
                     gpointer user_data)
{
  YsWorkflow *workflow = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (ys_workflow_get_name (workflow));
  const char *description = ys_workflow_get_description (workflow);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  if (description != NULL && *description != '\0')
    {
      GtkWidget *subtitle = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (box), subtitle);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (box, TRUE);

  /* A running timer shows on its workflow from anywhere in the sidebar. */
  {
    GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *timer_label = gtk_label_new (NULL);

    gtk_widget_add_css_class (timer_label, "numeric");
    gtk_widget_add_css_class (timer_label, "ys-sidebar-timer");
    gtk_widget_set_valign (timer_label, GTK_ALIGN_CENTER);
    gtk_widget_set_visible (timer_label, FALSE);
    gtk_box_append (GTK_BOX (outer), box);
    gtk_box_append (GTK_BOX (outer), timer_label);
    g_object_set_data (G_OBJECT (row), "timer-label", timer_label);
    box = outer;
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "workflow-id",
                          g_strdup (ys_workflow_get_id (workflow)), g_free);
  if (ys_workflow_get_archived (workflow))
    g_object_set_data (G_OBJECT (row), "archived", GINT_TO_POINTER (TRUE));

  return row;
}

static void
workflow_list_header (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  gboolean archived = g_object_get_data (G_OBJECT (row), "archived") != NULL;
  gboolean before_archived = before && g_object_get_data (G_OBJECT (before), "archived");

  if (archived && !before_archived)
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

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->workflow_list, i)); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "workflow-id"), id) == 0)
      {
        gtk_list_box_select_row (self->workflow_list, row);
        return;
      }

  gtk_list_box_select_row (self->workflow_list,
                           gtk_list_box_get_row_at_index (self->workflow_list, 0));
}

static void
show_run_list (YsWindow *self)
{
  g_autoptr(GtkSelectionModel) model = NULL;

  if (self->runs != NULL)
    model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->runs)));
  gtk_list_view_set_model (self->run_list_view, model);
}

static gboolean
show_run_list_idle (gpointer user_data)
{
  YsWindow *self = user_data;

  self->run_list_idle_id = 0;
  show_run_list (self);
  return G_SOURCE_REMOVE;
}

static void
on_workflow_selected (YsWindow      *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  const char *id = row ? g_object_get_data (G_OBJECT (row), "workflow-id") : NULL;

  if (self->reselect_id != NULL)
    return;

  if (row != NULL && self->extra_page != NULL)
    {
      self->extra_page = NULL;
      gtk_list_box_unselect_all (self->extras_list);
    }

  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
      g_clear_object (&self->runs);
      if (id != NULL)
        self->runs = ys_store_list_runs (self->store, id);
      if (self->run_list_idle_id == 0)
        show_run_list (self);
      ys_timer_card_set_workflow_id (self->timer_card, id);
      ys_feedback_view_set_workflow_id (self->feedback_view, id);
      ys_figures_view_set_workflow_id (self->figures_view, id);
    }

  update_content (self);
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

/* Runs before the list box rebuilds its rows, which drops the selection. */
static void
on_workflows_changing (YsWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  g_free (self->reselect_id);
  self->reselect_id = g_strdup (self->selected_id ? self->selected_id : "");
}

static void
on_workflows_changed (YsWindow   *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *model)
{
  g_autofree char *keep = g_steal_pointer (&self->reselect_id);
  gboolean any = g_list_model_get_n_items (model) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, any ? "main" : "welcome");
  if (any && !(self->extra_page != NULL && (keep == NULL || *keep == '\0')))
    select_row_for_id (self, keep);
  else
    on_workflow_selected (self, NULL, self->workflow_list);
}

/* Content ------------------------------------------------------------------- */

static void
update_awaiting_badge (YsWindow *self)
{
  guint n = g_list_model_get_n_items (self->awaiting_runs);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *accessible = g_strdup_printf (ngettext ("Awaiting outcome: %u run",
                                                           "Awaiting outcome: %u runs", n), n);

  gtk_label_set_label (self->awaiting_badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->awaiting_badge), n > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->awaiting_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_extras_selected (YsWindow      *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  if (row == NULL)
    return;

  self->extra_page = row == self->overview_row ? "overview"
                     : row == self->report_row ? "report" : "awaiting";
  gtk_list_box_unselect_all (self->workflow_list);
  update_content (self);
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

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->workflow_list, i)); i++)
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "timer-label");
      const char *id = g_object_get_data (G_OBJECT (row), "workflow-id");
      gboolean shown = FALSE;

      for (guint t = 0; label != NULL && t < g_list_model_get_n_items (timers); t++)
        {
          g_autoptr(YsTimer) timer = g_list_model_get_item (timers, t);

          if (g_strcmp0 (ys_timer_get_workflow_id (timer), id) == 0)
            {
              g_autofree char *text = ys_duration_format_clock (ys_timer_get_elapsed_seconds (timer, now));
              g_autofree char *accessible = g_strdup_printf (ys_timer_is_paused (timer)
                                                             ? _("Timer paused at %s")
                                                             : _("Timer running: %s"), text);

              gtk_label_set_label (GTK_LABEL (label), text);
              gtk_widget_set_tooltip_text (label, accessible);
              if (ys_timer_is_paused (timer))
                gtk_widget_add_css_class (label, "dim-label");
              else
                gtk_widget_remove_css_class (label, "dim-label");
              shown = TRUE;
            }
        }
      if (label != NULL)
        gtk_widget_set_visible (label, shown);
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
update_actions (YsWindow   *self,
                YsWorkflow *workflow)
{
  gboolean archived = workflow && ys_workflow_get_archived (workflow);

  /* Away from a workflow, Log Run asks which one: only an archived
   * workflow's page, or no active workflow at all, has nothing to log to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-run",
                                 workflow != NULL
                                 ? !archived
                                 : ys_store_count_active_workflows (self->store, NULL) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-workflow", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-workflow", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-workflow",
                                 workflow != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-workflow",
                                 workflow != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-toggle",
                                 workflow != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-start-with-ai",
                                 workflow != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer-finish", workflow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", workflow != NULL);
}

/* The Overview, Report and Awaiting Outcome pages are built on their first
 * visit: built at start, they were a quarter of the time to the first frame. */
static void
ensure_extra_page (YsWindow   *self,
                   const char *name)
{
  if (g_str_equal (name, "overview") && adw_bin_get_child (self->overview_slot) == NULL)
    {
      GtkWidget *overview = ys_overview_view_new (self->store);

      adw_bin_set_child (self->overview_slot, overview);
      g_signal_connect_object (overview, "workflow-activated", G_CALLBACK (on_overview_activated),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "report") && adw_bin_get_child (self->report_slot) == NULL)
    adw_bin_set_child (self->report_slot, ys_report_view_new (self->store));
  else if (g_str_equal (name, "awaiting") && adw_bin_get_child (self->awaiting_slot) == NULL)
    adw_bin_set_child (self->awaiting_slot, ys_awaiting_view_new (self->store));
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
  g_autoptr(YsWorkflow) workflow = self->extra_page == NULL ? selected_workflow (self) : NULL;

  if (workflow != NULL)
    update_title (self, workflow);
}

static void
update_content (YsWindow *self)
{
  g_autoptr(YsWorkflow) workflow = selected_workflow (self);
  g_autoptr(GError) error = NULL;
  guint without_ai = 0, with_ai = 0;
  g_autofree char *without_text = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *counts = NULL;

  update_actions (self, workflow);

  update_awaiting_badge (self);

  if (self->extra_page != NULL)
    {
      const char *title = g_str_equal (self->extra_page, "overview") ? _("Overview")
                          : g_str_equal (self->extra_page, "report") ? _("Report")
                          : _("Awaiting Outcome");

      update_title (self, NULL);
      adw_view_switcher_title_set_title (self->view_title, title);
      adw_view_switcher_title_set_view_switcher_enabled (self->view_title, FALSE);
      gtk_revealer_set_reveal_child (self->archived_revealer, FALSE);
      ensure_extra_page (self, self->extra_page);
      gtk_stack_set_visible_child_name (self->content_stack, self->extra_page);
      return;
    }

  adw_view_switcher_title_set_view_switcher_enabled (self->view_title, workflow != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "workflow");

  if (workflow == NULL)
    {
      update_title (self, NULL);
      gtk_revealer_set_reveal_child (self->archived_revealer, FALSE);
      return;
    }

  update_title (self, workflow);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_clamp), !ys_workflow_get_archived (workflow));
  gtk_revealer_set_reveal_child (self->archived_revealer, ys_workflow_get_archived (workflow));

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
  gtk_revealer_set_reveal_child (self->read_error_revealer, TRUE);
}

static void
read_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->read_error_revealer, FALSE);
  ys_store_refresh (self->store);
}

static void
on_store_changed (YsWindow *self,
                  guint     changes,
                  YsStore  *store)
{
  if (changes & (YS_STORE_CHANGE_RUNS | YS_STORE_CHANGE_WORKFLOWS))
    update_content (self);
  if (changes & (YS_STORE_CHANGE_TIMERS | YS_STORE_CHANGE_WORKFLOWS))
    update_ticking (self);
}

/* Run rows ------------------------------------------------------------------ */

static void
setup_run_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               YsWindow                 *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *mode = gtk_label_new (NULL);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_valign (mode, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (mode), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (mode), 14);
  gtk_widget_add_css_class (mode, "ys-mode-tag");

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Run"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Run"), -1);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), mode);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_widget_add_css_class (box, "ys-run-row");
  gtk_list_item_set_child (item, box);

  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (item), "mode", mode);
  g_object_set_data (G_OBJECT (item), "delete", delete);
}

static char *
describe_run_details (YsRun *run)
{
  const YsRunFields *fields = ys_run_get_fields (run);
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (fields->started_at);
  /* TRANSLATORS: date and time of a run, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (started, _("%a %-d %b %Y, %H:%M"));
  g_autofree char *corrections = g_strdup_printf (ngettext ("%d correction", "%d corrections",
                                                            (gulong) fields->corrections),
                                                  (int) fields->corrections);
  const char *used;

  switch (fields->used)
    {
    case YS_USED_YES: used = _("used"); break;
    case YS_USED_NO: used = _("not used"); break;
    case YS_USED_UNKNOWN:
    default: used = _("use not yet known"); break;
    }

  return g_strdup_printf ("%s · %s · %s", when, corrections, used);
}

static void
bind_run_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              YsWindow                 *self)
{
  YsRun *run = gtk_list_item_get_item (item);
  const YsRunFields *fields = ys_run_get_fields (run);
  GtkWidget *mode = g_object_get_data (G_OBJECT (item), "mode");
  g_autofree char *duration = ys_duration_format (fields->duration_seconds);
  g_autofree char *details = describe_run_details (run);
  g_autofree char *accessible = NULL;
  const char *mode_text;

  if (fields->mode == YS_MODE_WITH_AI)
    {
      mode_text = ys_run_get_tool_name (run) ? ys_run_get_tool_name (run) : _("With AI");
      gtk_widget_add_css_class (mode, "ys-with-ai");
    }
  else
    {
      mode_text = _("Without AI");
      gtk_widget_remove_css_class (mode, "ys-with-ai");
    }

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "title"), duration);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "subtitle"), details);
  gtk_label_set_label (GTK_LABEL (mode), mode_text);
  /* Room for a short tool name in full; a long one ellipsizes. */
  gtk_label_set_width_chars (GTK_LABEL (mode), MIN (g_utf8_strlen (mode_text, -1), 12));
  /* Target before name: a name without its target would warn. */
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "delete"),
                                    "s", ys_run_get_id (run));
  gtk_actionable_set_action_name (g_object_get_data (G_OBJECT (item), "delete"),
                                  "win.delete-run");

  accessible = fields->mode == YS_MODE_WITH_AI
    /* TRANSLATORS: accessible description of a run: duration, tool, details */
    ? g_strdup_printf (_("%s with %s, %s"), duration, mode_text, details)
    : g_strdup_printf (_("%s without AI, %s"), duration, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
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

/* Actions ------------------------------------------------------------------- */

static void
explain_workflow_limit (YsWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Three Workflows Are Active"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
    _("Yardstick measures at most three workflows at a time, so that each one gets "
      "enough runs to show a real difference. Archive a workflow you have finished "
      "measuring to add another; its history stays."));
  adw_message_dialog_add_response (dialog, "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_workflow_saved (YsWindow   *self,
                   const char *id)
{
  select_row_for_id (self, id);
}

static void
add_workflow_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  GtkWidget *dialog;

  if (ys_store_count_active_workflows (self->store, NULL) >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
    {
      explain_workflow_limit (self);
      return;
    }

  dialog = ys_workflow_dialog_new (GTK_WINDOW (self), self->store, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_workflow_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_workflow_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(YsWorkflow) workflow = selected_workflow (self);

  if (workflow != NULL)
    gtk_window_present (GTK_WINDOW (ys_workflow_dialog_new (GTK_WINDOW (self), self->store,
                                                            workflow)));
}

static void
set_archived (YsWindow *self,
              gboolean  archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = selected_workflow (self);

  if (workflow == NULL)
    return;

  if (!ys_store_set_workflow_archived (self->store, ys_workflow_get_id (workflow),
                                       archived, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (archived)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” archived"),
                                                ys_workflow_get_name (workflow));
      show_toast (self, title);
    }
}

static void
archive_workflow_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  set_archived (YS_WINDOW (widget), TRUE);
}

static void
unarchive_workflow_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_archived (YS_WINDOW (widget), FALSE);
}

static void
delete_workflow_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = selected_workflow (self);
  g_autofree char *title = NULL;

  if (workflow == NULL)
    return;

  if (!ys_store_delete_workflow (self->store, ys_workflow_get_id (workflow), &error))
    {
      show_toast (self, error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), ys_workflow_get_name (workflow));
  show_undo_toast (self, title, "win.undo-delete-workflow", ys_workflow_get_id (workflow));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_delete_workflow_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);
  gboolean archived_instead = FALSE;

  if (!ys_store_restore_workflow (self->store, id, &archived_instead, &error))
    {
      show_toast (self, error->message);
      return;
    }

  select_row_for_id (self, id);
  if (archived_instead)
    show_toast (self, _("Three workflows are active, so it came back archived"));
}

static void
delete_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id = g_variant_get_string (parameter, NULL);

  if (!ys_store_delete_run (self->store, id, &error))
    show_toast (self, error->message);
  else
    show_undo_toast (self, _("Run deleted"), "win.undo-delete-run", id);
}

static void
undo_delete_run_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ys_store_restore_run (self->store, g_variant_get_string (parameter, NULL), &error))
    show_toast (self, error->message);
}

static void
on_run_saved (YsWindow   *self,
              const char *id)
{
  show_toast (self, _("Run saved"));
}

static void
open_run_dialog (YsWindow   *self,
                 const char *workflow_id)
{
  GtkWidget *dialog = ys_run_dialog_new (GTK_WINDOW (self), self->store, workflow_id, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_run_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_log_run_workflow_chosen (GtkListBox    *list,
                            GtkListBoxRow *row,
                            YsWindow      *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "workflow-id"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
  open_run_dialog (self, id);
}

/* Log Run from the Overview, the Report or Awaiting Outcome: which workflow
 * was the run? The active ones as a list, since names can be long; with only
 * one, there is nothing to ask. */
static void
ask_workflow_for_run (YsWindow *self)
{
  GListModel *workflows = ys_store_get_workflows (self->store);
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog;
  GtkWidget *list;

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (!ys_workflow_get_archived (workflow))
        g_ptr_array_add (active, g_steal_pointer (&workflow));
    }
  if (active->len <= 1)
    {
      if (active->len == 1)
        open_run_dialog (self, ys_workflow_get_id (g_ptr_array_index (active, 0)));
      return;
    }

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Workflows"), -1);
  for (guint i = 0; i < active->len; i++)
    {
      YsWorkflow *workflow = g_ptr_array_index (active, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ys_workflow_get_name (workflow));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ys_workflow_get_description (workflow));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "workflow-id",
                              g_strdup (ys_workflow_get_id (workflow)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_log_run_workflow_chosen), self, 0);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Log a Run"), _("Which workflow was it?"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  if (self->selected_id != NULL)
    open_run_dialog (self, self->selected_id);
  else
    ask_workflow_for_run (self);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ys_demo_fill (self->store, &error))
    show_toast (self, error->message);
}

/* Built when asked for, destroyed when closed. GtkApplication's own help
 * overlay (from gtk/help-overlay.ui) is built at start-up and kept hidden,
 * never mapped, and GTK 4.8's AT-SPI bridge crashes the program when a
 * screen reader asks the application for a window index past the shown
 * ones while such a window is the last toplevel: it sends a NULL object
 * path (docs/upstream/gtk-atspi-get-child-at-index.md). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE
                                                                 "/shortcuts-window.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (overlay, TRUE);
  gtk_window_present (overlay);
}

/* Bundles ------------------------------------------------------------------- */

static void
show_refusal (YsWindow   *self,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ys_window_import_files (YsWindow   *self,
                        GListModel *files)
{
  g_autoptr(GString) refused = g_string_new (NULL);
  guint n;

  g_return_if_fail (YS_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      YsImportResult result;

      /* Each file is all or nothing on its own. */
      if (path == NULL ||
          !ys_bundle_import_file (self->store, path, name, &result, &error))
        {
          if (refused->len > 0)
            g_string_append (refused, "\n\n");
          g_string_append (refused, error ? error->message : name);
        }
      else
        {
          g_autofree char *summary = ys_import_result_describe (&result, name);
          show_toast (self, summary);
        }
    }

  if (refused->len > 0)
    show_refusal (self, _("Nothing Was Imported from This File"), refused->str);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    YsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      ys_window_import_files (self, files);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
bundle_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Yardstick bundles"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = bundle_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Bundles"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
ys_window_export_file (YsWindow       *self,
                       GFile          *file,
                       YsBundleScope   scope)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  g_return_val_if_fail (YS_IS_WINDOW (self), FALSE);

  if (path == NULL || !ys_bundle_export_file (self->store, scope, path, &error))
    {
      show_refusal (self, _("The Bundle Could Not Be Written"),
                    error ? error->message : name);
      return FALSE;
    }

  /* Nothing is shared yet: the file is ready for the team. */
  title = g_strdup_printf (scope == YS_BUNDLE_WORKFLOWS ? _("Saved %s for your team to import")
                                                        : _("Exported to %s"), name);
  show_toast (self, title);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    YsWindow        *self)
{
  YsBundleScope scope = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "scope"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      ys_window_export_file (self, file, scope);
    }
  g_object_unref (dialog);
}

static void
choose_export_file (YsWindow      *self,
                    YsBundleScope  scope)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = bundle_filter ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (scope == YS_BUNDLE_WORKFLOWS ? _("Share Workflows")
                                                                      : _("Export Bundle"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), NULL);
  /* TRANSLATORS: file names; %s is today's date */
  name = g_strdup_printf (scope == YS_BUNDLE_WORKFLOWS ? _("yardstick-workflows-%s.json")
                                                       : _("yardstick-%s.json"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "scope", GINT_TO_POINTER (scope));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_export_file (YS_WINDOW (widget), YS_BUNDLE_EVERYTHING);
}

static void
on_share_workflows_response (AdwMessageDialog *dialog,
                             const char       *response,
                             YsWindow         *self)
{
  if (g_str_equal (response, "save"))
    choose_export_file (self, YS_BUNDLE_WORKFLOWS);
}

/* What the file holds, said before the file is chosen: the menu's three
 * words did not say that runs stay behind. */
static void
share_workflows_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Share Workflows"),
                                              _("Saves your workflows and tools to a file, "
                                                "without any runs or feedback. Colleagues who "
                                                "import it log their runs in the same "
                                                "workflows, so that everyone’s runs can be "
                                                "put together later."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_workflows_response), widget,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Timer and search shortcuts ------------------------------------------------- */

static void
timer_toggle_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  g_autoptr(YsTimer) timer = self->selected_id ? ys_store_get_timer (self->store, self->selected_id)
                                               : NULL;

  gtk_widget_activate_action (GTK_WIDGET (self->timer_card),
                              timer ? "timer.pause-resume" : "timer.start-without-ai", NULL);
}

static void
timer_start_with_ai_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  /* With no tool yet it asks for one, beside the timer: show the timer. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_activate_action (GTK_WIDGET (self->timer_card), "timer.start-with-ai", NULL);
}

static void
timer_finish_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (YS_WINDOW (widget)->timer_card), "timer.finish", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "runs");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_overview_activated (YsWindow   *self,
                       const char *workflow_id)
{
  select_row_for_id (self, workflow_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "figures");
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  gtk_list_box_select_row (self->extras_list, self->overview_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  gtk_list_box_select_row (self->extras_list, self->report_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Alt+1…3 as in tabbed GNOME apps: there are at most three active workflows,
 * and they come first in the sidebar. */
static void
show_workflow_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->workflow_list,
                                                      g_variant_get_int32 (parameter));

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->workflow_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_awaiting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YsWindow *self = YS_WINDOW (widget);

  gtk_list_box_select_row (self->extras_list, self->awaiting_row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Window state ---------------------------------------------------------------- */

static gboolean
ys_window_close_request (GtkWindow *window)
{
  YsWindow *self = YS_WINDOW (window);
  int width, height;

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

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (ys_window_parent_class)->close_request (window);
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

static void
ys_window_constructed (GObject *object)
{
  YsWindow *self = YS_WINDOW (object);
  GListModel *workflows;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (ys_window_parent_class)->constructed (object);

  g_assert (YS_IS_STORE (self->store));

  self->timer_card = YS_TIMER_CARD (ys_timer_card_new (self->store));
  adw_clamp_set_child (self->timer_clamp, GTK_WIDGET (self->timer_card));
  self->feedback_view = YS_FEEDBACK_VIEW (ys_feedback_view_new (self->store));
  adw_bin_set_child (self->feedback_slot, GTK_WIDGET (self->feedback_view));
  self->figures_view = YS_FIGURES_VIEW (ys_figures_view_new (self->store));
  adw_bin_set_child (self->figures_slot, GTK_WIDGET (self->figures_view));
  self->awaiting_runs = ys_store_list_awaiting_outcome (self->store);
  g_signal_connect_object (self->awaiting_runs, "items-changed",
                           G_CALLBACK (update_awaiting_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->extras_list, "row-selected",
                           G_CALLBACK (on_extras_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->extras_list, "row-activated",
                           G_CALLBACK (on_extras_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ys_store_get_timers (self->store), "items-changed",
                           G_CALLBACK (update_ticking), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (update_ticking), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (update_ticking), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_run_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_run_row), self);
  gtk_list_view_set_factory (self->run_list_view, factory);

  workflows = ys_store_get_workflows (self->store);
  g_signal_connect_object (workflows, "items-changed",
                           G_CALLBACK (on_workflows_changing), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->workflow_list, workflows, create_workflow_row, self, NULL);
  gtk_list_box_set_header_func (self->workflow_list, workflow_list_header, NULL, NULL);
  g_signal_connect_object (self->workflow_list, "row-selected",
                           G_CALLBACK (on_workflow_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workflow_list, "row-activated",
                           G_CALLBACK (on_workflow_activated), self, G_CONNECT_SWAPPED);
  /* Connected after bind_model so the rows exist when this runs. */
  g_signal_connect_object (workflows, "items-changed",
                           G_CALLBACK (on_workflows_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "read-failed",
                           G_CALLBACK (on_read_failed), self, G_CONNECT_SWAPPED);

  /* The run list is on a page not shown at start, and its rows cost more to
   * build than the rest of the window: fill it once the first frame is out. */
  self->run_list_idle_id = g_idle_add_full (G_PRIORITY_LOW, show_run_list_idle, self, NULL);
  on_workflows_changed (self, 0, 0, 0, workflows);
  update_content (self);

  if (g_getenv ("YARDSTICK_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (quit_after_first_frame), NULL);
}

static void
ys_window_dispose (GObject *object)
{
  YsWindow *self = (YsWindow *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->run_list_idle_id, g_source_remove);
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
  if (self->awaiting_runs != NULL)
    g_signal_handlers_disconnect_by_data (self->awaiting_runs, self);
  g_clear_object (&self->awaiting_runs);
  if (self->run_list_view != NULL)
    gtk_list_view_set_model (self->run_list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_WINDOW);

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
  g_clear_pointer (&self->reselect_id, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, YsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, log_run_button);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, workflow_list);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, workflow_heading);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, workflow_name_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, workflow_description_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, runs_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, timer_clamp);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, feedback_slot);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, figures_slot);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, awaiting_slot);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, extras_list);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, awaiting_row);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, overview_row);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, report_row);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, report_slot);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, overview_slot);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, awaiting_badge);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, archived_revealer);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, read_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, read_error_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, YsWindow, run_list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_run_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "win.add-workflow", NULL, add_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.read-again", NULL, read_again_action);
  gtk_widget_class_install_action (widget_class, "win.edit-workflow", NULL, edit_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.archive-workflow", NULL,
                                   archive_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-workflow", NULL,
                                   unarchive_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.delete-workflow", NULL,
                                   delete_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-workflow", "s",
                                   undo_delete_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_run_action);
  gtk_widget_class_install_action (widget_class, "win.delete-run", "s", delete_run_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-run", "s",
                                   undo_delete_run_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.timer-toggle", NULL, timer_toggle_action);
  gtk_widget_class_install_action (widget_class, "win.timer-start-with-ai", NULL,
                                   timer_start_with_ai_action);
  gtk_widget_class_install_action (widget_class, "win.timer-finish", NULL, timer_finish_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-awaiting", NULL, show_awaiting_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_action);
  gtk_widget_class_install_action (widget_class, "win.show-workflow", "i", show_workflow_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.share-workflows", NULL,
                                   share_workflows_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-workflow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-workflow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.timer-toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.timer-start-with-ai", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.timer-finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "win.show-awaiting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.show-report", NULL);
  for (int i = 0; i < 3; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-workflow", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
}

static void
ys_window_init (YsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->leaflet, "folded", self->log_run_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);

  /* Running from a build tree without compiled schemas must not abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);

  gtk_list_box_set_placeholder (self->workflow_list, NULL);
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
  show_toast (self, title);
}

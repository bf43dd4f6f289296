/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-awaiting-view.h"
#include "ys-duration.h"

struct _YsAwaitingView
{
  GtkWidget parent_instance;

  YsStore *store;
  GListModel *runs;
  AdwToast *toast;   /* the undo of the last click, while it shows */

  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (YsAwaitingView, ys_awaiting_view, GTK_TYPE_WIDGET)

static void
add_toast (YsAwaitingView *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_undo (AdwToast       *toast,
         YsAwaitingView *self)
{
  ys_store_set_run_used (self->store, g_object_get_data (G_OBJECT (toast), "id"),
                         YS_USED_UNKNOWN, NULL);
}

static void
on_toast_dismissed (AdwToast       *toast,
                    YsAwaitingView *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

/* "26 min of Intake summary": the duration first, since a narrow toast cuts
 * the end. */
static char *
describe_run (YsAwaitingView *self,
              const char     *id)
{
  g_autoptr(YsRun) run = ys_store_get_run (self->store, id, NULL);
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autofree char *duration = NULL;

  if (run == NULL)
    return g_strdup ("");
  workflow = ys_store_get_workflow (self->store, ys_run_get_fields (run)->workflow_id);
  duration = ys_duration_format (ys_run_get_fields (run)->duration_seconds);
  /* TRANSLATORS: a run in a toast: its duration, then its workflow, e.g.
   * "26 min of Intake summary" */
  return g_strdup_printf (_("%s of %s"), duration, workflow ? ys_workflow_get_name (workflow) : "");
}

static void
mark (YsAwaitingView *self,
      const char     *id,
      YsUsed          used)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *run = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ys_store_set_run_used (self->store, id, used, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* One undo at a time, naming its run: queued toasts lagged behind fast
   * clicks, so Undo could take back another run than the one shown. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  run = describe_run (self, id);
  /* TRANSLATORS: a toast, e.g. "Used: 26 min of Intake summary" */
  title = g_strdup_printf (used == YS_USED_YES ? _("Used: %s") : _("Not used: %s"), run);
  toast = adw_toast_new (title);
  {
    /* Wrapped rather than cut: at 360 px, in German, only "Nicht verwen…"
     * was left of the run it names. */
    GtkWidget *label = gtk_label_new (title);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    /* On one line where there is room. */
    gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
    adw_toast_set_custom_title (toast, label);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) != NULL)
    self->toast = toast;
  add_toast (self, toast);
}

static void
used_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  mark (YS_AWAITING_VIEW (widget), g_variant_get_string (parameter, NULL), YS_USED_YES);
}

static void
not_used_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mark (YS_AWAITING_VIEW (widget), g_variant_get_string (parameter, NULL), YS_USED_NO);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           YsAwaitingView           *self)
{
  GtkWidget *box = gtk_flow_box_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *used = gtk_button_new_with_mnemonic (_("_Used"));
  GtkWidget *not_used = gtk_button_new_with_mnemonic (_("_Not Used"));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Wrap rather than ellipsize: the duration comes after the workflow's name
   * and is what tells two runs apart, and names grow in translation. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), used);
  gtk_box_append (GTK_BOX (buttons), not_used);

  /* The buttons go under the run when there is no room beside it: in
   * German they are 230 px wide. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (box), text);
  gtk_flow_box_append (GTK_FLOW_BOX (box), buttons);
  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_focusable (c, FALSE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_add_css_class (box, "ys-plain-flow");
  gtk_widget_add_css_class (box, "ys-run-row");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);

  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (item), "used", used);
  g_object_set_data (G_OBJECT (item), "not-used", not_used);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          YsAwaitingView           *self)
{
  YsRun *run = gtk_list_item_get_item (item);
  const YsRunFields *fields = ys_run_get_fields (run);
  g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (self->store, fields->workflow_id);
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (fields->started_at);
  g_autofree char *duration = ys_duration_format (fields->duration_seconds);
  g_autofree char *when = g_date_time_format (started, _("%a %-d %b %Y, %H:%M"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = g_strdup_printf ("%s · %s", workflow ? ys_workflow_get_name (workflow) : "", duration);
  subtitle = fields->mode == YS_MODE_WITH_AI
    ? g_strdup_printf (_("%s · with %s"), when, ys_run_get_tool_name (run))
    : g_strdup_printf (_("%s · without AI"), when);

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "subtitle"), subtitle);
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "used"), "s",
                                    ys_run_get_id (run));
  gtk_actionable_set_action_name (g_object_get_data (G_OBJECT (item), "used"), "awaiting.used");
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "not-used"), "s",
                                    ys_run_get_id (run));
  gtk_actionable_set_action_name (g_object_get_data (G_OBJECT (item), "not-used"),
                                  "awaiting.not-used");
}

static void
update_page (YsAwaitingView *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->runs) > 0 ? "list" : "empty");
}

static void
ys_awaiting_view_dispose (GObject *object)
{
  GtkWidget *child;
  YsAwaitingView *self = (YsAwaitingView *) object;

  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  self->toast = NULL;
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_data (self->runs, self);
  g_clear_object (&self->runs);
  gtk_widget_dispose_template (GTK_WIDGET (self), YS_TYPE_AWAITING_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ys_awaiting_view_parent_class)->dispose (object);
}

static void
ys_awaiting_view_finalize (GObject *object)
{
  g_clear_object (&YS_AWAITING_VIEW (object)->store);

  G_OBJECT_CLASS (ys_awaiting_view_parent_class)->finalize (object);
}

static void
ys_awaiting_view_class_init (YsAwaitingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_awaiting_view_dispose;
  object_class->finalize = ys_awaiting_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-awaiting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YsAwaitingView, stack);
  gtk_widget_class_bind_template_child (widget_class, YsAwaitingView, list_view);

  gtk_widget_class_install_action (widget_class, "awaiting.used", "s", used_action);
  gtk_widget_class_install_action (widget_class, "awaiting.not-used", "s", not_used_action);
}

static void
ys_awaiting_view_init (YsAwaitingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ys_awaiting_view_new (YsStore *store)
{
  YsAwaitingView *self;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_AWAITING_VIEW, NULL);
  self->store = g_object_ref (store);
  self->runs = ys_store_list_awaiting_outcome (store);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->runs))));
  g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  update_page (self);
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ys-chart.h"
#include "ys-overview-view.h"
#include "ys-team-folder-page.h"
#include "ys-wording.h"

struct _YsOverviewView
{
  GtkWidget parent_instance;

  YsStore *store;
  YsTeamFolder *team;
  GtkWidget *scroller;
  GtkWidget *list;
  GtkWidget *sync_box;
  GtkWidget *sync_label;
  GtkWidget *show_folder;
  guint refresh_id;
  guint minute_id;
};

G_DEFINE_FINAL_TYPE (YsOverviewView, ys_overview_view, GTK_TYPE_WIDGET)

enum {
  WORKFLOW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
sparkline (YsStore    *store,
           const char *workflow_id)
{
  g_autoptr(GArray) weeks = ys_stats_weekly (store, workflow_id, NULL, NULL, NULL);
  GtkWidget *chart = ys_chart_new (YS_CHART_AXIS_DURATION);
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;

  if (weeks == NULL)
    weeks = g_array_new (FALSE, TRUE, sizeof (YsWeek));
  x = g_new (double, MAX (weeks->len, 1));
  y = g_new (double, MAX (weeks->len, 1));

  ys_chart_set_compact (YS_CHART (chart), TRUE);
  gtk_widget_set_size_request (chart, 160, 40);
  gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);

  for (int mode = 0; mode < 2; mode++)
    {
      guint n = 0;

      for (guint i = 0; i < weeks->len; i++)
        {
          const YsWeek *week = &g_array_index (weeks, YsWeek, i);

          if (week->runs[mode] == 0)
            continue;
          x[n] = g_date_get_julian (&week->monday);
          y[n] = week->median_seconds[mode];
          n++;
        }
      if (n > 0)
        ys_chart_add_series (YS_CHART (chart), mode ? _("With AI") : _("Without AI"),
                             mode ? YS_CHART_STYLE_SOLID_CIRCLES : YS_CHART_STYLE_DASHED_SQUARES,
                             x, y, n);
    }
  return chart;
}

static void
on_row_activated (YsOverviewView *self,
                  GtkListBoxRow  *row,
                  GtkListBox     *list)
{
  g_signal_emit (self, signals[WORKFLOW_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "workflow-id"));
}

static void
refresh (YsOverviewView *self)
{
  g_autoptr(YsSummary) summary = ys_summary_compute (self->store, NULL, NULL, NULL);
  GtkWidget *child;
  guint shown = 0;

  if (summary == NULL)
    return;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint i = 0; i < summary->workflows->len; i++)
    {
      YsWorkflowFigures *w = g_ptr_array_index (summary->workflows, i);
      g_autofree char *headline = NULL;
      g_autofree char *accessible = NULL;
      g_autofree char *trend = NULL;
      GtkWidget *row, *box, *text, *name, *line, *chart;

      if (w->archived)
        continue;

      headline = ys_wording_headline (w);
      row = gtk_list_box_row_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      name = gtk_label_new (w->name);
      line = gtk_label_new (headline);
      chart = sparkline (self->store, w->id);

      /* A long German compound word would otherwise hold the row, with
       * its sparkline beside it, wider than 360 px. */
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), name);
      gtk_box_append (GTK_BOX (text), line);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), chart);
      gtk_widget_add_css_class (box, "ys-overview-card");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

      trend = g_strdup_printf (_("Weekly median time of %s"), w->name);
      ys_chart_set_description (YS_CHART (chart), trend, headline);
      accessible = g_strdup_printf ("%s. %s", w->name, headline);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_object_set_data_full (G_OBJECT (row), "workflow-id", g_strdup (w->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      shown++;
    }

  gtk_widget_set_visible (self->list, shown > 0);
}

/* A discreet line under the introduction: "In step with 4 other computers,
 * 2 minutes ago". It counts computers and never names them; after a day
 * of a file that cannot be read, it offers to show the folder. */
static void
update_sync_line (YsOverviewView *self)
{
  g_autofree char *line = NULL;
  guint long_failures = 0;

  if (self->team != NULL)
    line = ys_team_folder_describe (self->team, &long_failures, NULL);
  gtk_widget_set_visible (self->sync_box, line != NULL);
  if (line == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (self->sync_label), line);
  gtk_widget_set_visible (self->show_folder, long_failures > 0);
}

static void
on_show_folder_clicked (YsOverviewView *self)
{
  if (self->team != NULL)
    ys_team_folder_page_show_folder (self->team, GTK_WIDGET (self));
}

/* "2 minutes ago" moves on while the overview is shown. */
static gboolean
every_minute (gpointer user_data)
{
  update_sync_line (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
refresh_idle (gpointer user_data)
{
  YsOverviewView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (YsOverviewView *self,
                  guint           changes,
                  YsStore        *store)
{
  if (self->refresh_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Computed only when shown: the overview is not the page people stay on. */
static void
ys_overview_view_map (GtkWidget *widget)
{
  YsOverviewView *self = YS_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (ys_overview_view_parent_class)->map (widget);
  refresh (self);
  update_sync_line (self);
  if (self->minute_id == 0)
    self->minute_id = g_timeout_add_seconds (60, every_minute, self);
}

static void
ys_overview_view_unmap (GtkWidget *widget)
{
  g_clear_handle_id (&YS_OVERVIEW_VIEW (widget)->minute_id, g_source_remove);
  GTK_WIDGET_CLASS (ys_overview_view_parent_class)->unmap (widget);
}

static void
ys_overview_view_dispose (GObject *object)
{
  YsOverviewView *self = (YsOverviewView *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (ys_overview_view_parent_class)->dispose (object);
}

static void
ys_overview_view_finalize (GObject *object)
{
  g_clear_object (&YS_OVERVIEW_VIEW (object)->store);
  g_clear_object (&YS_OVERVIEW_VIEW (object)->team);

  G_OBJECT_CLASS (ys_overview_view_parent_class)->finalize (object);
}

static void
ys_overview_view_class_init (YsOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ys_overview_view_dispose;
  object_class->finalize = ys_overview_view_finalize;
  widget_class->map = ys_overview_view_map;
  widget_class->unmap = ys_overview_view_unmap;

  signals[WORKFLOW_ACTIVATED] = g_signal_new ("workflow-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ys_overview_view_init (YsOverviewView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Each workflow’s state of the evidence, and its weekly "
                                      "median time (dashed without AI, solid with AI). Nothing "
                                      "here is about people: Yardstick measures the work."));

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");

  self->sync_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->sync_label = gtk_label_new (NULL);
  self->show_folder = gtk_button_new_with_mnemonic (_("Show _Folder"));
  gtk_label_set_wrap (GTK_LABEL (self->sync_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->sync_label), 0);
  gtk_widget_set_hexpand (self->sync_label, TRUE);
  gtk_widget_add_css_class (self->sync_label, "dim-label");
  gtk_widget_add_css_class (self->sync_label, "caption");
  gtk_widget_set_valign (self->show_folder, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->show_folder, "flat");
  g_signal_connect_object (self->show_folder, "clicked", G_CALLBACK (on_show_folder_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->sync_box), self->sync_label);
  gtk_box_append (GTK_BOX (self->sync_box), self->show_folder);
  gtk_widget_set_visible (self->sync_box, FALSE);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Workflows"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), self->sync_box);
  gtk_box_append (GTK_BOX (box), self->list);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
ys_overview_view_new (YsStore *store)
{
  YsOverviewView *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);

  self = g_object_new (YS_TYPE_OVERVIEW_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
ys_overview_view_set_team_folder (YsOverviewView *self,
                                  YsTeamFolder   *team)
{
  g_return_if_fail (YS_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (team == NULL || YS_IS_TEAM_FOLDER (team));

  if (self->team != NULL)
    g_signal_handlers_disconnect_by_data (self->team, self);
  g_set_object (&self->team, team);
  if (team != NULL)
    {
      g_signal_connect_object (team, "synced", G_CALLBACK (update_sync_line), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (team, "notify::syncing", G_CALLBACK (update_sync_line), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (team, "notify::path", G_CALLBACK (update_sync_line), self,
                               G_CONNECT_SWAPPED);
    }
  update_sync_line (self);
}

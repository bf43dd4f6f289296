/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-duration.h"
#include "ys-sidebar-row.h"

struct _YsSidebarRow
{
  GtkListBoxRow parent_instance;

  YsWorkflow *workflow;

  GtkLabel *name_label;
  GtkLabel *description_label;
  GtkLabel *timer_label;
};

G_DEFINE_FINAL_TYPE (YsSidebarRow, ys_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ys_sidebar_row_constructed (GObject *object)
{
  YsSidebarRow *self = YS_SIDEBAR_ROW (object);
  const char *description = ys_workflow_get_description (self->workflow);

  G_OBJECT_CLASS (ys_sidebar_row_parent_class)->constructed (object);

  gtk_label_set_label (self->name_label, ys_workflow_get_name (self->workflow));
  if (description != NULL && *description != '\0')
    {
      gtk_label_set_label (self->description_label, description);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), TRUE);
    }
}

static void
ys_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YS_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (ys_sidebar_row_parent_class)->dispose (object);
}

static void
ys_sidebar_row_finalize (GObject *object)
{
  YsSidebarRow *self = YS_SIDEBAR_ROW (object);

  g_clear_object (&self->workflow);

  G_OBJECT_CLASS (ys_sidebar_row_parent_class)->finalize (object);
}

static void
ys_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YsSidebarRow *self = YS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW: g_value_set_object (value, self->workflow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  YsSidebarRow *self = YS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW: self->workflow = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_sidebar_row_class_init (YsSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ys_sidebar_row_constructed;
  object_class->dispose = ys_sidebar_row_dispose;
  object_class->finalize = ys_sidebar_row_finalize;
  object_class->get_property = ys_sidebar_row_get_property;
  object_class->set_property = ys_sidebar_row_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, YS_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ys-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, YsSidebarRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, YsSidebarRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, YsSidebarRow, timer_label);
}

static void
ys_sidebar_row_init (YsSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ys_sidebar_row_new (YsWorkflow *workflow)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (workflow), NULL);

  return g_object_new (YS_TYPE_SIDEBAR_ROW, "workflow", workflow, NULL);
}

YsWorkflow *
ys_sidebar_row_get_workflow (YsSidebarRow *self)
{
  g_return_val_if_fail (YS_IS_SIDEBAR_ROW (self), NULL);
  return self->workflow;
}

const char *
ys_sidebar_row_get_workflow_id (YsSidebarRow *self)
{
  g_return_val_if_fail (YS_IS_SIDEBAR_ROW (self), NULL);
  return ys_workflow_get_id (self->workflow);
}

/* @timer: the workflow's timer, or NULL to hide the clock. */
void
ys_sidebar_row_set_timer (YsSidebarRow *self,
                          YsTimer      *timer,
                          gint64        now)
{
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (YS_IS_SIDEBAR_ROW (self));

  label = GTK_WIDGET (self->timer_label);
  gtk_widget_set_visible (label, timer != NULL);
  if (timer == NULL)
    return;

  text = ys_duration_format_clock (ys_timer_get_elapsed_seconds (timer, now));
  tooltip = g_strdup_printf (ys_timer_is_paused (timer) ? _("Timer paused at %s")
                                                        : _("Timer running: %s"), text);
  gtk_label_set_label (self->timer_label, text);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (ys_timer_is_paused (timer))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

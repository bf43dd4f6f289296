/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-test"

#include "ys-test-ui.h"

static gboolean
on_timeout (gpointer user_data)
{
  YsTestWait *wait = user_data;

  wait->timed_out = TRUE;
  wait->timeout_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
on_tick (gpointer user_data)
{
  /* Only wakes the loop up, so that the condition is looked at again. */
  return G_SOURCE_CONTINUE;
}

void
ys_test_wait_begin (YsTestWait *wait,
                    guint       timeout_ms)
{
  wait->timed_out = FALSE;
  wait->timeout_id = g_timeout_add (timeout_ms, on_timeout, wait);
  wait->tick_id = g_timeout_add (20, on_tick, NULL);
}

gboolean
ys_test_wait_next (YsTestWait *wait)
{
  if (wait->timed_out)
    return FALSE;
  g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

void
ys_test_wait_end (YsTestWait *wait,
                  gboolean    holds,
                  const char *file,
                  int         line,
                  const char *condition)
{
  g_clear_handle_id (&wait->timeout_id, g_source_remove);
  g_clear_handle_id (&wait->tick_id, g_source_remove);
  if (!holds)
    g_error ("%s:%d: still not true after %d ms: %s", file, line, YS_TEST_WAIT_MS, condition);
}

gboolean
ys_test_wait_for (YsTestPredicate predicate,
                  gpointer        user_data,
                  guint           timeout_ms)
{
  YsTestWait wait;
  gboolean holds;

  ys_test_wait_begin (&wait, timeout_ms);
  while (!(holds = predicate (user_data)) && ys_test_wait_next (&wait))
    ;
  g_clear_handle_id (&wait.timeout_id, g_source_remove);
  g_clear_handle_id (&wait.tick_id, g_source_remove);
  return holds;
}

/* A widget under @root built from @root's own .ui files, not from one of
 * our widgets' templates inside it. */
static GtkWidget *
find_built (GtkWidget  *root,
            GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (c)), name) == 0)
        return c;
      if (g_str_has_prefix (G_OBJECT_TYPE_NAME (c), "Ys") && c != root)
        continue;
      if ((found = find_built (root, c, name)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ys_test_child (gpointer    widget,
               GType       type,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  /* Parts a widget builds when first needed (the window's workflows page)
   * are not template children; they carry their id all the same. */
  if (object == NULL)
    object = G_OBJECT (find_built (widget, widget, name));
  if (object == NULL)
    g_error ("%s has no child “%s”", g_type_name (type), name);
  return GTK_WIDGET (object);
}

GtkWindow *
ys_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

void
ys_test_set_text (gpointer    widget,
                  GType       type,
                  const char *field,
                  const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ys_test_child (widget, type, field)), text);
}

static gboolean
no_toplevels (gpointer user_data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

void
ys_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    g_ptr_array_add (windows, g_list_model_get_item (toplevels, i));
  /* Newest first, so that a dialog goes before the window it is transient
   * for: a dialog outliving its parent's last reference crashes when it
   * lets go of that parent. */
  for (guint i = windows->len; i > 0; i--)
    gtk_window_destroy (windows->pdata[i - 1]);
  if (!ys_test_wait_for (no_toplevels, NULL, YS_TEST_WAIT_MS))
    g_error ("%u windows still there %d ms after they were destroyed",
             g_list_model_get_n_items (toplevels), YS_TEST_WAIT_MS);
  while (windows->len > 0)
    g_ptr_array_remove_index (windows, windows->len - 1);

  /* What their destruction left to do (idle callbacks, finished tasks)
   * runs now rather than in the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
ys_test_widest_leaf (GtkWidget *widget,
                     int        limit)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int minimum;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        return ys_test_widest_leaf (c, limit);
    }
  return widget;
}

GtkWidget *
ys_test_toast_button (gpointer window,
                      GType    type)
{
  GtkWidget *overlay = ys_test_child (window, type, "toast_overlay");

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c; c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget"))
      for (GtkWidget *d = gtk_widget_get_first_child (c); d; d = gtk_widget_get_next_sibling (d))
        if (GTK_IS_BUTTON (d) && gtk_button_get_label (GTK_BUTTON (d)) != NULL)
          return d;
  return NULL;
}

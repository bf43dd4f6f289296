/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-tool.h"

/* A field added here belongs in ys_tool_equal () too, or the store's model
 * keeps the old object when only that field changes. */
struct _YsTool
{
  GObject parent_instance;

  char *id;
  char *name;
  gint64 monthly_cost;
};

G_DEFINE_FINAL_TYPE (YsTool, ys_tool, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MONTHLY_COST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ys_tool_finalize (GObject *object)
{
  YsTool *self = (YsTool *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (ys_tool_parent_class)->finalize (object);
}

static void
ys_tool_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  YsTool *self = YS_TOOL (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_MONTHLY_COST: g_value_set_int64 (value, self->monthly_cost); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_tool_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  YsTool *self = YS_TOOL (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_MONTHLY_COST: self->monthly_cost = g_value_get_int64 (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_tool_class_init (YsToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ys_tool_finalize;
  object_class->get_property = ys_tool_get_property;
  object_class->set_property = ys_tool_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MONTHLY_COST] = g_param_spec_int64 ("monthly-cost", NULL, NULL,
                                                      -1, G_MAXINT64, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_tool_init (YsTool *self)
{
}

YsTool *
ys_tool_new (const char *id,
             const char *name,
             gint64      monthly_cost)
{
  return g_object_new (YS_TYPE_TOOL, "id", id, "name", name, "monthly-cost", monthly_cost, NULL);
}

const char *
ys_tool_get_id (YsTool *self)
{
  g_return_val_if_fail (YS_IS_TOOL (self), NULL);
  return self->id;
}

const char *
ys_tool_get_name (YsTool *self)
{
  g_return_val_if_fail (YS_IS_TOOL (self), NULL);
  return self->name;
}

gint64
ys_tool_get_monthly_cost (YsTool *self)
{
  g_return_val_if_fail (YS_IS_TOOL (self), -1);
  return self->monthly_cost;
}

/* Whether two tools show the same: a model keeps the one it has. */
gboolean
ys_tool_equal (gconstpointer a,
               gconstpointer b)
{
  const YsTool *x = a;
  const YsTool *y = b;

  return g_strcmp0 (x->id, y->id) == 0 &&
         g_strcmp0 (x->name, y->name) == 0 &&
         x->monthly_cost == y->monthly_cost;
}

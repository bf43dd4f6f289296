/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-types.h"
#include "ys-workflow.h"

/* A snapshot of one workflow row; the store hands out fresh ones on change. */
/* A field added here belongs in ys_workflow_equal () too, or the store's model
 * keeps the old object when only that field changes. */
struct _YsWorkflow
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  int people;
  gboolean archived;
  gboolean fair_test;
};

G_DEFINE_FINAL_TYPE (YsWorkflow, ys_workflow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_PEOPLE,
  PROP_ARCHIVED,
  PROP_FAIR_TEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ys_workflow_finalize (GObject *object)
{
  YsWorkflow *self = (YsWorkflow *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ys_workflow_parent_class)->finalize (object);
}

static void
ys_workflow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  YsWorkflow *self = YS_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_PEOPLE: g_value_set_int (value, self->people); break;
    case PROP_ARCHIVED: g_value_set_boolean (value, self->archived); break;
    case PROP_FAIR_TEST: g_value_set_boolean (value, self->fair_test); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_workflow_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  YsWorkflow *self = YS_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: self->description = g_value_dup_string (value); break;
    case PROP_PEOPLE: self->people = g_value_get_int (value); break;
    case PROP_ARCHIVED: self->archived = g_value_get_boolean (value); break;
    case PROP_FAIR_TEST: self->fair_test = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ys_workflow_class_init (YsWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ys_workflow_finalize;
  object_class->get_property = ys_workflow_get_property;
  object_class->set_property = ys_workflow_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_PEOPLE] = g_param_spec_int ("people", NULL, NULL,
                                              YS_LIMITS_MIN_PEOPLE, YS_LIMITS_MAX_PEOPLE, 1,
                                              flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  /* Whether Yardstick draws each run's mode: this computer's setting. */
  properties[PROP_FAIR_TEST] = g_param_spec_boolean ("fair-test", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ys_workflow_init (YsWorkflow *self)
{
}

YsWorkflow *
ys_workflow_new (const char *id,
                 const char *name,
                 const char *description,
                 int         people,
                 gboolean    archived,
                 gboolean    fair_test)
{
  return g_object_new (YS_TYPE_WORKFLOW,
                       "id", id,
                       "name", name,
                       "description", description ? description : "",
                       "people", people,
                       "archived", archived,
                       "fair-test", fair_test,
                       NULL);
}

const char *
ys_workflow_get_id (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), NULL);
  return self->id;
}

const char *
ys_workflow_get_name (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), NULL);
  return self->name;
}

const char *
ys_workflow_get_description (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), NULL);
  return self->description;
}

int
ys_workflow_get_people (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), 0);
  return self->people;
}

gboolean
ys_workflow_get_archived (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), FALSE);
  return self->archived;
}

/* Whether two workflows show the same: a model keeps the one it has. */
gboolean
ys_workflow_equal (gconstpointer a,
                   gconstpointer b)
{
  const YsWorkflow *x = a;
  const YsWorkflow *y = b;

  return g_strcmp0 (x->id, y->id) == 0 &&
         g_strcmp0 (x->name, y->name) == 0 &&
         g_strcmp0 (x->description, y->description) == 0 &&
         x->people == y->people &&
         x->archived == y->archived &&
         x->fair_test == y->fair_test;
}

gboolean
ys_workflow_get_fair_test (YsWorkflow *self)
{
  g_return_val_if_fail (YS_IS_WORKFLOW (self), FALSE);
  return self->fair_test;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-context.h"

struct _YsContext
{
  GObject parent_instance;

  YsStore *store;
  YsClock *clock;
  GSettings *settings;
  GRand *random;
};

G_DEFINE_FINAL_TYPE (YsContext, ys_context, G_TYPE_OBJECT)

YsContext *
ys_context_new (YsStore   *store,
                YsClock   *clock,
                GSettings *settings,
                guint32    seed)
{
  YsContext *self;

  g_return_val_if_fail (YS_IS_STORE (store), NULL);
  g_return_val_if_fail (YS_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (YS_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->random = seed != 0 ? g_rand_new_with_seed (seed) : g_rand_new ();
  ys_store_set_clock (store, clock);
  return self;
}

YsStore *
ys_context_get_store (YsContext *self)
{
  g_return_val_if_fail (YS_IS_CONTEXT (self), NULL);
  return self->store;
}

YsClock *
ys_context_get_clock (YsContext *self)
{
  g_return_val_if_fail (YS_IS_CONTEXT (self), NULL);
  return self->clock;
}

GSettings *
ys_context_get_settings (YsContext *self)
{
  g_return_val_if_fail (YS_IS_CONTEXT (self), NULL);
  return self->settings;
}

GRand *
ys_context_get_random (YsContext *self)
{
  g_return_val_if_fail (YS_IS_CONTEXT (self), NULL);
  return self->random;
}

guint32
ys_context_seed_from_environment (void)
{
  const char *seed = g_getenv ("YARDSTICK_RANDOM_SEED");

  return seed != NULL ? (guint32) g_ascii_strtoull (seed, NULL, 10) : 0;
}

static void
ys_context_finalize (GObject *object)
{
  YsContext *self = (YsContext *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->random, g_rand_free);

  G_OBJECT_CLASS (ys_context_parent_class)->finalize (object);
}

static void
ys_context_class_init (YsContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_context_finalize;
}

static void
ys_context_init (YsContext *self)
{
}

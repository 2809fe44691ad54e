/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-preferences-window.h"

/* The few settings a cataloger may change; each is a GSettings key, bound
 * so that a change applies at once. */
struct _DocketPreferencesWindow
{
  GtkWindow  parent_instance;

  GtkEntry  *name_entry;
  GtkLabel  *name_hint_label;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (DocketPreferencesWindow, docket_preferences_window, GTK_TYPE_WINDOW)

static void
docket_preferences_window_dispose (GObject *object)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (docket_preferences_window_parent_class)->dispose (object);
}

static void
docket_preferences_window_class_init (DocketPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, name_hint_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_preferences_window_init (DocketPreferencesWindow *self)
{
  g_autofree char *hint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "cataloger-name", self->name_entry, "text", G_SETTINGS_BIND_DEFAULT);

  /* Translators: %s is the account's full name or user name */
  hint = g_strdup_printf (_("Recorded with every change you make. When empty, “%s” is used."),
                          g_get_real_name () != NULL && g_strcmp0 (g_get_real_name (), "Unknown") != 0
                          ? g_get_real_name () : g_get_user_name ());
  gtk_label_set_label (self->name_hint_label, hint);
}

GtkWidget *
docket_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DOCKET_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-header"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-window-private.h"

/* What the header bar shows: the catalog's name and folder as the title,
 * and the catalogs opened recently in the primary menu. */

static void
recent_changed_cb (DocketWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-catalogs");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

static void
update_title (DocketWindow *self)
{
  const char *path = docket_store_get_path (self->store);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *title = NULL;
  const char *home = g_get_home_dir ();
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* Translators: the window title; %s is the catalog file's name */
  title = g_strdup_printf (_("%s — Docket"), base);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->title_label, base);

  if (home != NULL && g_str_has_prefix (dir, home))
    {
      g_autofree char *short_dir = g_strconcat ("~", dir + strlen (home), NULL);
      gtk_label_set_label (self->subtitle_label, short_dir);
    }
  else
    gtk_label_set_label (self->subtitle_label, dir);
}

void
_docket_window_setup_header (DocketWindow *self)
{
  update_title (self);
  recent_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::recent-catalogs", G_CALLBACK (recent_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

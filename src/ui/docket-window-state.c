/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-window-state"

#include "config.h"

#include "docket-window-private.h"

/* The window's size, whether it is maximized and the width of the record
 * list, remembered in GSettings from one run to the next. */

void
_docket_window_save_state (DocketWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
  g_settings_apply (self->settings);
}

/* The text (300) and the side pane (about 400) at their narrowest. */
#define MIN_TEXT_AND_SIDE_PANE_WIDTH 740
#define MIN_SIDEBAR_WIDTH 220

/* The largest size that fits every monitor, so that a remembered or
 * default size never puts part of the window off a small screen (a
 * 1024×600 netbook); a window manager would clamp it, but not every
 * session has one. */
static void
clamp_to_monitors (DocketWindow *self,
                   int          *width,
                   int          *height)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width > 0 && *width > geometry.width)
        *width = geometry.width;
      if (geometry.height > 0 && *height > geometry.height)
        *height = geometry.height;
    }
}

void
_docket_window_restore_state (DocketWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  clamp_to_monitors (self, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* On a narrow screen the record list gives way first, down to its
   * minimum, so that the text and the side pane keep theirs. */
  gtk_paned_set_position (self->outer_paned,
                          CLAMP (width - MIN_TEXT_AND_SIDE_PANE_WIDTH, MIN_SIDEBAR_WIDTH,
                                 g_settings_get_int (self->settings, "sidebar-width")));
}

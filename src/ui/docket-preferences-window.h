/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOCKET_TYPE_PREFERENCES_WINDOW (docket_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DocketPreferencesWindow, docket_preferences_window, DOCKET, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *docket_preferences_window_new (GtkWindow *parent);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_WINDOW (docket_window_get_type ())

G_DECLARE_FINAL_TYPE (DocketWindow, docket_window, DOCKET, WINDOW, GtkApplicationWindow)

DocketWindow *docket_window_new          (GtkApplication *application,
                                          DocketStore    *store);
DocketStore  *docket_window_get_store    (DocketWindow   *self);
DocketRecord *docket_window_get_record   (DocketWindow   *self);
void          docket_window_reload       (DocketWindow   *self);
void          docket_window_open_record  (DocketWindow   *self,
                                          const char     *id);
gboolean      docket_window_flush        (DocketWindow   *self,
                                          GError        **error);
void          docket_window_show_error   (DocketWindow   *self,
                                          const char     *message);
void          docket_window_set_busy     (DocketWindow   *self,
                                          const char     *message);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-window.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_APPLICATION (docket_application_get_type ())

G_DECLARE_FINAL_TYPE (DocketApplication, docket_application, DOCKET, APPLICATION, GtkApplication)

DocketApplication *docket_application_new                (GApplicationFlags   flags);
DocketWindow      *docket_application_open_catalog       (DocketApplication  *self,
                                                          const char         *path,
                                                          GError            **error);
DocketWindow      *docket_application_open_default       (DocketApplication  *self,
                                                          GError            **error);
void               docket_application_import_file        (DocketApplication  *self,
                                                          const char         *path);
gboolean           docket_application_is_busy            (DocketApplication  *self);

G_END_DECLS

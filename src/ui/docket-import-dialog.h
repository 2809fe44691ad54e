/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_IMPORT_DIALOG (docket_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DocketImportDialog, docket_import_dialog, DOCKET, IMPORT_DIALOG, GtkWindow)

DocketImportDialog *docket_import_dialog_new          (GtkWindow          *parent,
                                                       DocketStore        *store,
                                                       GListModel         *files);
void                docket_import_dialog_cancel       (DocketImportDialog *self);
gboolean            docket_import_dialog_get_running  (DocketImportDialog *self);
const char         *docket_import_dialog_get_status   (DocketImportDialog *self);

G_END_DECLS

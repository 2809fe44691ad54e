/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_EXPORT_DIALOG (docket_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DocketExportDialog, docket_export_dialog, DOCKET, EXPORT_DIALOG, GtkWindow)

/**
 * DocketExportScope:
 * @DOCKET_EXPORT_SCOPE_RECORD: the record open in the window
 * @DOCKET_EXPORT_SCOPE_SELECTED: the records selected in the list (those of
 *   the open record's collection)
 * @DOCKET_EXPORT_SCOPE_COLLECTION: the open record's whole collection
 */
typedef enum
{
  DOCKET_EXPORT_SCOPE_RECORD,
  DOCKET_EXPORT_SCOPE_SELECTED,
  DOCKET_EXPORT_SCOPE_COLLECTION,
} DocketExportScope;

DocketExportDialog *docket_export_dialog_new            (GtkWindow          *parent,
                                                         DocketStore        *store,
                                                         const char         *record_id,
                                                         GStrv               selected_ids);
void                docket_export_dialog_set_selected_elsewhere (DocketExportDialog *self,
                                                                 guint               n_records,
                                                                 guint               n_collections);
const char         *docket_export_dialog_get_selected_label (DocketExportDialog *self);
const char         *docket_export_dialog_get_selected_note  (DocketExportDialog *self);
void                docket_export_dialog_set_scope      (DocketExportDialog *self,
                                                         DocketExportScope   scope);
void                docket_export_dialog_set_format     (DocketExportDialog *self,
                                                         gboolean            ead2002);
void                docket_export_dialog_set_include_unapproved (DocketExportDialog *self,
                                                                 gboolean            include);
void                docket_export_dialog_export_to      (DocketExportDialog *self,
                                                         const char         *path);
gboolean            docket_export_dialog_get_running    (DocketExportDialog *self);
const char         *docket_export_dialog_get_message    (DocketExportDialog *self);
gboolean            docket_export_dialog_get_succeeded  (DocketExportDialog *self);

G_END_DECLS

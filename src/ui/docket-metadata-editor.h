/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-model.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_METADATA_EDITOR (docket_metadata_editor_get_type ())

G_DECLARE_FINAL_TYPE (DocketMetadataEditor, docket_metadata_editor, DOCKET, METADATA_EDITOR, GtkWidget)

GtkWidget    *docket_metadata_editor_new              (void);
DocketRecord *docket_metadata_editor_get_record       (DocketMetadataEditor *self);
void          docket_metadata_editor_set_record       (DocketMetadataEditor *self,
                                                       DocketRecord         *record);
GtkWidget    *docket_metadata_editor_get_field_widget (DocketMetadataEditor *self,
                                                       DocketField           field);
GtkWidget    *docket_metadata_editor_get_field_label  (DocketMetadataEditor *self,
                                                       DocketField           field);
const char   *docket_metadata_editor_get_field_message (DocketMetadataEditor *self,
                                                        DocketField           field);
const char   *docket_metadata_editor_get_normalized_date (DocketMetadataEditor *self);
GtkListBox   *docket_metadata_editor_get_agents_list  (DocketMetadataEditor *self);
GtkListBox   *docket_metadata_editor_get_access_points_list (DocketMetadataEditor *self);
gboolean      docket_metadata_editor_focus_key        (DocketMetadataEditor *self,
                                                       const char           *key);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-metadata-editor.h"

G_BEGIN_DECLS

/* What the metadata editor's parts share. */

typedef enum
{
  SEVERITY_NONE,
  SEVERITY_WARNING,
  SEVERITY_ERROR,
} Severity;

typedef struct
{
  GtkWidget *label;
  GtkWidget *input;     /* GtkEntry, GtkTextView for long text, or GtkDropDown */
  GtkLabel  *message;
  Severity   severity;
} FieldWidgets;

struct _DocketMetadataEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkBox        *groups_box;

  FieldWidgets   fields[DOCKET_N_FIELDS];
  GtkLabel      *normalized_label;
  GtkListBox    *agents_list;
  GtkListBox    *access_points_list;

  DocketRecord  *record;
  gulong         changed_id;
  guint          updating;   /* > 0 while the editor itself changes widgets or record */
};

/* docket-metadata-editor-validation.c: problems shown under the fields */
void       _docket_metadata_editor_validate_field         (DocketMetadataEditor *self,
                                                           DocketField           field);
void       _docket_metadata_editor_update_normalized_date (DocketMetadataEditor *self);

/* docket-metadata-editor-fields.c: the field inputs */
void       _docket_metadata_editor_add_field              (DocketMetadataEditor *self,
                                                           GtkBox               *group_box,
                                                           DocketField           field);
void       _docket_metadata_editor_show_field             (DocketMetadataEditor *self,
                                                           DocketField           field);

/* docket-metadata-editor-lists.c: the agents and the access points */
void       _docket_metadata_editor_class_lists_init       (GtkWidgetClass       *widget_class);
GtkWidget *_docket_metadata_editor_make_list_group        (DocketMetadataEditor *self,
                                                           GtkBox               *group_box,
                                                           const char           *empty_text,
                                                           const char           *add_label,
                                                           const char           *add_action,
                                                           const char           *accessible_label);
void       _docket_metadata_editor_show_agents            (DocketMetadataEditor *self);
void       _docket_metadata_editor_show_access_points     (DocketMetadataEditor *self);

G_END_DECLS

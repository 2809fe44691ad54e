/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOCKET_TYPE_EDITABLE_ROW (docket_editable_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (DocketEditableRow, docket_editable_row, DOCKET, EDITABLE_ROW, GtkListBoxRow)

struct _DocketEditableRowClass
{
  GtkListBoxRowClass parent_class;
};

void  docket_editable_row_watch_dropdown (DocketEditableRow *self,
                                          GtkDropDown       *dropdown,
                                          guint              selected,
                                          const char        *accessible_label);
void  docket_editable_row_watch_entry    (DocketEditableRow *self,
                                          GtkEntry          *entry,
                                          const char        *text,
                                          const char        *accessible_label);
void  docket_editable_row_watch_remove   (DocketEditableRow *self,
                                          GtkWidget         *button,
                                          const char        *accessible_label);
char *docket_editable_row_dup_entry_text (GtkEntry          *entry);

G_END_DECLS

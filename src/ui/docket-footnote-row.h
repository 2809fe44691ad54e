/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_FOOTNOTE_ROW (docket_footnote_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketFootnoteRow, docket_footnote_row, DOCKET, FOOTNOTE_ROW, GtkListBoxRow)

GtkWidget   *docket_footnote_row_new             (DocketStore       *store,
                                                  DocketRecord      *record,
                                                  const char        *footnote_id);
const char  *docket_footnote_row_get_footnote_id (DocketFootnoteRow *self);
GtkTextView *docket_footnote_row_get_text_view   (DocketFootnoteRow *self);
GtkDropDown *docket_footnote_row_get_kind_dropdown (DocketFootnoteRow *self);
GtkListBox  *docket_footnote_row_get_links_box   (DocketFootnoteRow *self);
GtkWindow   *docket_footnote_row_get_link_editor (DocketFootnoteRow *self);

G_END_DECLS

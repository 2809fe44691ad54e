/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-model.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_DOCUMENT_VIEW (docket_document_view_get_type ())

G_DECLARE_FINAL_TYPE (DocketDocumentView, docket_document_view, DOCKET, DOCUMENT_VIEW, GtkWidget)

GtkWidget    *docket_document_view_new                      (void);
DocketRecord *docket_document_view_get_record               (DocketDocumentView *self);
void          docket_document_view_set_record               (DocketDocumentView *self,
                                                             DocketRecord       *record);
GtkTextView  *docket_document_view_get_text_view            (DocketDocumentView *self);
guint         docket_document_view_get_n_markers            (DocketDocumentView *self);
const char   *docket_document_view_get_empty_text           (DocketDocumentView *self);
gboolean      docket_document_view_get_marker_iter          (DocketDocumentView *self,
                                                             const char         *footnote_id,
                                                             GtkTextIter        *iter);
gboolean      docket_document_view_show_footnote            (DocketDocumentView *self,
                                                             const char         *footnote_id);
gboolean      docket_document_view_show_marker              (DocketDocumentView *self,
                                                             const char         *footnote_id);
const char   *docket_document_view_get_highlighted_footnote (DocketDocumentView *self);
gboolean      docket_document_view_get_editing              (DocketDocumentView *self);
void          docket_document_view_set_editing              (DocketDocumentView *self,
                                                             gboolean            editing);
gboolean      docket_document_view_get_cursor_position      (DocketDocumentView *self,
                                                             guint              *out_block,
                                                             gsize              *out_offset);
void          docket_document_view_set_volume_lists         (DocketDocumentView *self,
                                                             GPtrArray          *glossary,
                                                             GPtrArray          *persons);
char         *docket_document_view_dup_mention_tooltip      (DocketDocumentView *self,
                                                             const GtkTextIter  *iter);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_LINK_EDITOR (docket_link_editor_get_type ())

G_DECLARE_FINAL_TYPE (DocketLinkEditor, docket_link_editor, DOCKET, LINK_EDITOR, GtkWindow)

DocketLinkEditor   *docket_link_editor_new        (GtkWindow                *parent,
                                                   DocketStore              *store,
                                                   const char               *record_id,
                                                   const DocketFootnoteLink *link,
                                                   const char               *footnote_text);
DocketFootnoteLink *docket_link_editor_dup_link   (DocketLinkEditor         *self);
GtkEditable        *docket_link_editor_get_entry  (DocketLinkEditor         *self,
                                                   const char               *name);
void                docket_link_editor_set_kind   (DocketLinkEditor         *self,
                                                   DocketLinkKind            kind);

G_END_DECLS

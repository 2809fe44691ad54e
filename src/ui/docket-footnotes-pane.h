/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-document-view.h"
#include "docket-edit-session.h"
#include "docket-footnote-row.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_FOOTNOTES_PANE (docket_footnotes_pane_get_type ())

G_DECLARE_FINAL_TYPE (DocketFootnotesPane, docket_footnotes_pane, DOCKET, FOOTNOTES_PANE, GtkWidget)

void               docket_footnotes_pane_set_store         (DocketFootnotesPane *self,
                                                            DocketStore         *store);
void               docket_footnotes_pane_set_document_view (DocketFootnotesPane *self,
                                                            DocketDocumentView  *view);
void               docket_footnotes_pane_set_session       (DocketFootnotesPane *self,
                                                            DocketEditSession   *session);
const char        *docket_footnotes_pane_get_selected      (DocketFootnotesPane *self);
gboolean           docket_footnotes_pane_select            (DocketFootnotesPane *self,
                                                            const char          *footnote_id);
DocketFootnoteRow *docket_footnotes_pane_get_row           (DocketFootnotesPane *self,
                                                            const char          *footnote_id);
GtkListBox        *docket_footnotes_pane_get_cited_by_list (DocketFootnotesPane *self);
void               docket_footnotes_pane_refresh_cited_by  (DocketFootnotesPane *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-edit-session.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_REVIEW_PANE (docket_review_pane_get_type ())

G_DECLARE_FINAL_TYPE (DocketReviewPane, docket_review_pane, DOCKET, REVIEW_PANE, GtkWidget)

GtkWidget         *docket_review_pane_new                (void);
DocketEditSession *docket_review_pane_get_session        (DocketReviewPane  *self);
void               docket_review_pane_set_session        (DocketReviewPane  *self,
                                                          DocketEditSession *session);
gboolean           docket_review_pane_get_busy           (DocketReviewPane  *self);
void               docket_review_pane_refresh            (DocketReviewPane  *self);

/* For tests: the pane's parts. */
GtkLabel          *docket_review_pane_get_status_label   (DocketReviewPane  *self);
GtkEditable       *docket_review_pane_get_reviewer_entry (DocketReviewPane  *self);
GtkEditable       *docket_review_pane_get_comment_entry  (DocketReviewPane  *self);
GtkWidget         *docket_review_pane_get_status_button  (DocketReviewPane  *self,
                                                          const char        *status);
GtkListBox        *docket_review_pane_get_problems_list  (DocketReviewPane  *self);
GtkListBox        *docket_review_pane_get_history_list   (DocketReviewPane  *self);

G_END_DECLS

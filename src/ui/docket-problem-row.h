/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-review.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_PROBLEM_ROW (docket_problem_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketProblemRow, docket_problem_row, DOCKET, PROBLEM_ROW, GtkListBoxRow)

GtkWidget                 *docket_problem_row_new         (const DocketReviewProblem *problem);
const DocketReviewProblem *docket_problem_row_get_problem (DocketProblemRow          *self);

G_END_DECLS

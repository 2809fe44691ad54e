/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_HISTORY_ROW (docket_history_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketHistoryRow, docket_history_row, DOCKET, HISTORY_ROW, GtkListBoxRow)

GtkWidget            *docket_history_row_new          (const DocketRevision *revision);
const DocketRevision *docket_history_row_get_revision (DocketHistoryRow     *self);
GtkButton            *docket_history_row_get_revert_button (DocketHistoryRow *self);
char                 *docket_history_row_dup_field_title   (const char      *field);
char                 *docket_history_row_format_time       (const char      *iso8601);

G_END_DECLS

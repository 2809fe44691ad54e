/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-editable-row.h"
#include "docket-model.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_AGENT_ROW (docket_agent_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketAgentRow, docket_agent_row, DOCKET, AGENT_ROW, DocketEditableRow)

GtkWidget   *docket_agent_row_new       (const DocketAgent *agent,
                                         guint              index);
DocketAgent *docket_agent_row_dup_agent (DocketAgentRow    *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

/* Registers the window's resources and types; the program and the ui tests
 * call it once, after gtk_init(). */
void                 docket_ui_init         (void);

DocketRecordSummary *docket_ui_load_summary (DocketStore *store,
                                             const char  *id);

G_END_DECLS

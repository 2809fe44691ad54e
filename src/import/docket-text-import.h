/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-import.h"

G_BEGIN_DECLS

GPtrArray *docket_text_import_parse (const char  *display_name,
                                     const char  *text,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * docket_text_import_parse:
 * @display_name: the file name used in error messages
 * @text: FRUS documents in the web edition's plain-text layout (UTF-8)
 * @length: the length of @text in bytes
 * @error: return location for a #DOCKET_IMPORT_ERROR
 *
 * Reads one document, or several concatenated ones, in the layout of
 * history.state.gov: "206. Heading 1", subject bullets, dateline, paragraphs,
 * "[Page N]" lines, signature and the numbered footnotes at the end.
 * Identifiers are left for the caller to build.
 *
 * Returns: (transfer container) (element-type DocketRecord) (nullable): the
 *   records in document order, or %NULL with @error set ("memo.txt:3: …")
 */
GPtrArray *docket_text_import_parse (const char  *display_name,
                                     const char  *text,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS

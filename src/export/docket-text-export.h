/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * docket_text_export_record:
 * @record: a record
 *
 * Renders @record in the plain-text layout of the FRUS web edition, the
 * layout docket_text_import_parse() reads: the heading with its footnote
 * markers, "  • subject" lines, the body's blocks with "[Page N]" lines,
 * the signature, and the footnotes as "  1. text" lines. Importing a FRUS
 * text and rendering it gives the same characters in the same order,
 * white space aside.
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *docket_text_export_record (DocketRecord *record);

G_END_DECLS

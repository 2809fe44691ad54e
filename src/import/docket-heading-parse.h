/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * DocketHeadingParse:
 * @type: the document type, lowercase ("memorandum", "telegram", "letter",
 *   "memorandum of conversation", "editorial note", …), or %NULL
 * @agents: (element-type DocketAgent): the authors and recipients the
 *   heading names, in order ("Memorandum From the Ambassador at Large
 *   (Harriman) to President Johnson": author Harriman, office "Ambassador at
 *   Large"; recipient Johnson, office "President"). A body ("the Embassy in
 *   Japan") is an agent whose name is the body and whose office is %NULL.
 *   The participants of a conversation ("… Between A and B") are
 *   %DOCKET_AGENT_MENTIONED.
 *
 * What a FRUS document heading says about the document. Shared by the
 * plain-text and TEI readers.
 */
typedef struct
{
  char      *type;
  GPtrArray *agents;
} DocketHeadingParse;

/* Parses a heading without its number and footnote markers. Never %NULL. */
DocketHeadingParse *docket_heading_parse        (const char               *heading);

/* Sets the record's type and extent ("1 telegram") and adds the agents. */
void                docket_heading_parse_apply  (const DocketHeadingParse *parse,
                                                 DocketRecord             *record);

void                docket_heading_parse_free   (DocketHeadingParse       *parse);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketHeadingParse, docket_heading_parse_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * DocketSourceNote:
 * @text: the note verbatim ("Source: Library of Congress, …. Top Secret.")
 * @repository: "Library of Congress, Manuscript Division", or %NULL
 * @collection: collection or record group ("Harriman Papers", "RG 59, Central Files 1964–66"), or %NULL
 * @file: series or file ("Special Files, Public Service, Subject File, Johnson, Lyndon 1967"), or %NULL
 * @classification: the level alone ("Top Secret", "Secret", "Confidential",
 *   "Limited Official Use", "Unclassified"), or %NULL when the note has none
 * @caveats: handling caveats ("Nodis", "Exdis", "Eyes Only", …), never %NULL
 * @declassification: "2 pages of source text not declassified", or %NULL
 * @citations: (element-type DocketFootnoteLink): the archival citations
 *   in the note, as archival links
 *
 * A FRUS source note, parsed. Shared by the plain-text and TEI readers.
 */
typedef struct
{
  char      *text;
  char      *repository;
  char      *collection;
  char      *file;
  char      *classification;
  GStrv      caveats;
  char      *declassification;
  GPtrArray *citations;
} DocketSourceNote;

DocketSourceNote *docket_source_note_parse      (const char       *text);
void              docket_source_note_free       (DocketSourceNote *note);
/* Copies the parsed note into the record's source, classification,
 * caveats and declassification fields. */
void              docket_source_note_apply      (const DocketSourceNote *note,
                                                 DocketRecord           *record);

/* The archival citations of an editorial footnote ("(National Archives and
 * Records Administration, RG 59, Central Files 1967–69, POL 27 VIET S)"),
 * with "ibid." resolved against the citation before it.
 * Returns: (transfer container) (element-type DocketFootnoteLink) */
GPtrArray        *docket_source_note_parse_citations (const char *footnote_text);

/* The vocabulary of markings, shared with the review checks. */
const char       *docket_source_note_match_level (const char *token);
gboolean          docket_source_note_is_caveat   (const char *caveat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketSourceNote, docket_source_note_free)

G_END_DECLS

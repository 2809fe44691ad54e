/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOCKET_BLOCK_HEADING,     /* "206. Memorandum From …" */
  DOCKET_BLOCK_SUBJECT,     /* a subject line ("• Possible Kosygin Talks …") */
  DOCKET_BLOCK_DATELINE,    /* "Washington, June 21, 1967." */
  DOCKET_BLOCK_SALUTATION,  /* "Dear Dean:" */
  DOCKET_BLOCK_PARAGRAPH,
  DOCKET_BLOCK_SECTION,     /* a section heading ("Recommended Action:") */
  DOCKET_BLOCK_PAGE_BREAK,  /* a page break between blocks; the page number is @text */
  DOCKET_BLOCK_CLOSING,     /* "Sincerely," */
  DOCKET_BLOCK_SIGNATURE,   /* "W. Averell Harriman" */
  DOCKET_BLOCK_QUOTE,
  DOCKET_BLOCK_LIST_ITEM,
  DOCKET_BLOCK_SOURCE,      /* a source note printed in the text ("[Source: …]") */
} DocketBlockKind;

typedef enum
{
  DOCKET_ANCHOR_FOOTNOTE,   /* a footnote marker: @ref is the footnote's id */
  DOCKET_ANCHOR_PAGE_BREAK, /* a page break inside the text: @ref is the page number */
  DOCKET_ANCHOR_TERM,       /* a glossary term mentioned in the text ("NSC"): @ref is the
                             * term's id in its collection's glossary ("t_NSC1") */
  DOCKET_ANCHOR_PERSON,     /* a person mentioned in the text ("Rusk"): @ref is the
                             * person's id in its collection's persons list ("p_RD3") */
} DocketAnchorKind;

/**
 * DocketAnchor:
 * @kind: footnote marker, page break, or term or person mention
 * @offset: byte offset into the block's text where the anchor stands (the
 *   marker follows the character before it), or where a mention starts
 * @ref: the footnote id, the page number, or the term or person id
 * @length: for a mention (a span of the text), its length in bytes; 0 for
 *   a marker or page break, which take no text
 */
typedef struct
{
  DocketAnchorKind  kind;
  gsize             offset;
  char             *ref;
  gsize             length;
} DocketAnchor;

/**
 * DocketBlock:
 * @kind: what the block is
 * @text: its text, plain UTF-8, without footnote markers
 * @anchors: (element-type DocketAnchor): footnote markers and page breaks
 *   inside @text, ordered by offset
 *
 * One block of a record's body, in reading order.
 */
typedef struct
{
  DocketBlockKind  kind;
  char            *text;
  GPtrArray       *anchors;
} DocketBlock;

#define DOCKET_TYPE_BLOCK (docket_block_get_type ())

GType         docket_block_get_type         (void) G_GNUC_CONST;
DocketBlock  *docket_block_new              (DocketBlockKind    kind,
                                             const char        *text);
DocketBlock  *docket_block_copy             (const DocketBlock *block);
void          docket_block_free             (DocketBlock       *block);
gboolean      docket_block_equal            (const DocketBlock *a,
                                             const DocketBlock *b);
void          docket_block_add_anchor       (DocketBlock       *block,
                                             DocketAnchorKind   kind,
                                             gsize              offset,
                                             const char        *ref);
void          docket_block_add_span         (DocketBlock       *block,
                                             DocketAnchorKind   kind,
                                             gsize              offset,
                                             gsize              length,
                                             const char        *ref);
const char   *docket_block_kind_to_string   (DocketBlockKind    kind);
gboolean      docket_block_kind_from_string (const char        *str,
                                             DocketBlockKind   *out_kind);

DocketAnchor *docket_anchor_new             (DocketAnchorKind   kind,
                                             gsize              offset,
                                             const char        *ref);
DocketAnchor *docket_anchor_new_span        (DocketAnchorKind   kind,
                                             gsize              offset,
                                             gsize              length,
                                             const char        *ref);
DocketAnchor *docket_anchor_copy            (const DocketAnchor *anchor);
void          docket_anchor_free            (DocketAnchor      *anchor);
const char   *docket_anchor_kind_to_string  (DocketAnchorKind   kind);
gboolean      docket_anchor_kind_from_string (const char       *str,
                                              DocketAnchorKind *out_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketBlock, docket_block_free)

G_END_DECLS

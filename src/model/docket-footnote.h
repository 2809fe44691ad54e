/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

#include "docket-footnote-link.h"

G_BEGIN_DECLS

typedef enum
{
  DOCKET_FOOTNOTE_EDITORIAL,
  DOCKET_FOOTNOTE_SOURCE,
  DOCKET_FOOTNOTE_PRINTING,
} DocketFootnoteKind;

/**
 * DocketFootnote:
 * @id: stable within the record ("d206fn2"); anchors in the body refer to it
 * @n: the printed number ("2"; FRUS 1961–63 volumes number source notes "0")
 * @kind: source note, editorial note or printing note
 * @text: the footnote's text, plain UTF-8
 * @links: (element-type DocketFootnoteLink): what the footnote cites
 *
 * A numbered footnote. Its place in the text is the body anchor whose
 * reference is @id (see #DocketBlock).
 */
typedef struct
{
  char               *id;
  char               *n;
  DocketFootnoteKind  kind;
  char               *text;
  GPtrArray          *links;
} DocketFootnote;

#define DOCKET_TYPE_FOOTNOTE (docket_footnote_get_type ())

GType           docket_footnote_get_type       (void) G_GNUC_CONST;
DocketFootnote *docket_footnote_new            (const char           *id,
                                                const char           *n,
                                                DocketFootnoteKind    kind,
                                                const char           *text);
DocketFootnote *docket_footnote_copy           (const DocketFootnote *footnote);
void            docket_footnote_free           (DocketFootnote       *footnote);
gboolean        docket_footnote_equal          (const DocketFootnote *a,
                                                const DocketFootnote *b);
void            docket_footnote_add_link       (DocketFootnote       *footnote,
                                                DocketFootnoteLink   *link);
const char     *docket_footnote_kind_to_string (DocketFootnoteKind    kind);
gboolean        docket_footnote_kind_from_string (const char         *str,
                                                  DocketFootnoteKind *out_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketFootnote, docket_footnote_free)

G_END_DECLS

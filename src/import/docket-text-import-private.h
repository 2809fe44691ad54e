/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stretch of a document's text where footnote markers may stand: the
 * heading, a subject line, a paragraph. @skips holds start, end byte pairs
 * of parts not to search (an inline "[Page N]"), or is %NULL. */
typedef struct
{
  const char *text;
  gsize       len;
  GArray     *skips;  /* (element-type gsize) start, end pairs; or NULL */
} DocketTextSpan;

/* A footnote marker found in a span: the bytes [@start, @end) of the span
 * are the marker (with the space before it when it stands apart), and
 * @footnote is the index of its footnote in the document's list. */
typedef struct
{
  guint span;
  gsize start;
  gsize end;
  guint footnote;
} DocketTextMarker;

/* Finds the footnote markers of a document. @numbers maps each footnote's
 * printed number ("2") to its index + 1 in the footnote list; markers are
 * chosen so that they appear in the list's order, as many as possible,
 * preferring digits glued to a word over digits after a space.
 * Returns: (element-type DocketTextMarker) in reading order */
GArray *_docket_text_find_markers (const DocketTextSpan *spans,
                                   guint                 n_spans,
                                   GHashTable           *numbers);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

#include "docket-model.h"
#include "docket-source-note.h"

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

/* The reading of one FRUS document (docket-text-import*.c): the file is cut
 * into lines, and into documents (docket-text-import.c); each document's
 * footnotes are read from its end (-footnotes.c), its body cut into
 * segments (-body.c) that become blocks with the markers and page breaks
 * as anchors, and the record put together (-document.c). */

typedef struct
{
  const char *start;
  gsize       len;
  guint       number;  /* 1-based line number in the file */
} Line;

typedef enum
{
  SEGMENT_HEADING,
  SEGMENT_SUBJECT,
  SEGMENT_PAGE,
  SEGMENT_SOURCE,
  SEGMENT_TEXT,
} SegmentKind;

typedef struct
{
  SegmentKind  kind;
  const char  *text;
  gsize        len;
  GArray      *skips;  /* start, end pairs of inline "[Page N]" */
  GPtrArray   *pages;  /* their page numbers, one per pair */
  DocketBlock *block;  /* the block made of it */
} Segment;

typedef struct
{
  char  *n;
  char  *text;
  guint  line;
} RawFootnote;

/* A stretch taken out of a segment's text, a footnote marker or an inline
 * page break, that becomes an anchor where it stood. */
typedef struct
{
  gsize             start;
  gsize             end;
  DocketAnchorKind  kind;
  const char       *ref;
} Removal;

/* docket-text-import-lines.c */
gboolean      _docket_text_line_is_blank      (const Line       *line);
gsize         _docket_text_heading_prefix     (const Line       *line);
gboolean      _docket_text_footnote_line      (const Line       *line,
                                               const char      **out_n,
                                               gsize            *out_n_len,
                                               const char      **out_text);
void          _docket_text_trim               (const char      **text,
                                               gsize            *len);

/* docket-text-import-footnotes.c */
void          _docket_text_raw_footnote_clear (RawFootnote      *footnote);
guint         _docket_text_read_footnotes     (GArray           *lines,
                                               guint             first,
                                               guint             end,
                                               GArray           *footnotes,
                                               GHashTable       *numbers);
void          _docket_text_add_footnotes      (DocketRecord     *record,
                                               GArray           *footnotes,
                                               GPtrArray        *footnote_ids,
                                               DocketSourceNote *source);

/* docket-text-import-body.c */
void          _docket_text_segment_clear      (Segment          *segment);
gboolean      _docket_text_read_segments      (GArray           *lines,
                                               guint             first,
                                               guint             body_end,
                                               gsize             prefix,
                                               GArray           *segments);
DocketBlock  *_docket_text_build_block        (DocketBlockKind   kind,
                                               const char       *text,
                                               gsize             len,
                                               GArray           *removals);

/* docket-text-import-block-kinds.c */
gboolean      _docket_text_is_salutation      (const char       *text);
gboolean      _docket_text_is_closing         (const char       *text);
gboolean      _docket_text_is_section         (const char       *text);
gboolean      _docket_text_looks_like_signature (const char     *text);

/* docket-text-import-document.c: the record of the document on lines
 * [@first, @end) of @lines. */
DocketRecord *_docket_text_parse_document     (GArray           *lines,
                                               guint             first,
                                               guint             end);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-document-view.h"

G_BEGIN_DECLS

/* What the files of the document view share: docket-document-view.c (the
 * type, its properties and public calls), -render.c (the record into the
 * buffer), -links.c (markers, footnotes and mentions: following,
 * highlighting, tooltips) and -edit.c (edit mode: reading the buffer back
 * into the record). */

#define FOOTNOTE_ID_KEY   "docket-footnote-id"
#define LINK_KIND_KEY     "docket-link-kind"
#define PAGE_KEY          "docket-page"
#define MENTION_KEY       "docket-mention-ref"
#define MENTION_KIND_KEY  "docket-mention-kind"

typedef enum
{
  LINK_TO_FOOTNOTE = 1,  /* a marker in the text */
  LINK_TO_MARKER,        /* a footnote's number */
} LinkKind;

struct _DocketDocumentView
{
  GtkWidget      parent_instance;

  GtkTextView   *text_view;
  GtkLabel      *edit_label;
  GtkWidget     *edit_button;
  GtkWidget     *empty_state;     /* shown for a record without text */
  GtkLabel      *empty_title;

  DocketRecord  *record;
  gulong         changed_id;

  GPtrArray     *link_tags;       /* the per-link tags of the current rendering */
  GHashTable    *marks;           /* "footnote:ID" and the like → GtkTextMark */
  guint          n_markers;
  char          *highlighted;     /* the footnote id shown, or NULL */
  gboolean       pointer_on_link;
  gboolean       editing;         /* edit mode: the body's text can be corrected */
  guint          rendering;
  guint          syncing;

  /* Edit mode: deletions that took in a line break between blocks, held
   * back from the buffer until the user action ends (see
   * docket-document-view-edit.c). */
  GPtrArray     *pending_deletes; /* GtkTextMark pairs: start, end */
  int            pending_join;    /* join this block with the next, or -1 */
  guint          user_action;
  guint          applying;
  guint          flush_id;

  /* The volume's terms list and persons list, given by the window. */
  GPtrArray     *glossary;        /* DocketAccessPoint */
  GPtrArray     *persons;         /* DocketAgent */
  GHashTable    *terms_by_ref;    /* term id → DocketAccessPoint in glossary */
  GHashTable    *persons_by_ref;  /* person id → DocketAgent in persons */
};

void         _docket_document_view_set_highlighted (DocketDocumentView *self,
                                                    const char         *footnote_id);

/* docket-document-view-render.c */
void         _docket_document_view_init_render     (DocketDocumentView *self);
void         _docket_document_view_render          (DocketDocumentView *self);
const char  *_docket_document_view_block_tag_name  (DocketBlockKind     kind);
GtkTextMark *_docket_document_view_get_mark        (DocketDocumentView *self,
                                                    const char         *prefix,
                                                    const char         *id);

/* docket-document-view-links.c */
void         _docket_document_view_class_init_links (GtkWidgetClass    *widget_class);
void         _docket_document_view_init_links       (DocketDocumentView *self);
GtkTextTag  *_docket_document_view_tag_with_data    (const GtkTextIter  *iter,
                                                     const char         *key);

/* docket-document-view-edit.c */
void         _docket_document_view_init_edit       (DocketDocumentView *self);
void         _docket_document_view_clear_edit      (DocketDocumentView *self);
gboolean     _docket_document_view_split_at_cursor (DocketDocumentView *self);

G_END_DECLS

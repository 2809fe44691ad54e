/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOCKET_LINK_RECORD,    /* another record of the catalog: @target is its id */
  DOCKET_LINK_ARCHIVAL,  /* an archival citation: repository, collection, file */
  DOCKET_LINK_PUBLISHED, /* a published work: @title, and @target its address if any */
  DOCKET_LINK_URL,       /* a web address: @target */
} DocketLinkKind;

/**
 * DocketFootnoteLink:
 * @kind: what the link points to
 * @target: a record id (%DOCKET_LINK_RECORD), or an address (published, URL)
 * @repository: archival citation: the repository ("National Archives and Records Administration")
 * @collection: archival citation: collection or record group ("RG 59, Central Files 1967–69")
 * @file: archival citation: file unit ("POL 27 VIET S")
 * @description: the citation as printed, or a description of the target
 * @title: published work: its title
 * @span_start: first character (not byte) of the footnote text the link covers, or -1 for all of it
 * @span_end: one past the last character covered, or -1
 *
 * A link from a footnote to what it cites.
 */
typedef struct
{
  DocketLinkKind  kind;
  char           *target;
  char           *repository;
  char           *collection;
  char           *file;
  char           *description;
  char           *title;
  int             span_start;
  int             span_end;
} DocketFootnoteLink;

#define DOCKET_TYPE_FOOTNOTE_LINK (docket_footnote_link_get_type ())

GType               docket_footnote_link_get_type (void) G_GNUC_CONST;
DocketFootnoteLink *docket_footnote_link_new      (DocketLinkKind            kind,
                                                   const char               *target);
DocketFootnoteLink *docket_footnote_link_new_archival (const char           *repository,
                                                       const char           *collection,
                                                       const char           *file,
                                                       const char           *description);
DocketFootnoteLink *docket_footnote_link_copy     (const DocketFootnoteLink *link);
void                docket_footnote_link_free     (DocketFootnoteLink       *link);
gboolean            docket_footnote_link_equal    (const DocketFootnoteLink *a,
                                                   const DocketFootnoteLink *b);
const char         *docket_link_kind_to_string    (DocketLinkKind            kind);
gboolean            docket_link_kind_from_string  (const char               *str,
                                                   DocketLinkKind           *out_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketFootnoteLink, docket_footnote_link_free)

G_END_DECLS

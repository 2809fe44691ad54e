/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DocketCitation:
 * @record_id: the citing record
 * @footnote_id: the citing footnote's id within that record
 * @footnote_n: the citing footnote's printed number, or %NULL
 *
 * A footnote of one record that links to another record ("cited by").
 */
typedef struct
{
  char *record_id;
  char *footnote_id;
  char *footnote_n;
} DocketCitation;

#define DOCKET_TYPE_CITATION (docket_citation_get_type ())

GType           docket_citation_get_type (void) G_GNUC_CONST;
DocketCitation *docket_citation_new      (const char           *record_id,
                                          const char           *footnote_id,
                                          const char           *footnote_n);
DocketCitation *docket_citation_copy     (const DocketCitation *citation);
void            docket_citation_free     (DocketCitation       *citation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCitation, docket_citation_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOCKET_ACCESS_POINT_SUBJECT,
  DOCKET_ACCESS_POINT_PERSON,
  DOCKET_ACCESS_POINT_CORPORATE,
  DOCKET_ACCESS_POINT_FAMILY,
  DOCKET_ACCESS_POINT_PLACE,
  DOCKET_ACCESS_POINT_GENRE,
  DOCKET_ACCESS_POINT_FUNCTION,
  DOCKET_ACCESS_POINT_OCCUPATION,
  DOCKET_ACCESS_POINT_TITLE,
} DocketAccessPointKind;

/**
 * DocketAccessPoint:
 * @kind: what the term names
 * @term: the heading ("Vietnam War, 1961-1975--Peace")
 * @source: the vocabulary ("lcsh", "aat", "local"), or %NULL
 * @authority_id: the identifier in that vocabulary, or %NULL; never invented
 * @role: a relator or role ("rcp", "place of writing"), or %NULL
 *
 * A controlled access term (EAD `controlaccess`).
 */
typedef struct
{
  DocketAccessPointKind  kind;
  char                  *term;
  char                  *source;
  char                  *authority_id;
  char                  *role;
} DocketAccessPoint;

#define DOCKET_TYPE_ACCESS_POINT (docket_access_point_get_type ())

GType              docket_access_point_get_type       (void) G_GNUC_CONST;
DocketAccessPoint *docket_access_point_new            (DocketAccessPointKind    kind,
                                                       const char              *term,
                                                       const char              *source);
DocketAccessPoint *docket_access_point_copy           (const DocketAccessPoint *point);
void               docket_access_point_free           (DocketAccessPoint       *point);
gboolean           docket_access_point_equal          (const DocketAccessPoint *a,
                                                       const DocketAccessPoint *b);
const char        *docket_access_point_kind_to_string (DocketAccessPointKind    kind);
gboolean           docket_access_point_kind_from_string (const char            *str,
                                                         DocketAccessPointKind *out_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketAccessPoint, docket_access_point_free)

G_END_DECLS

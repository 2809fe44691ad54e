/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DocketRevision:
 * @id: the revision's identifier in the catalog (for docket_store_revert_revision())
 * @record_id: the record's identifier at the time the history was read
 * @field: a field key ("subject", "date.from"; see docket_field_get_key()),
 *   a list name ("agents", "access_points", "body", "footnotes", whose values
 *   are JSON text), "extra_xml", "provisional_id" ("true"/"false"), or
 *   "record" for the creation of the record
 * @old_value: the value before the change, or %NULL for empty
 * @new_value: the value after the change, or %NULL for empty
 * @who: who made the change
 * @when: when, as ISO 8601 in UTC ("2026-03-01T10:22:31.123Z")
 *
 * One change to one field of a record.
 */
typedef struct
{
  gint64  id;
  char   *record_id;
  char   *field;
  char   *old_value;
  char   *new_value;
  char   *who;
  char   *when;
} DocketRevision;

#define DOCKET_TYPE_REVISION (docket_revision_get_type ())

GType           docket_revision_get_type (void) G_GNUC_CONST;
DocketRevision *docket_revision_new      (void);
DocketRevision *docket_revision_copy     (const DocketRevision *revision);
void            docket_revision_free     (DocketRevision       *revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketRevision, docket_revision_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-revision"

#include "config.h"

#include "docket-revision.h"

G_DEFINE_BOXED_TYPE (DocketRevision, docket_revision,
                     docket_revision_copy, docket_revision_free)

/**
 * docket_revision_new:
 *
 * Returns: (transfer full): an empty revision
 */
DocketRevision *
docket_revision_new (void)
{
  return g_new0 (DocketRevision, 1);
}

/**
 * docket_revision_copy:
 *
 * Returns: (transfer full): a deep copy of @revision
 */
DocketRevision *
docket_revision_copy (const DocketRevision *revision)
{
  DocketRevision *copy;

  g_return_val_if_fail (revision != NULL, NULL);

  copy = docket_revision_new ();
  copy->id = revision->id;
  copy->record_id = g_strdup (revision->record_id);
  copy->field = g_strdup (revision->field);
  copy->old_value = g_strdup (revision->old_value);
  copy->new_value = g_strdup (revision->new_value);
  copy->who = g_strdup (revision->who);
  copy->when = g_strdup (revision->when);
  return copy;
}

void
docket_revision_free (DocketRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->record_id);
  g_free (revision->field);
  g_free (revision->old_value);
  g_free (revision->new_value);
  g_free (revision->who);
  g_free (revision->when);
  g_free (revision);
}

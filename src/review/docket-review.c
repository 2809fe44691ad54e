/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-review.h"

char *
docket_review_dup_default_reviewer (void)
{
  const char *real = g_get_real_name ();

  /* GLib says "Unknown" when the password database has no name. */
  if (real != NULL && real[0] != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
docket_review_set_status (DocketRecord        *record,
                          DocketReviewStatus   status,
                          const char          *reviewer,
                          const char          *comment,
                          GError             **error)
{
  const char *current_value;
  DocketReviewStatus current;
  g_autofree char *default_reviewer = NULL;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (status < DOCKET_N_REVIEW_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  current_value = docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS);
  if (!docket_review_status_parse_field (current_value, &current))
    {
      /* A status this version does not know (typed into the database by
       * hand) may only be reset to draft. */
      if (status != DOCKET_REVIEW_STATUS_DRAFT)
        {
          g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION,
                       _("Record “%s” has the unknown review status “%s”; set it to draft first"),
                       docket_record_get_id (record), current_value);
          return FALSE;
        }
    }
  else if (current == status)
    {
      g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION,
                   _("Record “%s” is already “%s”"),
                   docket_record_get_id (record), docket_review_status_to_string (status));
      return FALSE;
    }
  else if (!docket_review_status_can_change (current, status))
    {
      /* TRANSLATORS: statuses are draft, in-review, approved, changes-requested. */
      g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_INVALID_TRANSITION,
                   _("Record “%s” cannot go from “%s” to “%s”; a draft goes to in-review "
                     "first, and only a record in review is approved or sent back"),
                   docket_record_get_id (record), docket_review_status_to_string (current),
                   docket_review_status_to_string (status));
      return FALSE;
    }

  if (reviewer == NULL || reviewer[0] == '\0')
    reviewer = default_reviewer = docket_review_dup_default_reviewer ();

  docket_record_set (record, DOCKET_FIELD_REVIEW_STATUS, docket_review_status_to_string (status));
  docket_record_set (record, DOCKET_FIELD_REVIEWER, reviewer);
  docket_record_take (record, DOCKET_FIELD_REVIEW_DATE, now_iso8601 ());
  docket_record_set (record, DOCKET_FIELD_REVIEW_COMMENT, comment);
  return TRUE;
}

DocketRecord *
docket_review_change_status (DocketStore         *store,
                             const char          *id,
                             DocketReviewStatus   status,
                             const char          *reviewer,
                             const char          *comment,
                             GError             **error)
{
  g_autoptr(DocketRecord) record = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = docket_store_load_record (store, id, error);
  if (record == NULL)
    return NULL;
  if (!docket_review_set_status (record, status, reviewer, comment, error))
    return NULL;
  if (!docket_store_save_record (store, record, NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}

static char *
tidy_value (DocketField  field,
            const char  *value)
{
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return NULL;
  if (docket_field_get_flags (field) & DOCKET_FIELD_FLAG_MULTILINE)
    stripped = g_strdup (value);
  else
    stripped = g_strstrip (g_strdup (value));
  if (stripped[0] == '\0')
    return NULL;

  if (field == DOCKET_FIELD_CLASSIFICATION)
    return g_strdup (docket_review_value_match_classification (stripped));
  if (field == DOCKET_FIELD_CAVEATS)
    {
      g_auto(GStrv) parts = docket_field_split_list (stripped);

      return g_strjoinv ("; ", parts);
    }
  return g_steal_pointer (&stripped);
}

gboolean
docket_review_set_field (DocketRecord  *record,
                         const char    *key,
                         const char    *value,
                         GError       **error)
{
  DocketField field;
  g_autofree char *tidy = NULL;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!docket_field_from_key (key, &field))
    {
      g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_UNKNOWN_FIELD,
                   _("Unknown field “%s”; use a key of show --json, such as subject, "
                     "date.from, source.repository or classification"), key);
      return FALSE;
    }
  if (field == DOCKET_FIELD_ID ||
      (docket_field_get_flags (field) & DOCKET_FIELD_FLAG_READ_ONLY))
    {
      g_set_error (error, DOCKET_REVIEW_ERROR, DOCKET_REVIEW_ERROR_READ_ONLY,
                   _("The field “%s” is set by the catalog and cannot be changed here"), key);
      return FALSE;
    }
  if (!docket_review_value_validate (field, value, error))
    return FALSE;

  tidy = tidy_value (field, value);
  if (field == DOCKET_FIELD_REVIEW_STATUS)
    {
      DocketReviewStatus status = DOCKET_REVIEW_STATUS_DRAFT;

      if (tidy != NULL)
        docket_review_status_from_string (tidy, &status);
      return docket_review_set_status (record, status, NULL, NULL, error);
    }

  docket_record_take (record, field, g_steal_pointer (&tidy));
  return TRUE;
}

GPtrArray *
docket_review_filter_exportable (GPtrArray  *records,
                                 gboolean    include_unapproved,
                                 GPtrArray **out_left_out_ids)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) left_out = NULL;

  g_return_val_if_fail (records != NULL, NULL);

  kept = g_ptr_array_new_full (records->len, g_object_unref);
  left_out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (records, i);
      DocketReviewStatus status;

      g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);
      if (include_unapproved ||
          (docket_review_status_parse_field (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS),
                                             &status) &&
           status == DOCKET_REVIEW_STATUS_APPROVED))
        g_ptr_array_add (kept, g_object_ref (record));
      else
        g_ptr_array_add (left_out, g_strdup (docket_record_get_id (record)));
    }

  if (out_left_out_ids != NULL)
    *out_left_out_ids = g_steal_pointer (&left_out);
  return g_steal_pointer (&kept);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"

/* The revision history: listing and reverting. The revisions themselves are
 * written by docket-store-record-update.c as part of each save. */

/* A DocketStoreRowFunc; @user_data is the record's id. */
static gpointer
revision_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  DocketRevision *revision = docket_revision_new ();

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->record_id = g_strdup (user_data);
  revision->field = _docket_store_dup_column (stmt, 1);
  revision->old_value = _docket_store_dup_column (stmt, 2);
  revision->new_value = _docket_store_dup_column (stmt, 3);
  revision->who = _docket_store_dup_column (stmt, 4);
  revision->when = _docket_store_dup_column (stmt, 5);
  return revision;
}

/**
 * docket_store_list_revisions:
 *
 * Returns: (transfer container) (element-type DocketRevision): the record's
 *   history, oldest first, or %NULL with @error set
 */
GPtrArray *
docket_store_list_revisions (DocketStore  *self,
                             const char   *record_id,
                             GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  gint64 rid = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_lookup_rid (self, record_id, &rid, &found, error))
    return NULL;
  if (!found)
    {
      _docket_store_not_found (self, record_id, error);
      return NULL;
    }

  stmt = _docket_store_prepare (self,
                                "SELECT id, field, old_value, new_value, who, at FROM revision"
                                " WHERE record_rid = ? ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rid);
  return _docket_store_collect_rows (self, stmt, revision_from_row, (gpointer) record_id,
                                     (GDestroyNotify) docket_revision_free, error);
}

static gboolean
revert_locked (DocketStore  *self,
               gint64        revision_id,
               const char   *who,
               GError      **error)
{
  g_autofree char *when = _docket_store_now_iso8601 ();
  g_autofree char *field = NULL;
  g_autofree char *old_value = NULL;
  g_autoptr(DocketRecord) current = NULL;
  g_autoptr(DocketRecord) updated = NULL;
  sqlite3_stmt *stmt;
  DocketField scalar;
  gboolean changed;
  gint64 rid;
  int rc;

  stmt = _docket_store_prepare (self,
                                "SELECT record_rid, field, old_value FROM revision WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _docket_store_release (stmt);
      if (rc != SQLITE_DONE)
        return _docket_store_set_error (self, rc, error);
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   _("There is no revision %" G_GINT64_FORMAT " in catalog “%s”; reload the history"),
                   revision_id, self->display_name);
      return FALSE;
    }
  rid = sqlite3_column_int64 (stmt, 0);
  field = _docket_store_dup_column (stmt, 1);
  old_value = _docket_store_dup_column (stmt, 2);
  _docket_store_release (stmt);

  current = _docket_store_load_record_locked (self, NULL, rid, NULL, error);
  if (current == NULL)
    return FALSE;

  if (g_strcmp0 (field, docket_field_get_key (DOCKET_FIELD_ID)) == 0)
    {
      if (old_value == NULL)
        return TRUE;
      return _docket_store_rename_locked (self, docket_record_get_id (current), old_value, who, error);
    }

  updated = docket_record_copy (current);
  if (docket_field_from_key (field, &scalar))
    docket_record_set (updated, scalar, old_value);
  else if (g_strcmp0 (field, "extra_xml") == 0)
    docket_record_set_extra_xml (updated, old_value);
  else if (g_strcmp0 (field, "provisional_id") == 0)
    docket_record_set_provisional_id (updated, g_strcmp0 (old_value, "true") == 0);
  else if (!_docket_store_list_from_json (updated, field, old_value, error))
    {
      g_prefix_error (error, _("Revision %" G_GINT64_FORMAT " of record “%s” cannot be reverted: "),
                      revision_id, docket_record_get_id (current));
      return FALSE;
    }

  return _docket_store_update_record_locked (self, rid, current, updated, who, when, &changed, error);
}

/**
 * docket_store_revert_revision:
 * @revision_id: a #DocketRevision id
 * @who: (nullable): who reverts; %NULL for the current user
 *
 * Puts back the value a field or list had before that revision. The revert
 * is itself saved as a revision (and a new version of the record).
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_revert_revision (DocketStore  *self,
                              gint64        revision_id,
                              const char   *who,
                              GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (who == NULL)
    who = g_get_user_name ();

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_may_remove_rows (self))
    return FALSE;
  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!revert_locked (self, revision_id, who, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  _docket_store_notify_changed (self);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Updating a record: the version check, one revision per changed field or
 * list, and saving. */

/* The lists by name, for the revisions, in the order of ListMask's bits. */
static const char *list_names[] = { "agents", "access_points", "body", "footnotes" };

gboolean
_docket_store_add_revision (DocketStore  *self,
                            gint64        rid,
                            const char   *field,
                            const char   *old_value,
                            const char   *new_value,
                            const char   *who,
                            const char   *when,
                            GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;

  stmt = _docket_store_prepare_for_record (self,
                                           "INSERT INTO revision (record_rid, field, old_value, new_value, who, at)"
                                           " VALUES (?, ?, ?, ?, ?, ?)",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 2, field);
  _docket_store_bind_text (stmt, 3, old_value);
  _docket_store_bind_text (stmt, 4, new_value);
  _docket_store_bind_text (stmt, 5, who);
  _docket_store_bind_text (stmt, 6, when);
  return _docket_store_step_done (self, stmt, error);
}

/* Writes @record over the stored @old (row @rid), recording one revision per
 * changed field or list. The caller has checked the version and holds a
 * transaction. On success @record carries the new version and position.
 * Sets *@out_changed to whether anything differed; nothing is written when
 * nothing did. */
gboolean
_docket_store_update_record_locked (DocketStore   *self,
                                    gint64         rid,
                                    DocketRecord  *old,
                                    DocketRecord  *record,
                                    const char    *who,
                                    const char    *when,
                                    gboolean      *out_changed,
                                    GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  const char *old_collection = docket_record_get (old, DOCKET_FIELD_COLLECTION);
  const char *new_collection = docket_record_get (record, DOCKET_FIELD_COLLECTION);
  gint64 position = docket_record_get_position (old);
  gint64 version = docket_record_get_version (old);
  ListMask lists = 0;
  gboolean changed = FALSE;

  *out_changed = FALSE;

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      const char *a = docket_record_get (old, i);
      const char *b = docket_record_get (record, i);

      if (g_strcmp0 (a, b) == 0)
        continue;
      changed = TRUE;
      if (!_docket_store_add_revision (self, rid, docket_field_get_key (i), a, b, who, when, error))
        return FALSE;
    }

  if (g_strcmp0 (docket_record_get_extra_xml (old), docket_record_get_extra_xml (record)) != 0)
    {
      changed = TRUE;
      if (!_docket_store_add_revision (self, rid, "extra_xml", docket_record_get_extra_xml (old),
                                       docket_record_get_extra_xml (record), who, when, error))
        return FALSE;
    }

  if (docket_record_get_provisional_id (old) != docket_record_get_provisional_id (record))
    {
      changed = TRUE;
      if (!_docket_store_add_revision (self, rid, "provisional_id",
                                       docket_record_get_provisional_id (old) ? "true" : "false",
                                       docket_record_get_provisional_id (record) ? "true" : "false",
                                       who, when, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (list_names); i++)
    {
      g_autofree char *a = _docket_store_list_to_json (old, list_names[i]);
      g_autofree char *b = _docket_store_list_to_json (record, list_names[i]);

      if (g_strcmp0 (a, b) == 0)
        continue;
      changed = TRUE;
      lists |= 1 << i;
      if (!_docket_store_add_revision (self, rid, list_names[i], a, b, who, when, error))
        return FALSE;
    }

  if (!changed)
    {
      docket_record_set_version (record, version);
      docket_record_set_position (record, position);
      return TRUE;
    }

  if (g_strcmp0 (old_collection, new_collection) != 0)
    {
      if (!_docket_store_ensure_collection (self, new_collection, error) ||
          !_docket_store_next_position (self, new_collection, &position, error))
        return FALSE;
    }

  stmt = _docket_store_prepare (self, _docket_store_record_sql ()->update, error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_record (stmt, record, position, version + 1);
  sqlite3_bind_int64 (stmt, _docket_store_record_sql ()->n_columns + 5, rid);
  sqlite3_bind_int64 (stmt, _docket_store_record_sql ()->n_columns + 6, version);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("Record “%s” was changed by someone else since it was loaded; reload it and make your change again"),
                   docket_record_get_id (record));
      return FALSE;
    }

  if (!_docket_store_write_extra_fields (self, rid, record, error) ||
      !_docket_store_write_lists (self, rid, record, lists, error) ||
      !_docket_store_index_record (self, rid, record, error))
    return FALSE;

  docket_record_set_version (record, version + 1);
  docket_record_set_position (record, position);
  *out_changed = TRUE;
  return TRUE;
}

static gboolean
save_record_locked (DocketStore   *self,
                    DocketRecord  *record,
                    const char    *who,
                    GError       **error)
{
  g_autoptr(DocketRecord) old = NULL;
  g_autoptr(DocketRecord) copy = NULL;
  g_autofree char *when = _docket_store_now_iso8601 ();
  const char *id = docket_record_get_id (record);
  gint64 rid = 0;
  gboolean changed = FALSE;

  old = _docket_store_load_record_locked (self, id, 0, &rid, error);
  if (old == NULL)
    {
      if (error != NULL && *error == NULL)
        _docket_store_not_found (self, id, error);
      return FALSE;
    }
  if (docket_record_get_version (old) != docket_record_get_version (record))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("Record “%s” was changed by someone else since it was loaded (version %" G_GINT64_FORMAT ", now %" G_GINT64_FORMAT "); reload it and make your change again"),
                   id, docket_record_get_version (record), docket_record_get_version (old));
      return FALSE;
    }

  /* Work on a copy so that a failed save leaves the caller's object as it
   * was; copy the catalog's numbers back only on success. */
  copy = docket_record_copy (record);
  if (!_docket_store_update_record_locked (self, rid, old, copy, who, when, &changed, error))
    return FALSE;
  docket_record_set_version (record, docket_record_get_version (copy));
  docket_record_set_position (record, docket_record_get_position (copy));
  return TRUE;
}

/**
 * docket_store_save_record:
 * @record: a record loaded from this catalog, possibly changed since
 * @who: (nullable): who makes the change, for the history; %NULL for the
 *   current user
 *
 * Saves @record in one transaction if its version is still the stored one,
 * recording a revision for each changed field and list, and increments the
 * version in the catalog and in @record. A record whose stored version moved
 * on fails with %DOCKET_STORE_ERROR_CONFLICT and the catalog is unchanged.
 * A record without changes is not written. To change the identifier, use
 * docket_store_rename_record().
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_save_record (DocketStore   *self,
                          DocketRecord  *record,
                          const char    *who,
                          GError       **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (docket_record_get_id (record) == NULL)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("A record without an identifier cannot be saved to catalog “%s”; give it one first"),
                   self->display_name);
      return FALSE;
    }
  if (who == NULL)
    who = g_get_user_name ();

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_may_remove_rows (self))
    return FALSE;
  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!save_record_locked (self, record, who, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  _docket_store_notify_changed (self);
  return TRUE;
}

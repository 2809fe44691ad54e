/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Renaming a record, with the footnotes elsewhere that cite it. */

gboolean
_docket_store_rename_locked (DocketStore  *self,
                             const char   *old_id,
                             const char   *new_id,
                             const char   *who,
                             GError      **error)
{
  g_autofree char *when = _docket_store_now_iso8601 ();
  g_autoptr(GArray) citing = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 rid = 0;
  gboolean found = FALSE;
  gboolean provisional;
  int rc;

  if (!_docket_store_lookup_rid (self, new_id, NULL, &found, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_EXISTS,
                   _("A record “%s” already exists in catalog “%s”; choose another identifier"),
                   new_id, self->display_name);
      return FALSE;
    }
  if (!_docket_store_lookup_rid (self, old_id, &rid, &found, error))
    return FALSE;
  if (!found)
    return _docket_store_not_found (self, old_id, error);

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT provisional_id FROM record WHERE rid = ?",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  provisional = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  _docket_store_release (stmt);

  /* A chosen identifier is no longer provisional. */
  stmt = _docket_store_prepare (self,
                                "UPDATE record SET id = ?, provisional_id = 0, version = version + 1"
                                " WHERE rid = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, rid);
  if (!_docket_store_step_done (self, stmt, error))
    {
      _docket_store_release (stmt);
      return FALSE;
    }
  _docket_store_release (stmt);

  if (!_docket_store_add_revision (self, rid, docket_field_get_key (DOCKET_FIELD_ID), old_id, new_id, who, when, error))
    return FALSE;
  if (provisional &&
      !_docket_store_add_revision (self, rid, "provisional_id", "true", "false", who, when, error))
    return FALSE;

  /* Footnotes elsewhere that cite the record follow it, as a change to
   * those records (new version, revision) so that an editor holding one of
   * them gets a conflict rather than writing the old id back. */
  stmt = _docket_store_prepare (self,
                                "SELECT DISTINCT record_rid FROM footnote_link"
                                " WHERE kind = 'record' AND target = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, old_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 citing_rid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (citing, citing_rid);
    }
  _docket_store_release (stmt);
  if (!_docket_store_rows_done (self, rc, error))
    return FALSE;

  for (guint i = 0; i < citing->len; i++)
    {
      gint64 citing_rid = g_array_index (citing, gint64, i);
      g_autoptr(DocketRecord) old = _docket_store_load_record_locked (self, NULL, citing_rid, NULL, error);
      g_autoptr(DocketRecord) updated = NULL;
      GPtrArray *footnotes;
      gboolean changed;

      if (old == NULL)
        return FALSE;
      updated = docket_record_copy (old);
      footnotes = docket_record_get_footnotes (updated);
      for (guint f = 0; f < footnotes->len; f++)
        {
          DocketFootnote *footnote = g_ptr_array_index (footnotes, f);

          for (guint l = 0; l < footnote->links->len; l++)
            {
              DocketFootnoteLink *link = g_ptr_array_index (footnote->links, l);

              if (link->kind == DOCKET_LINK_RECORD && g_strcmp0 (link->target, old_id) == 0)
                {
                  g_free (link->target);
                  link->target = g_strdup (new_id);
                }
            }
        }
      if (!_docket_store_update_record_locked (self, citing_rid, old, updated, who, when, &changed, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * docket_store_rename_record:
 *
 * Changes a record's identifier (a provisional one, typically), records it
 * in the history, clears the provisional flag, and updates footnote links
 * in other records that cite it.
 *
 * Returns: %TRUE on success; %DOCKET_STORE_ERROR_NOT_FOUND or
 *   %DOCKET_STORE_ERROR_EXISTS otherwise
 */
gboolean
docket_store_rename_record (DocketStore  *self,
                            const char   *old_id,
                            const char   *new_id,
                            GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (old_id != NULL, FALSE);
  g_return_val_if_fail (new_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_id[0] == '\0')
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("Record “%s” cannot be given an empty identifier; type one"),
                   old_id);
      return FALSE;
    }
  if (g_strcmp0 (old_id, new_id) == 0)
    return TRUE;

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_may_remove_rows (self))
    return FALSE;
  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!_docket_store_rename_locked (self, old_id, new_id, g_get_user_name (), error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  _docket_store_notify_changed (self);
  return TRUE;
}

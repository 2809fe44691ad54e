/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Reading records: a record with its extra fields and lists, whole
 * records for export, and whether an identifier is taken. */

/* Fields without a column of their own (see field_columns in
 * docket-store-record-sql.c). */
static gboolean
read_extra_fields (DocketStore   *self,
                   gint64         rid,
                   DocketRecord  *record,
                   GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  if (_docket_store_record_sql ()->n_extra == 0)
    return TRUE;
  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT key, value FROM record_field WHERE record_rid = ?",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DocketField field;

      if (docket_field_from_key ((const char *) sqlite3_column_text (stmt, 0), &field))
        docket_record_set (record, field, (const char *) sqlite3_column_text (stmt, 1));
    }
  return _docket_store_rows_done (self, rc, error);
}

static gboolean
read_agents (DocketStore   *self,
             gint64         rid,
             DocketRecord  *record,
             GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  GPtrArray *agents = docket_record_get_agents (record);
  int rc;

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT role, name, office, ref, authority_source, authority_id"
                                           " FROM record_agent WHERE record_rid = ? ORDER BY seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DocketAgentRole role = DOCKET_AGENT_MENTIONED;
      DocketAgent *agent;

      docket_agent_role_from_string ((const char *) sqlite3_column_text (stmt, 0), &role);
      agent = docket_agent_new (role, NULL, NULL);
      agent->name = _docket_store_dup_column (stmt, 1);
      agent->office = _docket_store_dup_column (stmt, 2);
      agent->ref = _docket_store_dup_column (stmt, 3);
      agent->authority_source = _docket_store_dup_column (stmt, 4);
      agent->authority_id = _docket_store_dup_column (stmt, 5);
      g_ptr_array_add (agents, agent);
    }
  return _docket_store_rows_done (self, rc, error);
}

static gboolean
read_access_points (DocketStore   *self,
                    gint64         rid,
                    DocketRecord  *record,
                    GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  GPtrArray *points = docket_record_get_access_points (record);
  int rc;

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT kind, term, source, authority_id, role"
                                           " FROM access_point WHERE record_rid = ? ORDER BY seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DocketAccessPointKind kind = DOCKET_ACCESS_POINT_SUBJECT;
      DocketAccessPoint *point;

      docket_access_point_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind);
      point = docket_access_point_new (kind, NULL, NULL);
      point->term = _docket_store_dup_column (stmt, 1);
      point->source = _docket_store_dup_column (stmt, 2);
      point->authority_id = _docket_store_dup_column (stmt, 3);
      point->role = _docket_store_dup_column (stmt, 4);
      g_ptr_array_add (points, point);
    }
  return _docket_store_rows_done (self, rc, error);
}

static gboolean
read_body (DocketStore   *self,
           gint64         rid,
           DocketRecord  *record,
           GError       **error)
{
  g_autoptr(GHashTable) by_seq = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *body = docket_record_get_body (record);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT seq, kind, text FROM block WHERE record_rid = ? ORDER BY seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      DocketBlockKind kind = DOCKET_BLOCK_PARAGRAPH;
      DocketBlock *block;

      docket_block_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      block = docket_block_new (kind, NULL);
      /* The constructor turns NULL into ""; keep what was stored. */
      g_free (block->text);
      block->text = _docket_store_dup_column (stmt, 2);
      g_ptr_array_add (body, block);
      g_array_append_val (seqs, seq);
    }
  _docket_store_release (stmt);
  if (!_docket_store_rows_done (self, rc, error))
    return FALSE;

  /* The seqs array is filled; its elements do not move any more. */
  for (guint i = 0; i < seqs->len; i++)
    g_hash_table_insert (by_seq, &g_array_index (seqs, gint64, i), g_ptr_array_index (body, i));

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT block_seq, kind, byte_offset, ref, byte_length FROM anchor"
                                           " WHERE record_rid = ? ORDER BY block_seq, seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 block_seq = sqlite3_column_int64 (stmt, 0);
      DocketBlock *block = g_hash_table_lookup (by_seq, &block_seq);
      DocketAnchorKind kind = DOCKET_ANCHOR_FOOTNOTE;

      if (block == NULL)
        continue;
      docket_anchor_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      g_ptr_array_add (block->anchors,
                       docket_anchor_new_span (kind, (gsize) sqlite3_column_int64 (stmt, 2),
                                               (gsize) MAX (sqlite3_column_int64 (stmt, 4), 0),
                                               (const char *) sqlite3_column_text (stmt, 3)));
    }
  _docket_store_release (stmt);
  return _docket_store_rows_done (self, rc, error);
}

static gboolean
read_footnotes (DocketStore   *self,
                gint64         rid,
                DocketRecord  *record,
                GError       **error)
{
  g_autoptr(GHashTable) by_seq = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT seq, id, n, kind, text FROM footnote"
                                           " WHERE record_rid = ? ORDER BY seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      DocketFootnoteKind kind = DOCKET_FOOTNOTE_EDITORIAL;

      docket_footnote_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &kind);
      g_ptr_array_add (footnotes,
                       docket_footnote_new ((const char *) sqlite3_column_text (stmt, 1),
                                            (const char *) sqlite3_column_text (stmt, 2),
                                            kind,
                                            (const char *) sqlite3_column_text (stmt, 4)));
      g_array_append_val (seqs, seq);
    }
  _docket_store_release (stmt);
  if (!_docket_store_rows_done (self, rc, error))
    return FALSE;

  for (guint i = 0; i < seqs->len; i++)
    g_hash_table_insert (by_seq, &g_array_index (seqs, gint64, i), g_ptr_array_index (footnotes, i));

  stmt = _docket_store_prepare_for_record (self,
                                           "SELECT footnote_seq, kind, target, repository, collection, file,"
                                           " description, title, span_start, span_end FROM footnote_link"
                                           " WHERE record_rid = ? ORDER BY footnote_seq, seq",
                                           rid, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 footnote_seq = sqlite3_column_int64 (stmt, 0);
      DocketFootnote *footnote = g_hash_table_lookup (by_seq, &footnote_seq);
      DocketLinkKind kind = DOCKET_LINK_URL;
      DocketFootnoteLink *link;

      if (footnote == NULL)
        continue;
      docket_link_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      link = docket_footnote_link_new (kind, (const char *) sqlite3_column_text (stmt, 2));
      link->repository = _docket_store_dup_column (stmt, 3);
      link->collection = _docket_store_dup_column (stmt, 4);
      link->file = _docket_store_dup_column (stmt, 5);
      link->description = _docket_store_dup_column (stmt, 6);
      link->title = _docket_store_dup_column (stmt, 7);
      link->span_start = sqlite3_column_int (stmt, 8);
      link->span_end = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (footnote->links, link);
    }
  _docket_store_release (stmt);
  return _docket_store_rows_done (self, rc, error);
}

/* Loads a record by id (when @id is set) or by rid. Returns %NULL without
 * an error when there is no such record. */
DocketRecord *
_docket_store_load_record_locked (DocketStore  *self,
                                  const char   *id,
                                  gint64        rid,
                                  gint64       *out_rid,
                                  GError      **error)
{
  g_autoptr(DocketRecord) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _docket_store_prepare (self, id != NULL ? _docket_store_record_sql ()->select_by_id
                                                 : _docket_store_record_sql ()->select_by_rid,
                                error);
  if (stmt == NULL)
    return NULL;
  if (id != NULL)
    _docket_store_bind_text (stmt, 1, id);
  else
    sqlite3_bind_int64 (stmt, 1, rid);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _docket_store_release (stmt);
      if (rc != SQLITE_DONE)
        _docket_store_set_error (self, rc, error);
      return NULL;
    }

  record = docket_record_new ();
  rid = sqlite3_column_int64 (stmt, 0);
  docket_record_set_version (record, sqlite3_column_int64 (stmt, 1));
  docket_record_set_position (record, sqlite3_column_int64 (stmt, 2));
  docket_record_set_provisional_id (record, sqlite3_column_int (stmt, 3) != 0);
  docket_record_set_extra_xml (record, (const char *) sqlite3_column_text (stmt, 4));
  for (guint k = 0; k < _docket_store_record_sql ()->n_columns; k++)
    docket_record_set (record, _docket_store_record_sql ()->column_fields[k],
                       (const char *) sqlite3_column_text (stmt, N_FIXED_COLUMNS + k));
  _docket_store_release (stmt);

  if (!read_extra_fields (self, rid, record, error) ||
      !read_agents (self, rid, record, error) ||
      !read_access_points (self, rid, record, error) ||
      !read_body (self, rid, record, error) ||
      !read_footnotes (self, rid, record, error))
    return NULL;

  if (out_rid != NULL)
    *out_rid = rid;
  return g_steal_pointer (&record);
}

/**
 * docket_store_load_record:
 *
 * Returns: (transfer full): the record with everything stored for it, or
 *   %NULL with @error set (%DOCKET_STORE_ERROR_NOT_FOUND if there is none)
 */
DocketRecord *
docket_store_load_record (DocketStore  *self,
                          const char   *id,
                          GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  DocketRecord *record;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  /* One read transaction, so that the record and its lists agree. */
  if (!_docket_store_begin_read (self, error))
    return NULL;
  record = _docket_store_load_record_locked (self, id, 0, NULL, &local_error);
  _docket_store_rollback (self);

  if (record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _docket_store_not_found (self, id, error);
    }
  return record;
}

/**
 * docket_store_load_records:
 * @collection_id: (nullable): only this collection's records
 *
 * Loads whole records in catalog order, for export.
 *
 * Returns: (transfer container) (element-type DocketRecord): the records,
 *   or %NULL with @error set
 */
GPtrArray *
docket_store_load_records (DocketStore  *self,
                           const char   *collection_id,
                           GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_begin_read (self, error))
    return NULL;
  ids = docket_store_list_ids (self, collection_id, error);
  if (ids == NULL)
    {
      _docket_store_rollback (self);
      return NULL;
    }
  out = g_ptr_array_new_full (ids->len, g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      DocketRecord *record = _docket_store_load_record_locked (self, g_ptr_array_index (ids, i), 0, NULL, error);

      if (record == NULL)
        {
          _docket_store_rollback (self);
          if (error != NULL && *error == NULL)
            _docket_store_not_found (self, g_ptr_array_index (ids, i), error);
          return NULL;
        }
      g_ptr_array_add (out, record);
    }
  _docket_store_rollback (self);
  return g_steal_pointer (&out);
}

/**
 * docket_store_has_record:
 *
 * Returns: %TRUE if the catalog holds a record with that id
 */
gboolean
docket_store_has_record (DocketStore *self,
                         const char  *id)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_lookup_rid (self, id, NULL, &found, NULL))
    return FALSE;
  return found;
}

/**
 * docket_store_make_unique_id:
 * @base: the wanted identifier
 *
 * Returns: (transfer full): @base if no record has it, else the first free
 *   of "@base-2", "@base-3", …
 */
char *
docket_store_make_unique_id (DocketStore *self,
                             const char  *base)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  char *candidate;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  candidate = g_strdup (base);
  for (guint n = 2; docket_store_has_record (self, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }
  return candidate;
}

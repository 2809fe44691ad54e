/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Writing a record's extra fields and lists, for the insert and update
 * paths. */

gboolean
_docket_store_write_extra_fields (DocketStore   *self,
                                  gint64         rid,
                                  DocketRecord  *record,
                                  GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  const RecordSql *sql = _docket_store_record_sql ();

  if (sql->n_extra == 0)
    return TRUE;
  stmt = _docket_store_prepare (self,
                                "INSERT INTO record_field (record_rid, key, value) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (record_rid, key) DO UPDATE SET value = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < sql->n_extra; k++)
    {
      sqlite3_bind_int64 (stmt, 1, rid);
      _docket_store_bind_static (stmt, 2, docket_field_get_key (sql->extra_fields[k]));
      _docket_store_bind_static (stmt, 3, docket_record_get (record, sql->extra_fields[k]));
      if (!_docket_store_step_reset (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
delete_children (DocketStore  *self,
                 const char   *sql,
                 gint64        rid,
                 GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = _docket_store_prepare_for_record (self, sql, rid, error);

  if (stmt == NULL)
    return FALSE;
  return _docket_store_step_done (self, stmt, error);
}

static gboolean
write_agents (DocketStore   *self,
              gint64         rid,
              DocketRecord  *record,
              GError       **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  GPtrArray *agents = docket_record_get_agents (record);

  if (agents->len == 0)
    return TRUE;
  stmt = _docket_store_prepare (self,
                                "INSERT INTO record_agent (record_rid, seq, role, name, office, ref,"
                                " authority_source, authority_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < agents->len; i++)
    {
      const DocketAgent *agent = g_ptr_array_index (agents, i);

      sqlite3_bind_int64 (stmt, 1, rid);
      sqlite3_bind_int64 (stmt, 2, i);
      _docket_store_bind_static (stmt, 3, docket_agent_role_to_string (agent->role));
      _docket_store_bind_static (stmt, 4, agent->name);
      _docket_store_bind_static (stmt, 5, agent->office);
      _docket_store_bind_static (stmt, 6, agent->ref);
      _docket_store_bind_static (stmt, 7, agent->authority_source);
      _docket_store_bind_static (stmt, 8, agent->authority_id);
      if (!_docket_store_step_reset (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A record's blocks and anchors, and the access points of a run of
 * records, go LIST_RUN_ROWS to a statement while that many are left: like
 * a run of records, that costs SQLite less than a statement each. (Shorter
 * runs gain less than the statement journal that a statement of several
 * rows keeps costs.) */
#define LIST_RUN_ROWS 16
#define ROWS_4(row) row ", " row ", " row ", " row
#define ROWS_16(row) ROWS_4 (ROWS_4 (row))
#define BLOCK_INSERT "INSERT INTO block (record_rid, seq, kind, text) VALUES "
#define BLOCK_ROW "(?, ?, ?, ?)"
#define ANCHOR_INSERT "INSERT INTO anchor (record_rid, block_seq, seq, kind, byte_offset, ref," \
                      " byte_length) VALUES "
#define ANCHOR_ROW "(?, ?, ?, ?, ?, ?, ?)"
#define ACCESS_POINT_INSERT "INSERT INTO access_point (record_rid, seq, kind, term, source," \
                            " authority_id, role) VALUES "
#define ACCESS_POINT_ROW "(?, ?, ?, ?, ?, ?, ?)"

/* Writes the access points of @n_records records that have none in the
 * catalog, @rids their rids: across records, so that a run of records
 * with a few each fills runs of rows. On failure @out_failed is the index
 * of the record whose row began the statement that failed. */
gboolean
_docket_store_write_access_points (DocketStore   *self,
                                   const gint64  *rids,
                                   DocketRecord **records,
                                   guint          n_records,
                                   guint         *out_failed,
                                   GError       **error)
{
  g_autoptr(DocketCachedStmt) one = NULL;
  g_autoptr(DocketCachedStmt) run = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_points = 0;
  guint left;
  guint k = 0;

  *out_failed = 0;
  for (guint r = 0; r < n_records; r++)
    n_points += docket_record_get_access_points (records[r])->len;
  if (n_points >= LIST_RUN_ROWS &&
      (run = _docket_store_prepare (self, ACCESS_POINT_INSERT ROWS_16 (ACCESS_POINT_ROW), error)) == NULL)
    return FALSE;
  if (n_points % LIST_RUN_ROWS != 0 &&
      (one = _docket_store_prepare (self, ACCESS_POINT_INSERT ACCESS_POINT_ROW, error)) == NULL)
    return FALSE;

  left = n_points;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *points = docket_record_get_access_points (records[r]);

      for (guint i = 0; i < points->len; i++)
        {
          const DocketAccessPoint *point = g_ptr_array_index (points, i);

          if (k == 0)
            {
              stmt = left >= LIST_RUN_ROWS ? run : one;
              *out_failed = r;
            }
          sqlite3_bind_int64 (stmt, 7 * k + 1, rids[r]);
          sqlite3_bind_int64 (stmt, 7 * k + 2, i);
          _docket_store_bind_static (stmt, 7 * k + 3, docket_access_point_kind_to_string (point->kind));
          _docket_store_bind_static (stmt, 7 * k + 4, point->term);
          _docket_store_bind_static (stmt, 7 * k + 5, point->source);
          _docket_store_bind_static (stmt, 7 * k + 6, point->authority_id);
          _docket_store_bind_static (stmt, 7 * k + 7, point->role);
          left--;
          if (++k == (stmt == run ? LIST_RUN_ROWS : 1))
            {
              if (!_docket_store_step_reset (self, stmt, error))
                return FALSE;
              k = 0;
            }
        }
    }
  return TRUE;
}

static gboolean
write_blocks (DocketStore  *self,
              gint64        rid,
              GPtrArray    *body,
              GError      **error)
{
  g_autoptr(DocketCachedStmt) one = NULL;
  g_autoptr(DocketCachedStmt) run = NULL;

  if (body->len >= LIST_RUN_ROWS &&
      (run = _docket_store_prepare (self, BLOCK_INSERT ROWS_16 (BLOCK_ROW), error)) == NULL)
    return FALSE;
  if (body->len % LIST_RUN_ROWS != 0 &&
      (one = _docket_store_prepare (self, BLOCK_INSERT BLOCK_ROW, error)) == NULL)
    return FALSE;

  for (guint first = 0; first < body->len;)
    {
      gboolean whole_run = body->len - first >= LIST_RUN_ROWS;
      sqlite3_stmt *stmt = whole_run ? run : one;
      guint n = whole_run ? LIST_RUN_ROWS : 1;

      for (guint k = 0; k < n; k++)
        {
          const DocketBlock *block = g_ptr_array_index (body, first + k);

          sqlite3_bind_int64 (stmt, 4 * k + 1, rid);
          sqlite3_bind_int64 (stmt, 4 * k + 2, first + k);
          _docket_store_bind_static (stmt, 4 * k + 3, docket_block_kind_to_string (block->kind));
          _docket_store_bind_static (stmt, 4 * k + 4, block->text);
        }
      if (!_docket_store_step_reset (self, stmt, error))
        return FALSE;
      first += n;
    }
  return TRUE;
}

/* The anchors, after the blocks they refer to. */
static gboolean
write_anchors (DocketStore  *self,
               gint64        rid,
               GPtrArray    *body,
               GError      **error)
{
  g_autoptr(DocketCachedStmt) one = NULL;
  g_autoptr(DocketCachedStmt) run = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_anchors = 0;
  guint left;
  guint k = 0;

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      if (block->anchors != NULL)
        n_anchors += block->anchors->len;
    }
  if (n_anchors >= LIST_RUN_ROWS &&
      (run = _docket_store_prepare (self, ANCHOR_INSERT ROWS_16 (ANCHOR_ROW), error)) == NULL)
    return FALSE;
  if (n_anchors % LIST_RUN_ROWS != 0 &&
      (one = _docket_store_prepare (self, ANCHOR_INSERT ANCHOR_ROW, error)) == NULL)
    return FALSE;

  left = n_anchors;
  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; block->anchors != NULL && j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (k == 0)
            stmt = left >= LIST_RUN_ROWS ? run : one;
          sqlite3_bind_int64 (stmt, 7 * k + 1, rid);
          sqlite3_bind_int64 (stmt, 7 * k + 2, i);
          sqlite3_bind_int64 (stmt, 7 * k + 3, j);
          _docket_store_bind_static (stmt, 7 * k + 4, docket_anchor_kind_to_string (anchor->kind));
          sqlite3_bind_int64 (stmt, 7 * k + 5, (gint64) anchor->offset);
          _docket_store_bind_static (stmt, 7 * k + 6, anchor->ref);
          sqlite3_bind_int64 (stmt, 7 * k + 7, (gint64) anchor->length);
          left--;
          if (++k == (stmt == run ? LIST_RUN_ROWS : 1))
            {
              if (!_docket_store_step_reset (self, stmt, error))
                return FALSE;
              k = 0;
            }
        }
    }
  return TRUE;
}

static gboolean
write_body (DocketStore   *self,
            gint64         rid,
            DocketRecord  *record,
            GError       **error)
{
  GPtrArray *body = docket_record_get_body (record);

  return write_blocks (self, rid, body, error) && write_anchors (self, rid, body, error);
}

static gboolean
write_footnotes (DocketStore   *self,
                 gint64         rid,
                 DocketRecord  *record,
                 GError       **error)
{
  g_autoptr(DocketCachedStmt) footnote_stmt = NULL;
  g_autoptr(DocketCachedStmt) link_stmt = NULL;
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  if (footnotes->len == 0)
    return TRUE;
  footnote_stmt = _docket_store_prepare (self,
                                         "INSERT INTO footnote (record_rid, seq, id, n, kind, text)"
                                         " VALUES (?, ?, ?, ?, ?, ?)",
                                         error);
  if (footnote_stmt == NULL)
    return FALSE;
  link_stmt = _docket_store_prepare (self,
                                     "INSERT INTO footnote_link (record_rid, footnote_seq, seq, kind,"
                                     " target, repository, collection, file, description, title,"
                                     " span_start, span_end)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
  if (link_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      sqlite3_bind_int64 (footnote_stmt, 1, rid);
      sqlite3_bind_int64 (footnote_stmt, 2, i);
      _docket_store_bind_static (footnote_stmt, 3, footnote->id);
      _docket_store_bind_static (footnote_stmt, 4, footnote->n);
      _docket_store_bind_static (footnote_stmt, 5, docket_footnote_kind_to_string (footnote->kind));
      _docket_store_bind_static (footnote_stmt, 6, footnote->text);
      if (!_docket_store_step_reset (self, footnote_stmt, error))
        return FALSE;

      for (guint j = 0; footnote->links != NULL && j < footnote->links->len; j++)
        {
          const DocketFootnoteLink *link = g_ptr_array_index (footnote->links, j);

          sqlite3_bind_int64 (link_stmt, 1, rid);
          sqlite3_bind_int64 (link_stmt, 2, i);
          sqlite3_bind_int64 (link_stmt, 3, j);
          _docket_store_bind_static (link_stmt, 4, docket_link_kind_to_string (link->kind));
          _docket_store_bind_static (link_stmt, 5, link->target);
          _docket_store_bind_static (link_stmt, 6, link->repository);
          _docket_store_bind_static (link_stmt, 7, link->collection);
          _docket_store_bind_static (link_stmt, 8, link->file);
          _docket_store_bind_static (link_stmt, 9, link->description);
          _docket_store_bind_static (link_stmt, 10, link->title);
          sqlite3_bind_int (link_stmt, 11, link->span_start);
          sqlite3_bind_int (link_stmt, 12, link->span_end);
          if (!_docket_store_step_reset (self, link_stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Rewrites the lists in @mask. A fresh record has nothing to delete. */
gboolean
_docket_store_write_lists (DocketStore   *self,
                           gint64         rid,
                           DocketRecord  *record,
                           ListMask       mask,
                           gboolean       fresh,
                           GError       **error)
{
  if (mask & LIST_AGENTS)
    {
      if ((!fresh && !delete_children (self, "DELETE FROM record_agent WHERE record_rid = ?", rid, error)) ||
          !write_agents (self, rid, record, error))
        return FALSE;
    }
  if (mask & LIST_ACCESS_POINTS)
    {
      guint failed;

      if ((!fresh && !delete_children (self, "DELETE FROM access_point WHERE record_rid = ?", rid, error)) ||
          !_docket_store_write_access_points (self, &rid, &record, 1, &failed, error))
        return FALSE;
    }
  if (mask & LIST_BODY)
    {
      /* Anchors go with their blocks (ON DELETE CASCADE). */
      if ((!fresh && !delete_children (self, "DELETE FROM block WHERE record_rid = ?", rid, error)) ||
          !write_body (self, rid, record, error))
        return FALSE;
    }
  if (mask & LIST_FOOTNOTES)
    {
      if ((!fresh && !delete_children (self, "DELETE FROM footnote WHERE record_rid = ?", rid, error)) ||
          !write_footnotes (self, rid, record, error))
        return FALSE;
    }
  return TRUE;
}

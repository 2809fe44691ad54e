/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* Writing records' extra fields and lists, for the insert and update
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

/* A table's rows are written across the records being written (see
 * ListRows), LIST_RUN_ROWS to a statement. */
#define ROWS_4(row) row ", " row ", " row ", " row
#define ROWS_16(row) ROWS_4 (ROWS_4 (row))
#define ONE_AND_RUN(insert, row) insert row, insert ROWS_16 (row)
/* The parameters of a row: "(?, ?, ?)" is three characters a parameter,
 * so a column added to a row cannot be left out of its count. */
#define N_PARAMS(row) ((int) ((sizeof (row) - 1) / 3))
G_STATIC_ASSERT (LIST_RUN_ROWS == 16);

#define AGENT_INSERT "INSERT INTO record_agent (record_rid, seq, role, name, office, ref," \
                     " authority_source, authority_id) VALUES "
#define AGENT_ROW "(?, ?, ?, ?, ?, ?, ?, ?)"
#define ACCESS_POINT_INSERT "INSERT INTO access_point (record_rid, seq, kind, term, source," \
                            " authority_id, role) VALUES "
#define ACCESS_POINT_ROW "(?, ?, ?, ?, ?, ?, ?)"
#define BLOCK_INSERT "INSERT INTO block (record_rid, seq, kind, text) VALUES "
#define BLOCK_ROW "(?, ?, ?, ?)"
#define ANCHOR_INSERT "INSERT INTO anchor (record_rid, block_seq, seq, kind, byte_offset, ref," \
                      " byte_length) VALUES "
#define ANCHOR_ROW "(?, ?, ?, ?, ?, ?, ?)"
#define FOOTNOTE_INSERT "INSERT INTO footnote (record_rid, seq, id, n, kind, text) VALUES "
#define FOOTNOTE_ROW "(?, ?, ?, ?, ?, ?)"
#define LINK_INSERT "INSERT INTO footnote_link (record_rid, footnote_seq, seq, kind, target," \
                    " repository, collection, file, description, title, span_start, span_end) VALUES "
#define LINK_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

static gboolean
write_agents (DocketStore    *self,
              const gint64   *rids,
              DocketRecord  **records,
              guint           n_records,
              guint          *out_failed,
              GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    n_rows += docket_record_get_agents (records[r])->len;
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (AGENT_INSERT, AGENT_ROW),
                                 N_PARAMS (AGENT_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *agents = docket_record_get_agents (records[r]);

      for (guint i = 0; i < agents->len; i++)
        {
          const DocketAgent *agent = g_ptr_array_index (agents, i);
          int p;
          sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

          sqlite3_bind_int64 (stmt, p + 1, rids[r]);
          sqlite3_bind_int64 (stmt, p + 2, i);
          _docket_store_bind_static (stmt, p + 3, docket_agent_role_to_string (agent->role));
          _docket_store_bind_static (stmt, p + 4, agent->name);
          _docket_store_bind_static (stmt, p + 5, agent->office);
          _docket_store_bind_static (stmt, p + 6, agent->ref);
          _docket_store_bind_static (stmt, p + 7, agent->authority_source);
          _docket_store_bind_static (stmt, p + 8, agent->authority_id);
          if (!_docket_store_rows_end_row (&rows, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_access_points (DocketStore    *self,
                     const gint64   *rids,
                     DocketRecord  **records,
                     guint           n_records,
                     guint          *out_failed,
                     GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    n_rows += docket_record_get_access_points (records[r])->len;
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (ACCESS_POINT_INSERT, ACCESS_POINT_ROW),
                                 N_PARAMS (ACCESS_POINT_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *points = docket_record_get_access_points (records[r]);

      for (guint i = 0; i < points->len; i++)
        {
          const DocketAccessPoint *point = g_ptr_array_index (points, i);
          int p;
          sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

          sqlite3_bind_int64 (stmt, p + 1, rids[r]);
          sqlite3_bind_int64 (stmt, p + 2, i);
          _docket_store_bind_static (stmt, p + 3, docket_access_point_kind_to_string (point->kind));
          _docket_store_bind_static (stmt, p + 4, point->term);
          _docket_store_bind_static (stmt, p + 5, point->source);
          _docket_store_bind_static (stmt, p + 6, point->authority_id);
          _docket_store_bind_static (stmt, p + 7, point->role);
          if (!_docket_store_rows_end_row (&rows, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_blocks (DocketStore    *self,
              const gint64   *rids,
              DocketRecord  **records,
              guint           n_records,
              guint          *out_failed,
              GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    n_rows += docket_record_get_body (records[r])->len;
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (BLOCK_INSERT, BLOCK_ROW),
                                 N_PARAMS (BLOCK_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *body = docket_record_get_body (records[r]);

      for (guint i = 0; i < body->len; i++)
        {
          const DocketBlock *block = g_ptr_array_index (body, i);
          int p;
          sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

          sqlite3_bind_int64 (stmt, p + 1, rids[r]);
          sqlite3_bind_int64 (stmt, p + 2, i);
          _docket_store_bind_static (stmt, p + 3, docket_block_kind_to_string (block->kind));
          _docket_store_bind_static (stmt, p + 4, block->text);
          if (!_docket_store_rows_end_row (&rows, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* After the blocks, which anchors refer to. */
static gboolean
write_anchors (DocketStore    *self,
               const gint64   *rids,
               DocketRecord  **records,
               guint           n_records,
               guint          *out_failed,
               GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *body = docket_record_get_body (records[r]);

      for (guint i = 0; i < body->len; i++)
        {
          const DocketBlock *block = g_ptr_array_index (body, i);

          if (block->anchors != NULL)
            n_rows += block->anchors->len;
        }
    }
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (ANCHOR_INSERT, ANCHOR_ROW),
                                 N_PARAMS (ANCHOR_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *body = docket_record_get_body (records[r]);

      for (guint i = 0; i < body->len; i++)
        {
          const DocketBlock *block = g_ptr_array_index (body, i);

          for (guint j = 0; block->anchors != NULL && j < block->anchors->len; j++)
            {
              const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
              int p;
              sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

              sqlite3_bind_int64 (stmt, p + 1, rids[r]);
              sqlite3_bind_int64 (stmt, p + 2, i);
              sqlite3_bind_int64 (stmt, p + 3, j);
              _docket_store_bind_static (stmt, p + 4, docket_anchor_kind_to_string (anchor->kind));
              sqlite3_bind_int64 (stmt, p + 5, (gint64) anchor->offset);
              _docket_store_bind_static (stmt, p + 6, anchor->ref);
              sqlite3_bind_int64 (stmt, p + 7, (gint64) anchor->length);
              if (!_docket_store_rows_end_row (&rows, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
write_footnotes (DocketStore    *self,
                 const gint64   *rids,
                 DocketRecord  **records,
                 guint           n_records,
                 guint          *out_failed,
                 GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    n_rows += docket_record_get_footnotes (records[r])->len;
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (FOOTNOTE_INSERT, FOOTNOTE_ROW),
                                 N_PARAMS (FOOTNOTE_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *footnotes = docket_record_get_footnotes (records[r]);

      for (guint i = 0; i < footnotes->len; i++)
        {
          const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
          int p;
          sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

          sqlite3_bind_int64 (stmt, p + 1, rids[r]);
          sqlite3_bind_int64 (stmt, p + 2, i);
          _docket_store_bind_static (stmt, p + 3, footnote->id);
          _docket_store_bind_static (stmt, p + 4, footnote->n);
          _docket_store_bind_static (stmt, p + 5, docket_footnote_kind_to_string (footnote->kind));
          _docket_store_bind_static (stmt, p + 6, footnote->text);
          if (!_docket_store_rows_end_row (&rows, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* After the footnotes, which links refer to. */
static gboolean
write_links (DocketStore    *self,
             const gint64   *rids,
             DocketRecord  **records,
             guint           n_records,
             guint          *out_failed,
             GError        **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *footnotes = docket_record_get_footnotes (records[r]);

      for (guint i = 0; i < footnotes->len; i++)
        {
          const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

          if (footnote->links != NULL)
            n_rows += footnote->links->len;
        }
    }
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, ONE_AND_RUN (LINK_INSERT, LINK_ROW),
                                 N_PARAMS (LINK_ROW), n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *footnotes = docket_record_get_footnotes (records[r]);

      for (guint i = 0; i < footnotes->len; i++)
        {
          const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

          for (guint j = 0; footnote->links != NULL && j < footnote->links->len; j++)
            {
              const DocketFootnoteLink *link = g_ptr_array_index (footnote->links, j);
              int p;
              sqlite3_stmt *stmt = _docket_store_rows_next (&rows, r, &p);

              sqlite3_bind_int64 (stmt, p + 1, rids[r]);
              sqlite3_bind_int64 (stmt, p + 2, i);
              sqlite3_bind_int64 (stmt, p + 3, j);
              _docket_store_bind_static (stmt, p + 4, docket_link_kind_to_string (link->kind));
              _docket_store_bind_static (stmt, p + 5, link->target);
              _docket_store_bind_static (stmt, p + 6, link->repository);
              _docket_store_bind_static (stmt, p + 7, link->collection);
              _docket_store_bind_static (stmt, p + 8, link->file);
              _docket_store_bind_static (stmt, p + 9, link->description);
              _docket_store_bind_static (stmt, p + 10, link->title);
              sqlite3_bind_int (stmt, p + 11, link->span_start);
              sqlite3_bind_int (stmt, p + 12, link->span_end);
              if (!_docket_store_rows_end_row (&rows, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Writes the lists in @mask of @n_records records that have none of them
 * in the catalog, @rids their rids. On failure @out_failed is the index of
 * the record whose row began the statement that failed. */
gboolean
_docket_store_write_new_lists (DocketStore    *self,
                               const gint64   *rids,
                               DocketRecord  **records,
                               guint           n_records,
                               ListMask        mask,
                               guint          *out_failed,
                               GError        **error)
{
  *out_failed = 0;
  return (!(mask & LIST_AGENTS) ||
          write_agents (self, rids, records, n_records, out_failed, error)) &&
         (!(mask & LIST_ACCESS_POINTS) ||
          write_access_points (self, rids, records, n_records, out_failed, error)) &&
         (!(mask & LIST_BODY) ||
          (write_blocks (self, rids, records, n_records, out_failed, error) &&
           write_anchors (self, rids, records, n_records, out_failed, error))) &&
         (!(mask & LIST_FOOTNOTES) ||
          (write_footnotes (self, rids, records, n_records, out_failed, error) &&
           write_links (self, rids, records, n_records, out_failed, error)));
}

/* Rewrites the lists in @mask of a stored record. */
gboolean
_docket_store_write_lists (DocketStore   *self,
                           gint64         rid,
                           DocketRecord  *record,
                           ListMask       mask,
                           GError       **error)
{
  guint failed;

  /* Anchors go with their blocks, links with their footnotes (ON DELETE
   * CASCADE). */
  if (((mask & LIST_AGENTS) &&
       !delete_children (self, "DELETE FROM record_agent WHERE record_rid = ?", rid, error)) ||
      ((mask & LIST_ACCESS_POINTS) &&
       !delete_children (self, "DELETE FROM access_point WHERE record_rid = ?", rid, error)) ||
      ((mask & LIST_BODY) &&
       !delete_children (self, "DELETE FROM block WHERE record_rid = ?", rid, error)) ||
      ((mask & LIST_FOOTNOTES) &&
       !delete_children (self, "DELETE FROM footnote WHERE record_rid = ?", rid, error)))
    return FALSE;
  return _docket_store_write_new_lists (self, &rid, &record, 1, mask, &failed, error);
}

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

/* Binds the columns of one row that follow its record_rid and sequence
 * numbers, from parameter @p + 1 on. */
typedef void (*BindRow) (sqlite3_stmt *stmt, int p, gconstpointer item);

/* One list table: a record's items (@list), or the items' own children
 * (@children, for anchors and links), each row (rid, seq[, seq], ...). */
typedef struct
{
  const char  *one_sql;
  const char  *run_sql;
  int          n_params;
  GPtrArray *(*list) (DocketRecord *record);
  GPtrArray *(*children) (gconstpointer item);
  BindRow      bind;
} ListTable;

static void
bind_agent (sqlite3_stmt  *stmt,
           int            p,
           gconstpointer  item)
{
  const DocketAgent *agent = item;

  _docket_store_bind_static (stmt, p + 1, docket_agent_role_to_string (agent->role));
  _docket_store_bind_static (stmt, p + 2, agent->name);
  _docket_store_bind_static (stmt, p + 3, agent->office);
  _docket_store_bind_static (stmt, p + 4, agent->ref);
  _docket_store_bind_static (stmt, p + 5, agent->authority_source);
  _docket_store_bind_static (stmt, p + 6, agent->authority_id);
}

static void
bind_access_point (sqlite3_stmt  *stmt,
                  int            p,
                  gconstpointer  item)
{
  const DocketAccessPoint *point = item;

  _docket_store_bind_static (stmt, p + 1, docket_access_point_kind_to_string (point->kind));
  _docket_store_bind_static (stmt, p + 2, point->term);
  _docket_store_bind_static (stmt, p + 3, point->source);
  _docket_store_bind_static (stmt, p + 4, point->authority_id);
  _docket_store_bind_static (stmt, p + 5, point->role);
}

static void
bind_block (sqlite3_stmt  *stmt,
           int            p,
           gconstpointer  item)
{
  const DocketBlock *block = item;

  _docket_store_bind_static (stmt, p + 1, docket_block_kind_to_string (block->kind));
  _docket_store_bind_static (stmt, p + 2, block->text);
}

static void
bind_anchor (sqlite3_stmt  *stmt,
            int            p,
            gconstpointer  item)
{
  const DocketAnchor *anchor = item;

  _docket_store_bind_static (stmt, p + 1, docket_anchor_kind_to_string (anchor->kind));
  sqlite3_bind_int64 (stmt, p + 2, (gint64) anchor->offset);
  _docket_store_bind_static (stmt, p + 3, anchor->ref);
  sqlite3_bind_int64 (stmt, p + 4, (gint64) anchor->length);
}

static void
bind_footnote (sqlite3_stmt  *stmt,
              int            p,
              gconstpointer  item)
{
  const DocketFootnote *footnote = item;

  _docket_store_bind_static (stmt, p + 1, footnote->id);
  _docket_store_bind_static (stmt, p + 2, footnote->n);
  _docket_store_bind_static (stmt, p + 3, docket_footnote_kind_to_string (footnote->kind));
  _docket_store_bind_static (stmt, p + 4, footnote->text);
}

static void
bind_link (sqlite3_stmt  *stmt,
          int            p,
          gconstpointer  item)
{
  const DocketFootnoteLink *link = item;

  _docket_store_bind_static (stmt, p + 1, docket_link_kind_to_string (link->kind));
  _docket_store_bind_static (stmt, p + 2, link->target);
  _docket_store_bind_static (stmt, p + 3, link->repository);
  _docket_store_bind_static (stmt, p + 4, link->collection);
  _docket_store_bind_static (stmt, p + 5, link->file);
  _docket_store_bind_static (stmt, p + 6, link->description);
  _docket_store_bind_static (stmt, p + 7, link->title);
  sqlite3_bind_int (stmt, p + 8, link->span_start);
  sqlite3_bind_int (stmt, p + 9, link->span_end);
}

static GPtrArray *
block_anchors (gconstpointer item)
{
  return ((const DocketBlock *) item)->anchors;
}

static GPtrArray *
footnote_links (gconstpointer item)
{
  return ((const DocketFootnote *) item)->links;
}

#define LIST_TABLE(insert, row) ONE_AND_RUN (insert, row), N_PARAMS (row)

static const ListTable agents = {
  LIST_TABLE (AGENT_INSERT, AGENT_ROW), docket_record_get_agents, NULL, bind_agent };
static const ListTable access_points = {
  LIST_TABLE (ACCESS_POINT_INSERT, ACCESS_POINT_ROW), docket_record_get_access_points, NULL, bind_access_point };
static const ListTable blocks = {
  LIST_TABLE (BLOCK_INSERT, BLOCK_ROW), docket_record_get_body, NULL, bind_block };
static const ListTable anchors = {
  LIST_TABLE (ANCHOR_INSERT, ANCHOR_ROW), docket_record_get_body, block_anchors, bind_anchor };
static const ListTable footnotes = {
  LIST_TABLE (FOOTNOTE_INSERT, FOOTNOTE_ROW), docket_record_get_footnotes, NULL, bind_footnote };
static const ListTable links = {
  LIST_TABLE (LINK_INSERT, LINK_ROW), docket_record_get_footnotes, footnote_links, bind_link };

/* How many rows @table has of @record. */
static guint
count_rows (const ListTable *table,
            DocketRecord    *record)
{
  GPtrArray *items = table->list (record);
  guint n = 0;

  if (table->children == NULL)
    return items->len;
  for (guint i = 0; i < items->len; i++)
    {
      GPtrArray *children = table->children (g_ptr_array_index (items, i));

      n += children != NULL ? children->len : 0;
    }
  return n;
}

static gboolean
write_table (DocketStore      *self,
             const ListTable  *table,
             const gint64     *rids,
             DocketRecord    **records,
             guint             n_records,
             guint            *out_failed,
             GError          **error)
{
  g_auto(ListRows) rows = { NULL };
  guint n_rows = 0;

  for (guint r = 0; r < n_records; r++)
    n_rows += count_rows (table, records[r]);
  if (n_rows == 0)
    return TRUE;
  if (!_docket_store_rows_begin (&rows, self, table->one_sql, table->run_sql,
                                 table->n_params, n_rows, out_failed, error))
    return FALSE;
  for (guint r = 0; r < n_records; r++)
    {
      GPtrArray *items = table->list (records[r]);

      for (guint i = 0; i < items->len; i++)
        {
          gconstpointer item = g_ptr_array_index (items, i);
          GPtrArray *children = table->children != NULL ? table->children (item) : NULL;
          int p;
          sqlite3_stmt *stmt;

          if (table->children == NULL)
            {
              stmt = _docket_store_rows_next (&rows, r, &p);
              sqlite3_bind_int64 (stmt, p + 1, rids[r]);
              sqlite3_bind_int64 (stmt, p + 2, i);
              table->bind (stmt, p + 2, item);
              if (!_docket_store_rows_end_row (&rows, error))
                return FALSE;
            }
          for (guint j = 0; children != NULL && j < children->len; j++)
            {
              stmt = _docket_store_rows_next (&rows, r, &p);
              sqlite3_bind_int64 (stmt, p + 1, rids[r]);
              sqlite3_bind_int64 (stmt, p + 2, i);
              sqlite3_bind_int64 (stmt, p + 3, j);
              table->bind (stmt, p + 3, g_ptr_array_index (children, j));
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
  /* Blocks before the anchors that refer to them, footnotes before their
   * links. */
  static const struct { ListMask mask; const ListTable *table; } order[] = {
    { LIST_AGENTS, &agents }, { LIST_ACCESS_POINTS, &access_points },
    { LIST_BODY, &blocks }, { LIST_BODY, &anchors },
    { LIST_FOOTNOTES, &footnotes }, { LIST_FOOTNOTES, &links },
  };

  *out_failed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if ((mask & order[k].mask) &&
        !write_table (self, order[k].table, rids, records, n_records, out_failed, error))
      return FALSE;
  return TRUE;
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

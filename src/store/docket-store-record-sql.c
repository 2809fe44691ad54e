/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* The record table: the column of each field, the SQL built from them,
 * binding a record to it, finding a record's row and the next free
 * position, and inserting runs of new records. */

/* The record table's column for each DocketField. A field the model gains
 * later has no entry here (NULL) and is kept in the record_field table by
 * its key until a migration gives it a column; so nothing is ever lost and
 * a new field does not break the build. */
static const char *field_columns[DOCKET_N_FIELDS] = {
  [DOCKET_FIELD_ID]                = "id",
  [DOCKET_FIELD_NUMBER]            = "number",
  [DOCKET_FIELD_COLLECTION]        = "collection_id",
  [DOCKET_FIELD_HEADING]           = "heading",
  [DOCKET_FIELD_SUBJECT]           = "subject",
  [DOCKET_FIELD_TITLE]             = "title",
  [DOCKET_FIELD_TYPE]              = "type",
  [DOCKET_FIELD_DATE_TEXT]         = "date_text",
  [DOCKET_FIELD_DATE_FROM]         = "date_from",
  [DOCKET_FIELD_DATE_TO]           = "date_to",
  [DOCKET_FIELD_DATE_CERTAINTY]    = "date_certainty",
  [DOCKET_FIELD_PLACE]             = "place",
  [DOCKET_FIELD_CLASSIFICATION]    = "classification",
  [DOCKET_FIELD_CAVEATS]           = "caveats",
  [DOCKET_FIELD_DECLASSIFICATION]  = "declassification",
  [DOCKET_FIELD_SOURCE_TEXT]       = "source_text",
  [DOCKET_FIELD_SOURCE_REPOSITORY] = "source_repository",
  [DOCKET_FIELD_SOURCE_COLLECTION] = "source_collection",
  [DOCKET_FIELD_SOURCE_FILE]       = "source_file",
  [DOCKET_FIELD_PRINTING_NOTE]     = "printing_note",
  [DOCKET_FIELD_PUBLICATION]       = "publication",
  [DOCKET_FIELD_PAGES]             = "pages",
  [DOCKET_FIELD_URL]               = "url",
  [DOCKET_FIELD_LANGUAGE]          = "language",
  [DOCKET_FIELD_EXTENT]            = "extent",
  [DOCKET_FIELD_SCOPE]             = "scope",
  [DOCKET_FIELD_ACCESS_CONDITIONS] = "access_conditions",
  [DOCKET_FIELD_USE_CONDITIONS]    = "use_conditions",
  [DOCKET_FIELD_REVIEW_STATUS]     = "review_status",
  [DOCKET_FIELD_REVIEWER]          = "reviewer",
  [DOCKET_FIELD_REVIEW_DATE]       = "review_date",
  [DOCKET_FIELD_REVIEW_COMMENT]    = "review_comment",
  [DOCKET_FIELD_LEVEL]             = "level",
  [DOCKET_FIELD_PARENT_PATH]       = "parent_path",
  [DOCKET_FIELD_CHAPTER]           = "chapter",
};

const RecordSql *
_docket_store_record_sql (void)
{
  static RecordSql sql;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autoptr(GString) run = g_string_new (NULL);
      g_autoptr(GString) row = g_string_new ("(?");
      guint n;

      for (guint i = 0; i < DOCKET_N_FIELDS; i++)
        {
          if (field_columns[i] == NULL)
            {
              sql.extra_fields[sql.n_extra++] = i;
              continue;
            }
          n = ++sql.n_columns;
          sql.column_fields[n - 1] = i;
          g_string_append_printf (columns, "%s%s", n > 1 ? ", " : "", field_columns[i]);
          g_string_append_printf (values, "%s?%u", n > 1 ? ", " : "", n);
          g_string_append_printf (sets, "%s%s = ?%u", n > 1 ? ", " : "", field_columns[i], n);
        }
      n = sql.n_columns;

      sql.select_by_id = g_strdup_printf ("SELECT " RECORD_FIXED_COLUMNS ", %s FROM record WHERE id = ?",
                                          columns->str);
      sql.select_by_rid = g_strdup_printf ("SELECT " RECORD_FIXED_COLUMNS ", %s FROM record WHERE rid = ?",
                                           columns->str);
      /* An id already taken inserts nothing (see insert_new_locked()). */
      sql.insert = g_strdup_printf ("INSERT INTO record (%s, position, version, provisional_id, extra_xml)"
                                    " VALUES (%s, ?%u, ?%u, ?%u, ?%u) ON CONFLICT (id) DO NOTHING",
                                    columns->str, values->str, n + 1, n + 2, n + 3, n + 4);
      /* Rows of anonymous parameters, numbered in order: row r's first is
       * r * n_params + 1. An id already taken fails the whole statement
       * (see _docket_store_insert_run()). */
      sql.n_params = n + 4;
      for (guint k = 1; k < sql.n_params; k++)
        g_string_append (row, ", ?");
      g_string_append_c (row, ')');
      g_string_append_printf (run, "INSERT INTO record (%s, position, version, provisional_id, extra_xml) VALUES ",
                              columns->str);
      for (guint r = 0; r < RECORD_RUN_ROWS; r++)
        {
          if (r > 0)
            g_string_append (run, ", ");
          g_string_append_len (run, row->str, row->len);
        }
      sql.insert_run = g_string_free (g_steal_pointer (&run), FALSE);
      sql.update = g_strdup_printf ("UPDATE record SET %s, position = ?%u, version = ?%u,"
                                    " provisional_id = ?%u, extra_xml = ?%u"
                                    " WHERE rid = ?%u AND version = ?%u",
                                    sets->str, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6);
      g_once_init_leave (&initialized, 1);
    }
  return &sql;
}

void
_docket_store_bind_record (sqlite3_stmt *stmt,
                           DocketRecord *record,
                           gint64        position,
                           gint64        version)
{
  _docket_store_bind_record_at (stmt, 0, record, position, version);
}

/* Binds @record to parameters @offset + 1 to @offset + n_params. */
void
_docket_store_bind_record_at (sqlite3_stmt *stmt,
                              int           offset,
                              DocketRecord *record,
                              gint64        position,
                              gint64        version)
{
  const RecordSql *sql = _docket_store_record_sql ();
  int n = offset + sql->n_columns;

  /* The record's strings outlive the step, so they are not copied. The
   * statement comes from the cache with no bindings (every use releases
   * it), so its empty fields (most of them) are NULL already. */
  for (guint k = 0; k < sql->n_columns; k++)
    {
      const char *value = docket_record_get (record, sql->column_fields[k]);

      if (value != NULL)
        sqlite3_bind_text (stmt, offset + k + 1, value, -1, SQLITE_STATIC);
    }
  sqlite3_bind_int64 (stmt, n + 1, position);
  sqlite3_bind_int64 (stmt, n + 2, version);
  sqlite3_bind_int (stmt, n + 3, docket_record_get_provisional_id (record) ? 1 : 0);
  _docket_store_bind_static (stmt, n + 4, docket_record_get_extra_xml (record));
}

/* Prepares @sql, whose first parameter (?1) is a record's rid, and binds @rid. */
sqlite3_stmt *
_docket_store_prepare_for_record (DocketStore  *self,
                                  const char   *sql,
                                  gint64        rid,
                                  GError      **error)
{
  sqlite3_stmt *stmt = _docket_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, rid);
  return stmt;
}

char *
_docket_store_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

gboolean
_docket_store_not_found (DocketStore  *self,
                         const char   *id,
                         GError      **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
               _("There is no record “%s” in catalog “%s”; check the identifier or reload the list"),
               id, self->display_name);
  return FALSE;
}

gboolean
_docket_store_next_position (DocketStore  *self,
                             const char   *collection_id,
                             gint64       *out_position,
                             GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  stmt = _docket_store_prepare (self,
                                "SELECT coalesce (max (position), 0) + 1 FROM record WHERE collection_id IS ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, collection_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _docket_store_set_error (self, rc, error);
  *out_position = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_docket_store_lookup_rid (DocketStore  *self,
                          const char   *id,
                          gint64       *out_rid,
                          gboolean     *out_found,
                          GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  stmt = _docket_store_prepare (self, "SELECT rid FROM record WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      if (out_rid != NULL)
        *out_rid = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  return _docket_store_rows_done (self, rc, error);
}


void
_docket_store_batch_init (RecordBatch *batch,
                          gint64       last_rid)
{
  batch->next_positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->have_unfiled = FALSE;
  batch->next_unfiled = 0;
  batch->last_rid = last_rid;
  batch->n_pending = 0;
}

void
_docket_store_batch_clear (RecordBatch *batch)
{
  g_clear_pointer (&batch->next_positions, g_hash_table_unref);
}

/* Forgets what the batch knows, after a change (such as a replaced record
 * moving to another collection) that placed a record by itself. */
void
_docket_store_batch_forget (RecordBatch *batch)
{
  g_hash_table_remove_all (batch->next_positions);
  batch->have_unfiled = FALSE;
}

/* Whether the batch already holds the next position in @collection_id. */
gboolean
_docket_store_batch_knows (RecordBatch *batch,
                           const char  *collection_id)
{
  if (collection_id == NULL)
    return batch->have_unfiled;
  return g_hash_table_contains (batch->next_positions, collection_id);
}

/* Returns the cell holding the next position in @collection_id, ensuring
 * the collection and reading its last position on first use. */
gint64 *
_docket_store_batch_next_position (DocketStore  *self,
                                   RecordBatch  *batch,
                                   const char   *collection_id,
                                   GError      **error)
{
  gint64 *cell;
  gint64 position;

  if (collection_id == NULL && batch->have_unfiled)
    return &batch->next_unfiled;
  if (collection_id != NULL &&
      (cell = g_hash_table_lookup (batch->next_positions, collection_id)) != NULL)
    return cell;

  if (!_docket_store_ensure_collection (self, collection_id, error) ||
      !_docket_store_next_position (self, collection_id, &position, error))
    return NULL;

  if (collection_id == NULL)
    {
      batch->have_unfiled = TRUE;
      batch->next_unfiled = position;
      return &batch->next_unfiled;
    }
  cell = g_new (gint64, 1);
  *cell = position;
  g_hash_table_insert (batch->next_positions, g_strdup (collection_id), cell);
  return cell;
}

/* Keeps a record just inserted, with its @rid, for its extra fields and
 * lists to be written with others'. */
void
_docket_store_batch_add_new (RecordBatch  *batch,
                             gint64        rid,
                             DocketRecord *record)
{
  g_assert (batch->n_pending < G_N_ELEMENTS (batch->pending));
  batch->last_rid = MAX (batch->last_rid, rid);
  batch->pending_rids[batch->n_pending] = rid;
  batch->pending[batch->n_pending++] = record;
}

/* Inserts the RECORD_RUN_ROWS records from @first with one statement, which
 * costs SQLite far less per record than a statement each. If an id is
 * taken the statement stores nothing (it aborts) and @out_inserted is
 * %FALSE: the caller then takes these records one by one, as if no run had
 * been tried, so that records before a taken id are placed before it. On
 * failure @out_failed is the index of the record it concerns. */
gboolean
_docket_store_insert_run (DocketStore  *self,
                          RecordBatch  *batch,
                          GPtrArray    *records,
                          guint         first,
                          gboolean     *out_inserted,
                          guint        *out_failed,
                          GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  const RecordSql *sql = _docket_store_record_sql ();
  gint64 *cells[RECORD_RUN_ROWS];
  gint64 positions[RECORD_RUN_ROWS];
  gboolean consecutive;
  gint64 first_rid;
  int rc;

  *out_inserted = FALSE;
  *out_failed = first;
  stmt = _docket_store_prepare (self, sql->insert_run, error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < RECORD_RUN_ROWS; k++)
    {
      DocketRecord *record = g_ptr_array_index (records, first + k);
      const char *collection_id = docket_record_get (record, DOCKET_FIELD_COLLECTION);

      cells[k] = _docket_store_batch_next_position (self, batch, collection_id, error);
      if (cells[k] == NULL)
        return FALSE;
      positions[k] = (*cells[k])++;
      _docket_store_bind_record_at (stmt, k * sql->n_params, record, positions[k], 1);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      for (guint k = RECORD_RUN_ROWS; k-- > 0;)
        *cells[k] = positions[k];
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _docket_store_set_error (self, rc, error);

  /* A new row's rid is one past the largest (unless that is SQLite's
   * largest rowid), so the run's rids follow the last one; should they not,
   * each is looked up. */
  first_rid = sqlite3_last_insert_rowid (self->db) - (RECORD_RUN_ROWS - 1);
  consecutive = batch->last_rid < G_MAXINT64 - RECORD_RUN_ROWS && first_rid == batch->last_rid + 1;
  for (guint k = 0; k < RECORD_RUN_ROWS; k++)
    {
      DocketRecord *record = g_ptr_array_index (records, first + k);
      const char *id = docket_record_get_id (record);
      gint64 rid = first_rid + k;
      gboolean found = TRUE;

      *out_failed = first + k;
      if (!consecutive && !_docket_store_lookup_rid (self, id, &rid, &found, error))
        return FALSE;
      g_assert (found);
      _docket_store_batch_add_new (batch, rid, record);
      docket_record_set_version (record, 1);
      docket_record_set_position (record, positions[k]);
    }
  *out_inserted = TRUE;
  return TRUE;
}

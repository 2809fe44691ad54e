/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <string.h>

#include "docket-store.h"
#include "docket-store-private.h"

/* The statement cache, and the helpers every SQL call of the store goes
 * through: exec, step, bind and read a column. */

/* Returns: (transfer none): a cached prepared statement for @sql; release it
 * with _docket_store_release() (or a g_autoptr(DocketCachedStmt)). */
sqlite3_stmt *
_docket_store_prepare (DocketStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Most SQL is a constant, asked for once per row: find it by address
   * first. A built string may reuse a freed one's address, hence the
   * comparison, which costs far less than hashing the text. */
  stmt = g_hash_table_lookup (self->statements_by_address, sql);
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    return stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          g_debug ("Could not prepare %s: %s", sql, sqlite3_errmsg (self->db));
          _docket_store_set_error (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  g_hash_table_insert (self->statements_by_address, (gpointer) sql, stmt);
  return stmt;
}

/* Whether @sql was prepared already, asked for by the same address. */
gboolean
_docket_store_is_prepared (DocketStore *self,
                           const char  *sql)
{
  return g_hash_table_contains (self->statements_by_address, sql);
}

void
_docket_store_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_docket_store_exec (DocketStore  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _docket_store_set_error (self, rc, error);
  return TRUE;
}

/* Steps a statement that returns no rows. */
gboolean
_docket_store_step_done (DocketStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _docket_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that returns no rows and resets it for the next row of
 * a batch of inserts (its bindings are replaced by the caller's next ones). */
gboolean
_docket_store_step_reset (DocketStore   *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The end of a loop over rows: %TRUE if @rc, the last sqlite3_step() result,
 * says every row was read, else %FALSE with @error set. */
gboolean
_docket_store_rows_done (DocketStore   *self,
                         int            rc,
                         GError       **error)
{
  if (rc != SQLITE_DONE)
    return _docket_store_set_error (self, rc, error);
  return TRUE;
}

/* Steps @stmt to its end, turning each row into an item with @row_func.
 *
 * Returns: (transfer container): the items, freed with @free_func, or %NULL
 *   with @error set */
GPtrArray *
_docket_store_collect_rows (DocketStore         *self,
                            sqlite3_stmt        *stmt,
                            DocketStoreRowFunc   row_func,
                            gpointer             user_data,
                            GDestroyNotify       free_func,
                            GError             **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_func (stmt, user_data));
  if (!_docket_store_rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&out);
}

void
_docket_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Binds @text without copying it: for strings that outlive the statement's
 * next step, such as a record's own fields while it is written. */
void
_docket_store_bind_static (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

char *
_docket_store_dup_column (sqlite3_stmt *stmt,
                          int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store.h"
#include "docket-store-private.h"
#include "docket-store-record-private.h"

/* ListRows: the rows of one list table written across records, several to
 * a statement (see docket-store-record-write.c). */

void
_docket_store_rows_clear (ListRows *rows)
{
  _docket_store_release (rows->one);
  _docket_store_release (rows->run);
}

/* Starts writing @n_rows rows, with statements of one row (@one_sql) and
 * of LIST_RUN_ROWS rows (@run_sql), each row of @n_params parameters. */
gboolean
_docket_store_rows_begin (ListRows     *rows,
                          DocketStore  *self,
                          const char   *one_sql,
                          const char   *run_sql,
                          int           n_params,
                          guint         n_rows,
                          guint        *out_failed,
                          GError      **error)
{
  rows->self = self;
  rows->n_params = n_params;
  rows->left = n_rows;
  rows->bound = 0;
  rows->out_failed = out_failed;
  if (n_rows >= LIST_RUN_ROWS && (rows->run = _docket_store_prepare (self, run_sql, error)) == NULL)
    return FALSE;
  if (n_rows % LIST_RUN_ROWS != 0 && (rows->one = _docket_store_prepare (self, one_sql, error)) == NULL)
    return FALSE;
  return TRUE;
}

/* Returns the statement to bind the next row to, of record @record, and
 * sets @out_offset to the number of the row's first parameter less one. */
sqlite3_stmt *
_docket_store_rows_next (ListRows *rows,
                         guint     record,
                         int      *out_offset)
{
  if (rows->bound == 0)
    {
      rows->stmt = rows->left >= LIST_RUN_ROWS ? rows->run : rows->one;
      rows->record = record;
    }
  *out_offset = (int) rows->bound * rows->n_params;
  return rows->stmt;
}

/* Ends the row just bound, stepping the statement once it has them all. */
gboolean
_docket_store_rows_end_row (ListRows  *rows,
                            GError   **error)
{
  rows->left--;
  if (++rows->bound < (rows->stmt == rows->run ? LIST_RUN_ROWS : 1))
    return TRUE;
  rows->bound = 0;
  if (_docket_store_step_reset (rows->self, rows->stmt, error))
    return TRUE;
  *rows->out_failed = rows->record;
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store-private.h"

G_BEGIN_DECLS

/* What the files that read and write records share: the record table's
 * SQL, built from the column of each field, the positions an insert hands
 * out, and the writing of a record's extra fields, lists and revisions. */

/* A record's lists, by bit; bit i is list_names[i] of the update path. */
typedef enum
{
  LIST_AGENTS        = 1 << 0,
  LIST_ACCESS_POINTS = 1 << 1,
  LIST_BODY          = 1 << 2,
  LIST_FOOTNOTES     = 1 << 3,
  LIST_ALL           = 0xf,
} ListMask;

/* The rows of a list go LIST_RUN_ROWS to a statement while that many are
 * left, then one by one: like a run of records, a statement of many rows
 * costs SQLite less than a statement each. (Shorter runs gain less than
 * the statement journal that a statement of several rows keeps costs.) */
#define LIST_RUN_ROWS 16

/* The rows of one table being written, across records. */
typedef struct
{
  DocketStore  *self;
  sqlite3_stmt *one;
  sqlite3_stmt *run;
  sqlite3_stmt *stmt;       /* the statement being bound */
  int           n_params;   /* of a row */
  guint         left;       /* rows not bound yet */
  guint         bound;      /* rows bound to stmt */
  guint         record;     /* the record whose row began stmt */
  guint        *out_failed;
} ListRows;

void             _docket_store_rows_clear         (ListRows      *rows);
gboolean         _docket_store_rows_begin         (ListRows      *rows,
                                                   DocketStore   *self,
                                                   const char    *one_sql,
                                                   const char    *run_sql,
                                                   int            n_params,
                                                   guint          n_rows,
                                                   guint         *out_failed,
                                                   GError       **error);
sqlite3_stmt    *_docket_store_rows_next          (ListRows      *rows,
                                                   guint          record,
                                                   int           *out_offset);
gboolean         _docket_store_rows_end_row       (ListRows      *rows,
                                                   GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListRows, _docket_store_rows_clear)

/* Columns 0–4 of a loaded row; the fields follow from column 5 on. */
#define RECORD_FIXED_COLUMNS "rid, version, position, provisional_id, extra_xml"
#define N_FIXED_COLUMNS 5

/* How many records one statement inserts at a time in a large import. */
#define RECORD_RUN_ROWS 32

typedef struct
{
  char  *select_by_id;
  char  *select_by_rid;
  char  *insert;
  /* RECORD_RUN_ROWS records, each with n_params parameters. */
  char  *insert_run;
  guint  n_params;
  char  *update;
  /* The fields with a column, in column order, and those without. */
  guint  n_columns;
  guint  column_fields[DOCKET_N_FIELDS];
  guint  n_extra;
  guint  extra_fields[DOCKET_N_FIELDS];
} RecordSql;

const RecordSql *_docket_store_record_sql         (void);
gboolean         _docket_store_is_prepared        (DocketStore   *self,
                                                   const char    *sql);
void             _docket_store_bind_record        (sqlite3_stmt  *stmt,
                                                   DocketRecord  *record,
                                                   gint64         position,
                                                   gint64         version);
void             _docket_store_bind_record_at     (sqlite3_stmt  *stmt,
                                                   int            offset,
                                                   DocketRecord  *record,
                                                   gint64         position,
                                                   gint64         version);
sqlite3_stmt    *_docket_store_prepare_for_record (DocketStore   *self,
                                                   const char    *sql,
                                                   gint64         rid,
                                                   GError       **error);
gboolean         _docket_store_next_position      (DocketStore   *self,
                                                   const char    *collection_id,
                                                   gint64        *out_position,
                                                   GError       **error);
gboolean         _docket_store_write_extra_fields (DocketStore   *self,
                                                   gint64         rid,
                                                   DocketRecord  *record,
                                                   GError       **error);
gboolean         _docket_store_write_lists        (DocketStore   *self,
                                                   gint64         rid,
                                                   DocketRecord  *record,
                                                   ListMask       mask,
                                                   GError       **error);
gboolean         _docket_store_write_new_lists    (DocketStore   *self,
                                                   const gint64  *rids,
                                                   DocketRecord **records,
                                                   guint          n_records,
                                                   ListMask       mask,
                                                   guint         *out_failed,
                                                   GError       **error);
gboolean         _docket_store_add_revision       (DocketStore   *self,
                                                   gint64         rid,
                                                   const char    *field,
                                                   const char    *old_value,
                                                   const char    *new_value,
                                                   const char    *who,
                                                   const char    *when,
                                                   GError       **error);

/* What one insert of records knows of the collections it adds to: each
 * is ensured and its last position read once, not once per record; and the
 * largest rid, which tells a run of new records their rids. Only valid
 * while the batch itself is the only writer of positions and rows. */
typedef struct
{
  GHashTable   *next_positions; /* collection id → gint64 */
  gboolean      have_unfiled;
  gint64        next_unfiled;
  gint64        last_rid;       /* the largest rid in the catalog */
  /* New records whose extra fields and lists are still to be written:
   * they are written together (see _docket_store_write_new_lists()). */
  guint         n_pending;
  gint64        pending_rids[2 * RECORD_RUN_ROWS];
  DocketRecord *pending[2 * RECORD_RUN_ROWS];
} RecordBatch;

void             _docket_store_batch_init          (RecordBatch   *batch,
                                                    gint64         last_rid);
void             _docket_store_batch_clear         (RecordBatch   *batch);
void             _docket_store_batch_forget        (RecordBatch   *batch);
gboolean         _docket_store_batch_knows         (RecordBatch   *batch,
                                                    const char    *collection_id);
gint64          *_docket_store_batch_next_position (DocketStore   *self,
                                                    RecordBatch   *batch,
                                                    const char    *collection_id,
                                                    GError       **error);
void             _docket_store_batch_add_new       (RecordBatch   *batch,
                                                    gint64         rid,
                                                    DocketRecord  *record);
gboolean         _docket_store_insert_run          (DocketStore   *self,
                                                    RecordBatch   *batch,
                                                    GPtrArray     *records,
                                                    guint          first,
                                                    gboolean      *out_inserted,
                                                    guint         *out_failed,
                                                    GError       **error);

/* docket-store-record-insert.c: stores @records, ids already in the
 * catalog handled by @mode and appended to @skipped; on failure some may
 * be stored, for the caller's transaction or savepoint to roll back. */
gboolean         _docket_store_insert_records_locked (DocketStore             *self,
                                                      const DocketCollection  *collection,
                                                      GPtrArray               *records,
                                                      DocketStoreInsertMode    mode,
                                                      GPtrArray               *skipped,
                                                      GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordBatch, _docket_store_batch_clear)

G_END_DECLS

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
                                                   gboolean       fresh,
                                                   GError       **error);
gboolean         _docket_store_write_access_points (DocketStore   *self,
                                                    const gint64  *rids,
                                                    DocketRecord **records,
                                                    guint          n_records,
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
  GHashTable *next_positions; /* collection id → gint64 */
  gboolean    have_unfiled;
  gint64      next_unfiled;
  gint64      last_rid;       /* the largest rid in the catalog */
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
gboolean         _docket_store_insert_run          (DocketStore   *self,
                                                    RecordBatch   *batch,
                                                    GPtrArray     *records,
                                                    guint          first,
                                                    gboolean      *out_inserted,
                                                    guint         *out_failed,
                                                    GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordBatch, _docket_store_batch_clear)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store-private.h"

G_BEGIN_DECLS

/* What the files that read and write records share: the record table's
 * SQL, built from the column of each field, and the writing of a record's
 * extra fields, lists and revisions. */

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

typedef struct
{
  char  *select_by_id;
  char  *select_by_rid;
  char  *insert;
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
gboolean         _docket_store_add_revision       (DocketStore   *self,
                                                   gint64         rid,
                                                   const char    *field,
                                                   const char    *old_value,
                                                   const char    *new_value,
                                                   const char    *who,
                                                   const char    *when,
                                                   GError       **error);

G_END_DECLS

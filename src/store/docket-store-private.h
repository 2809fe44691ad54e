/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <sqlite3.h>

#include "docket-store.h"

G_BEGIN_DECLS

/* 'DCKT': PRAGMA application_id of a Docket catalog. */
#define DOCKET_STORE_APPLICATION_ID 0x44434B54

/* How long a call waits for another program's write to finish before it
 * gives up with DOCKET_STORE_ERROR_LOCKED. */
#define DOCKET_STORE_BUSY_TIMEOUT_MS 2000

struct _DocketStore
{
  GObject       parent_instance;

  char         *path;
  char         *display_name;
  sqlite3      *db;

  /* One connection serves every thread; the lock makes each public call
   * (and so each transaction) atomic with respect to the others, and
   * protects the statement cache. */
  GRecMutex     lock;
  GHashTable   *statements;
  /* The same statements by the address of the SQL text they were last
   * asked for with, so that the write path's long, constant SQL is not
   * hashed on every row. Not owning; an entry is trusted only if the
   * statement's own SQL matches. */
  GHashTable   *statements_by_address;

  GMainContext *context;
  gint          notify_pending;

  /* Depth of docket_store_begin_batch() calls; while above 0 the
   * connection is inside the batch's transaction. */
  guint         batch_depth;
  /* The batch only adds rows, foreign keys unchecked (see
   * DOCKET_STORE_BATCH_ADDS_ONLY). */
  gboolean      batch_adds_only;

  /* A catalog in memory that is not a file yet
   * (docket_store_create_unnamed()). */
  gboolean      unnamed;

  /* Non-zero while docket_store_update_index_async() indexes in a thread
   * of its own; searches then use the index as it stands. */
  gint          indexing;
};

/* docket-store-transactions.c */
gboolean  _docket_store_may_remove_rows      (DocketStore  *self);

/* docket-store-new-file.c */

/* Bytes 18 and 19 of a database header say its journal: 1 for a rollback
 * journal, 2 for the write-ahead log (SQLite sets both alike). */
#define DOCKET_STORE_HEADER_MODE_OFFSET 18

typedef enum
{
  DOCKET_STORE_NEW_FILE_MADE,
  DOCKET_STORE_NEW_FILE_TAKEN,    /* another program made it meanwhile */
  DOCKET_STORE_NEW_FILE_NOT_MADE, /* the folder takes no such file, or writing failed */
} DocketStoreNewFile;

DocketStoreNewFile _docket_store_write_new_file (const char   *dir,
                                                 const char   *path,
                                                 const guint8 *image,
                                                 gsize         size);

/* docket-store-open.c */
void      _docket_store_configure_sqlite     (void);
gboolean  _docket_store_prepare_folder       (const char   *dir,
                                              const char   *display_name,
                                              GError      **error);
gboolean  _docket_store_has_orphan_log       (const char   *path);
gboolean  _docket_store_creation_failed      (const char   *display_name,
                                              int           saved_errno,
                                              GError      **error);

/* docket-store-schema.c */
guint         _docket_store_n_migrations      (void);
const char   *_docket_store_migration_sql     (guint          to_version);
gboolean      _docket_store_migrate           (DocketStore   *self,
                                               GError       **error);

/* docket-store.c */
void          _docket_store_close_db          (DocketStore   *self);
void          _docket_store_notify_changed    (DocketStore   *self);
void          _docket_store_notify_index_updated (DocketStore *self);

/* docket-store-errors.c */
gboolean      _docket_store_set_error         (DocketStore   *self,
                                               int            rc,
                                               GError       **error);
gboolean      _docket_store_set_error_for     (DocketStore   *self,
                                               sqlite3       *db,
                                               int            rc,
                                               GError       **error);

/* docket-store-statements.c */
sqlite3_stmt *_docket_store_prepare           (DocketStore   *self,
                                               const char    *sql,
                                               GError       **error);
void          _docket_store_release           (sqlite3_stmt  *stmt);
gboolean      _docket_store_exec              (DocketStore   *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      _docket_store_step_done         (DocketStore   *self,
                                               sqlite3_stmt  *stmt,
                                               GError       **error);
gboolean      _docket_store_step_reset        (DocketStore   *self,
                                               sqlite3_stmt  *stmt,
                                               GError       **error);
gboolean      _docket_store_rows_done         (DocketStore   *self,
                                               int            rc,
                                               GError       **error);
/* Makes one item of a list from the current row of @stmt. */
typedef gpointer (*DocketStoreRowFunc)        (sqlite3_stmt  *stmt,
                                               gpointer       user_data);
GPtrArray    *_docket_store_collect_rows      (DocketStore        *self,
                                               sqlite3_stmt       *stmt,
                                               DocketStoreRowFunc  row_func,
                                               gpointer            user_data,
                                               GDestroyNotify      free_func,
                                               GError            **error);
void          _docket_store_bind_text         (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text);
void          _docket_store_bind_static       (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text);
char         *_docket_store_dup_column        (sqlite3_stmt  *stmt,
                                               int            column);

/* docket-store-transactions.c */
gboolean      _docket_store_configure         (DocketStore   *self,
                                               gboolean       new_file,
                                               GError       **error);
gboolean      _docket_store_query_int64       (DocketStore   *self,
                                               const char    *sql,
                                               gint64        *out_value,
                                               GError       **error);
gboolean      _docket_store_begin             (DocketStore   *self,
                                               GError       **error);
gboolean      _docket_store_begin_read        (DocketStore   *self,
                                               GError       **error);
gboolean      _docket_store_commit            (DocketStore   *self,
                                               GError       **error);
void          _docket_store_rollback          (DocketStore   *self);

/* docket-store-collections.c */
gboolean      _docket_store_ensure_collection (DocketStore   *self,
                                               const char    *id,
                                               GError       **error);
gboolean      _docket_store_save_volume_list_locked (DocketStore          *self,
                                                     const char           *collection_id,
                                                     GPtrArray            *items,
                                                     gboolean              persons,
                                                     GError              **error);
gboolean      _docket_store_save_collection_locked (DocketStore            *self,
                                                    const DocketCollection *collection,
                                                    GError                **error);

/* docket-store-index.c */
gboolean      _docket_store_index_record      (DocketStore   *self,
                                               gint64         rid,
                                               DocketRecord  *record,
                                               GError       **error);
gboolean      _docket_store_last_rid          (DocketStore   *self,
                                               gint64        *out_rid,
                                               GError       **error);
gboolean      _docket_store_index_later       (DocketStore   *self,
                                               gint64         last_rid_before,
                                               GError       **error);
gboolean      _docket_store_update_index_locked (DocketStore *self,
                                                 guint       *out_indexed,
                                                 GError     **error);
void          _docket_store_prepare_search_locked (DocketStore *self);

/* docket-store-record-*.c, for the history in docket-store-revisions.c */
char         *_docket_store_now_iso8601       (void);
gboolean      _docket_store_not_found         (DocketStore   *self,
                                               const char    *id,
                                               GError       **error);
gboolean      _docket_store_lookup_rid        (DocketStore   *self,
                                               const char    *id,
                                               gint64        *out_rid,
                                               gboolean      *out_found,
                                               GError       **error);
DocketRecord *_docket_store_load_record_locked (DocketStore  *self,
                                                const char   *id,
                                                gint64        rid,
                                                gint64       *out_rid,
                                                GError      **error);
gboolean      _docket_store_update_record_locked (DocketStore   *self,
                                                  gint64         rid,
                                                  DocketRecord  *old,
                                                  DocketRecord  *record,
                                                  const char    *who,
                                                  const char    *when,
                                                  gboolean      *out_changed,
                                                  GError       **error);
gboolean      _docket_store_rename_locked     (DocketStore   *self,
                                               const char    *old_id,
                                               const char    *new_id,
                                               const char    *who,
                                               GError       **error);

/* docket-store-json.c */
char         *_docket_store_list_to_json      (DocketRecord  *record,
                                               const char    *list);
gboolean      _docket_store_list_from_json    (DocketRecord  *record,
                                               const char    *list,
                                               const char    *json,
                                               GError       **error);

/* A statement from the cache, reset and unbound when it goes out of scope. */
typedef sqlite3_stmt DocketCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCachedStmt, _docket_store_release)

G_END_DECLS

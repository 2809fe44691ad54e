/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-model.h"
#include "docket-citation.h"
#include "docket-record-summary.h"
#include "docket-revision.h"
#include "docket-store-query.h"

G_BEGIN_DECLS

#define DOCKET_STORE_ERROR (docket_store_error_quark ())

/**
 * DocketStoreError:
 * @DOCKET_STORE_ERROR_FAILED: anything else (disk full, I/O error, bad argument)
 * @DOCKET_STORE_ERROR_NOT_A_CATALOG: the file exists and is not SQLite, or
 *   is SQLite but not a Docket catalog; the file was left untouched
 * @DOCKET_STORE_ERROR_TOO_NEW: the catalog was written by a newer Docket
 * @DOCKET_STORE_ERROR_LOCKED: another program holds the catalog and did not
 *   let go within the busy timeout
 * @DOCKET_STORE_ERROR_READ_ONLY: the catalog file or its folder cannot be written
 * @DOCKET_STORE_ERROR_CONFLICT: the record was changed by someone else since
 *   it was loaded (its version is stale)
 * @DOCKET_STORE_ERROR_NOT_FOUND: no such record, collection or revision
 * @DOCKET_STORE_ERROR_EXISTS: a record with that identifier already exists
 *
 * Messages are one translated line that names the catalog file (or the
 * record) and says what to do.
 */
typedef enum
{
  DOCKET_STORE_ERROR_FAILED,
  DOCKET_STORE_ERROR_NOT_A_CATALOG,
  DOCKET_STORE_ERROR_TOO_NEW,
  DOCKET_STORE_ERROR_LOCKED,
  DOCKET_STORE_ERROR_READ_ONLY,
  DOCKET_STORE_ERROR_CONFLICT,
  DOCKET_STORE_ERROR_NOT_FOUND,
  DOCKET_STORE_ERROR_EXISTS,
} DocketStoreError;

/**
 * DocketStoreInsertMode:
 * @DOCKET_STORE_INSERT_FAIL_ON_EXISTING: a record whose id is already in the
 *   catalog (or twice in the batch) fails the whole insert with
 *   %DOCKET_STORE_ERROR_EXISTS
 * @DOCKET_STORE_INSERT_SKIP_EXISTING: such records are left out and reported
 * @DOCKET_STORE_INSERT_REPLACE: such records replace the stored ones, keeping
 *   the stored review fields and position, with a revision for each change
 */
typedef enum
{
  DOCKET_STORE_INSERT_FAIL_ON_EXISTING,
  DOCKET_STORE_INSERT_SKIP_EXISTING,
  DOCKET_STORE_INSERT_REPLACE,
} DocketStoreInsertMode;

/* Setting keys for the exporting agency (EAD maintenanceagency). */
#define DOCKET_SETTING_AGENCY_NAME    "agency.name"
#define DOCKET_SETTING_AGENCY_CODE    "agency.code"
#define DOCKET_SETTING_AGENCY_COUNTRY "agency.country"

#define DOCKET_TYPE_STORE (docket_store_get_type ())

/**
 * DocketStore:
 *
 * The SQLite catalog. All calls may come from any thread; they are
 * serialized. After every committed change the store emits
 * #DocketStore::records-changed in the main context that was the thread
 * default when the store was opened (so a list model can refresh).
 */
G_DECLARE_FINAL_TYPE (DocketStore, docket_store, DOCKET, STORE, GObject)

GQuark        docket_store_error_quark         (void);
guint         docket_store_get_schema_version  (void);
char         *docket_store_dup_default_path    (void);

DocketStore  *docket_store_open                (const char             *path,
                                                GError                **error);
void          docket_store_open_async          (const char             *path,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
DocketStore  *docket_store_open_finish         (GAsyncResult           *result,
                                                GError                **error);
const char   *docket_store_get_path            (DocketStore            *self);
gboolean      docket_store_get_data_version    (DocketStore            *self,
                                                gint64                 *out_version,
                                                GError                **error);

/**
 * DocketStoreBatchFlags:
 * @DOCKET_STORE_BATCH_DEFAULT: no flag
 * @DOCKET_STORE_BATCH_ADDS_ONLY: the batch only adds records and their
 *   rows (an import that skips the records it finds): the store writes a
 *   row's parents before it, so the foreign keys are not checked row by
 *   row (a seventh of the storing thread's instructions in such an
 *   import). A batch that replaces or deletes records must not say so:
 *   their rows' cascades would not run.
 */
typedef enum
{
  DOCKET_STORE_BATCH_DEFAULT   = 0,
  DOCKET_STORE_BATCH_ADDS_ONLY = 1 << 0,
} DocketStoreBatchFlags;

DocketStore  *docket_store_create_unnamed      (const char             *path,
                                                GError                **error);
gboolean      docket_store_publish             (DocketStore            *self,
                                                GError                **error);

gboolean      docket_store_begin_batch         (DocketStore            *self,
                                                GError                **error);
gboolean      docket_store_begin_batch_full    (DocketStore            *self,
                                                DocketStoreBatchFlags   flags,
                                                GError                **error);
gboolean      docket_store_commit_batch        (DocketStore            *self,
                                                GError                **error);
void          docket_store_abort_batch         (DocketStore            *self);

/* The search index */
gboolean      docket_store_update_index        (DocketStore            *self,
                                                guint                  *out_indexed,
                                                GError                **error);
guint         docket_store_count_unindexed     (DocketStore            *self,
                                                GError                **error);
gboolean      docket_store_is_indexing         (DocketStore            *self);
void          docket_store_update_index_async  (DocketStore            *self,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean      docket_store_update_index_finish (DocketStore            *self,
                                                GAsyncResult           *result,
                                                guint                  *out_indexed,
                                                GError                **error);

/* Collections */
gboolean      docket_store_save_collection     (DocketStore            *self,
                                                const DocketCollection *collection,
                                                GError                **error);
DocketCollection *docket_store_load_collection (DocketStore            *self,
                                                const char             *id,
                                                GError                **error);
GPtrArray    *docket_store_list_collections    (DocketStore            *self,
                                                GError                **error);
gboolean      docket_store_has_collection      (DocketStore            *self,
                                                const char             *id);

/* Records */
gboolean      docket_store_insert_records      (DocketStore            *self,
                                                const DocketCollection *collection,
                                                GPtrArray              *records,
                                                DocketStoreInsertMode   mode,
                                                GPtrArray             **out_skipped_ids,
                                                GError                **error);
gboolean      docket_store_import_volume       (DocketStore            *self,
                                                const DocketCollection *collection,
                                                GPtrArray              *records,
                                                GPtrArray              *persons,
                                                GPtrArray              *glossary,
                                                DocketStoreInsertMode   mode,
                                                GPtrArray             **out_skipped_ids,
                                                GError                **error);
gboolean      docket_store_save_record         (DocketStore            *self,
                                                DocketRecord           *record,
                                                const char             *who,
                                                GError                **error);
DocketRecord *docket_store_load_record         (DocketStore            *self,
                                                const char             *id,
                                                GError                **error);
GPtrArray    *docket_store_load_records        (DocketStore            *self,
                                                const char             *collection_id,
                                                GError                **error);
gboolean      docket_store_has_record          (DocketStore            *self,
                                                const char             *id);
gboolean      docket_store_delete_record       (DocketStore            *self,
                                                const char             *id,
                                                GError                **error);
gboolean      docket_store_rename_record       (DocketStore            *self,
                                                const char             *old_id,
                                                const char             *new_id,
                                                GError                **error);
char         *docket_store_make_unique_id      (DocketStore            *self,
                                                const char             *base);
guint         docket_store_count_records       (DocketStore            *self,
                                                const DocketStoreQuery *query,
                                                GError                **error);
GPtrArray    *docket_store_list_ids            (DocketStore            *self,
                                                const char             *collection_id,
                                                GError                **error);
GPtrArray    *docket_store_list_summaries      (DocketStore            *self,
                                                const DocketStoreQuery *query,
                                                guint                   offset,
                                                guint                   limit,
                                                GError                **error);
GPtrArray    *docket_store_search              (DocketStore            *self,
                                                const char             *query,
                                                GError                **error);
GPtrArray    *docket_store_list_citing         (DocketStore            *self,
                                                const char             *record_id,
                                                GError                **error);

/* Revisions */
GPtrArray    *docket_store_list_revisions      (DocketStore            *self,
                                                const char             *record_id,
                                                GError                **error);
gboolean      docket_store_revert_revision     (DocketStore            *self,
                                                gint64                  revision_id,
                                                const char             *who,
                                                GError                **error);

/* Settings */
char         *docket_store_get_setting         (DocketStore            *self,
                                                const char             *key);
gboolean      docket_store_set_setting         (DocketStore            *self,
                                                const char             *key,
                                                const char             *value,
                                                GError                **error);

/* A TEI volume's persons and glossary, in the shapes DocketImportResult
 * carries them: persons as DocketAgent (@ref the id, @name, @office the
 * description), terms as DocketAccessPoint (@authority_id the id, @term the
 * abbreviation, @role the expansion). Saving replaces the collection's list. */
gboolean      docket_store_save_persons        (DocketStore            *self,
                                                const char             *collection_id,
                                                GPtrArray              *persons,
                                                GError                **error);
gboolean      docket_store_save_glossary       (DocketStore            *self,
                                                const char             *collection_id,
                                                GPtrArray              *terms,
                                                GError                **error);
GPtrArray    *docket_store_list_persons        (DocketStore            *self,
                                                const char             *collection_id,
                                                GError                **error);
GPtrArray    *docket_store_list_glossary       (DocketStore            *self,
                                                const char             *collection_id,
                                                GError                **error);
DocketAgent  *docket_store_lookup_person       (DocketStore            *self,
                                                const char             *collection_id,
                                                const char             *ref);
DocketAccessPoint *docket_store_lookup_glossary_term (DocketStore      *self,
                                                      const char       *collection_id,
                                                      const char       *ref);

/* Async pairs for the window. Each runs its _sync core in a GTask thread;
 * calls on one store are serialized. */
void          docket_store_save_record_async   (DocketStore            *self,
                                                DocketRecord           *record,
                                                const char             *who,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean      docket_store_save_record_finish  (DocketStore            *self,
                                                GAsyncResult           *result,
                                                GError                **error);
void          docket_store_load_record_async   (DocketStore            *self,
                                                const char             *id,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
DocketRecord *docket_store_load_record_finish  (DocketStore            *self,
                                                GAsyncResult           *result,
                                                GError                **error);
void          docket_store_insert_records_async (DocketStore           *self,
                                                 const DocketCollection *collection,
                                                 GPtrArray             *records,
                                                 DocketStoreInsertMode  mode,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean      docket_store_insert_records_finish (DocketStore          *self,
                                                  GAsyncResult         *result,
                                                  GPtrArray           **out_skipped_ids,
                                                  GError              **error);
void          docket_store_load_volume_lists_async  (DocketStore         *self,
                                                     const char          *collection_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean      docket_store_load_volume_lists_finish (DocketStore         *self,
                                                     GAsyncResult        *result,
                                                     GPtrArray          **out_glossary,
                                                     GPtrArray          **out_persons,
                                                     GError             **error);

G_END_DECLS

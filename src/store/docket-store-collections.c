/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store.h"
#include "docket-store-private.h"

/* What a catalog holds besides records: collections, settings, and a TEI
 * volume's persons and glossary. */

/* Collections */

gboolean
_docket_store_ensure_collection (DocketStore  *self,
                                 const char   *id,
                                 GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;

  if (id == NULL)
    return TRUE;
  stmt = _docket_store_prepare (self, "INSERT OR IGNORE INTO collection (id) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, id);
  return _docket_store_step_done (self, stmt, error);
}

static gboolean
save_collection_locked (DocketStore             *self,
                        const DocketCollection  *c,
                        GError                 **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO collection (id, title, series, subseries, volume, editors,"
                                "                        date, scope, repository, url, extra_xml)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                                " ON CONFLICT (id) DO UPDATE SET"
                                "  title = ?2, series = ?3, subseries = ?4, volume = ?5, editors = ?6,"
                                "  date = ?7, scope = ?8, repository = ?9, url = ?10, extra_xml = ?11",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, c->id);
  _docket_store_bind_text (stmt, 2, c->title);
  _docket_store_bind_text (stmt, 3, c->series);
  _docket_store_bind_text (stmt, 4, c->subseries);
  _docket_store_bind_text (stmt, 5, c->volume);
  _docket_store_bind_text (stmt, 6, c->editors);
  _docket_store_bind_text (stmt, 7, c->date);
  _docket_store_bind_text (stmt, 8, c->scope);
  _docket_store_bind_text (stmt, 9, c->repository);
  _docket_store_bind_text (stmt, 10, c->url);
  _docket_store_bind_text (stmt, 11, c->extra_xml);
  return _docket_store_step_done (self, stmt, error);
}

gboolean
_docket_store_save_collection_locked (DocketStore             *self,
                                      const DocketCollection  *collection,
                                      GError                 **error)
{
  return save_collection_locked (self, collection, error);
}

/**
 * docket_store_save_collection:
 * @collection: the collection; its @id must be set
 *
 * Adds the collection, or updates the stored one with the same id.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_save_collection (DocketStore             *self,
                              const DocketCollection  *collection,
                              GError                 **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (collection != NULL, FALSE);
  g_return_val_if_fail (collection->id != NULL && collection->id[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!save_collection_locked (self, collection, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  _docket_store_notify_changed (self);
  return TRUE;
}

/* A DocketStoreRowFunc; @user_data is unused. */
static gpointer
collection_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  DocketCollection *c = g_new0 (DocketCollection, 1);

  c->id = _docket_store_dup_column (stmt, 0);
  c->title = _docket_store_dup_column (stmt, 1);
  c->series = _docket_store_dup_column (stmt, 2);
  c->subseries = _docket_store_dup_column (stmt, 3);
  c->volume = _docket_store_dup_column (stmt, 4);
  c->editors = _docket_store_dup_column (stmt, 5);
  c->date = _docket_store_dup_column (stmt, 6);
  c->scope = _docket_store_dup_column (stmt, 7);
  c->repository = _docket_store_dup_column (stmt, 8);
  c->url = _docket_store_dup_column (stmt, 9);
  c->extra_xml = _docket_store_dup_column (stmt, 10);
  return c;
}

#define COLLECTION_COLUMNS \
  "id, title, series, subseries, volume, editors, date, scope, repository, url, extra_xml"

/**
 * docket_store_load_collection:
 *
 * Returns: (transfer full): the collection, or %NULL with @error set
 *   (%DOCKET_STORE_ERROR_NOT_FOUND if there is none with that id)
 */
DocketCollection *
docket_store_load_collection (DocketStore  *self,
                              const char   *id,
                              GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self, "SELECT " COLLECTION_COLUMNS " FROM collection WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  _docket_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return collection_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                 _("There is no collection “%s” in catalog “%s”; check the identifier"),
                 id, self->display_name);
  else
    _docket_store_set_error (self, rc, error);
  return NULL;
}

/**
 * docket_store_list_collections:
 *
 * Returns: (transfer container) (element-type DocketCollection): the
 *   collections, by id, or %NULL with @error set
 */
GPtrArray *
docket_store_list_collections (DocketStore  *self,
                               GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self, "SELECT " COLLECTION_COLUMNS " FROM collection ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return _docket_store_collect_rows (self, stmt, collection_from_row, NULL,
                                     (GDestroyNotify) docket_collection_free, error);
}

/**
 * docket_store_has_collection:
 *
 * Returns: %TRUE if the catalog holds a collection with that id
 */
gboolean
docket_store_has_collection (DocketStore *self,
                             const char  *id)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self, "SELECT 1 FROM collection WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Settings */

/**
 * docket_store_get_setting:
 * @key: a setting key, such as %DOCKET_SETTING_AGENCY_NAME
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unset
 */
char *
docket_store_get_setting (DocketStore *self,
                          const char  *key)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  _docket_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _docket_store_dup_column (stmt, 0);
  return NULL;
}

/**
 * docket_store_set_setting:
 * @key: a setting key
 * @value: (nullable): the value; %NULL or "" removes the setting
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_set_setting (DocketStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (value == NULL || value[0] == '\0')
    stmt = _docket_store_prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = _docket_store_prepare (self,
                                  "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                  " ON CONFLICT (key) DO UPDATE SET value = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, key);
  if (value != NULL && value[0] != '\0')
    _docket_store_bind_text (stmt, 2, value);
  return _docket_store_step_done (self, stmt, error);
}

/* A volume's persons and glossary */

static gboolean
check_collection_exists (DocketStore  *self,
                         const char   *collection_id,
                         GError      **error)
{
  g_autoptr(DocketCachedStmt) stmt = NULL;
  int rc;

  stmt = _docket_store_prepare (self, "SELECT 1 FROM collection WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_store_bind_text (stmt, 1, collection_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                 _("There is no collection “%s” in catalog “%s”; save the collection first"),
                 collection_id, self->display_name);
  else
    _docket_store_set_error (self, rc, error);
  return FALSE;
}

/* Replaces a volume's persons (@persons) or glossary inside the caller's
 * transaction, with the lock held. */
gboolean
_docket_store_save_volume_list_locked (DocketStore  *self,
                                       const char   *collection_id,
                                       GPtrArray    *items,
                                       gboolean      persons,
                                       GError      **error)
{
  sqlite3_stmt *delete_stmt;
  sqlite3_stmt *insert_stmt;

  if (!check_collection_exists (self, collection_id, error))
    return FALSE;

  delete_stmt = _docket_store_prepare (self,
                                       persons ? "DELETE FROM agent WHERE collection_id = ?"
                                               : "DELETE FROM glossary_term WHERE collection_id = ?",
                                       error);
  if (delete_stmt == NULL)
    return FALSE;
  _docket_store_bind_text (delete_stmt, 1, collection_id);
  if (!_docket_store_step_done (self, delete_stmt, error))
    {
      _docket_store_release (delete_stmt);
      return FALSE;
    }
  _docket_store_release (delete_stmt);

  insert_stmt = _docket_store_prepare (self,
                                       persons
                                       ? "INSERT OR REPLACE INTO agent (collection_id, ref, name, description, seq)"
                                         " VALUES (?, ?, ?, ?, ?)"
                                       : "INSERT OR REPLACE INTO glossary_term (collection_id, ref, term, expansion, seq)"
                                         " VALUES (?, ?, ?, ?, ?)",
                                       error);
  if (insert_stmt == NULL)
    return FALSE;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *ref, *a, *b;
      gboolean ok;

      if (persons)
        {
          const DocketAgent *agent = g_ptr_array_index (items, i);

          ref = agent->ref;
          a = agent->name;
          b = agent->office;
        }
      else
        {
          const DocketAccessPoint *term = g_ptr_array_index (items, i);

          ref = term->authority_id;
          a = term->term;
          b = term->role;
        }
      if (ref == NULL)
        continue; /* Nothing can look it up. */

      _docket_store_bind_text (insert_stmt, 1, collection_id);
      _docket_store_bind_text (insert_stmt, 2, ref);
      _docket_store_bind_text (insert_stmt, 3, a);
      _docket_store_bind_text (insert_stmt, 4, b);
      sqlite3_bind_int64 (insert_stmt, 5, i);
      ok = _docket_store_step_done (self, insert_stmt, error);
      _docket_store_release (insert_stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_volume_list (DocketStore  *self,
                  const char   *collection_id,
                  GPtrArray    *items,
                  gboolean      persons,
                  GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if (!_docket_store_begin (self, error))
    return FALSE;
  if (!_docket_store_save_volume_list_locked (self, collection_id, items, persons, error) ||
      !_docket_store_commit (self, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * docket_store_save_persons:
 * @collection_id: a collection already in the catalog
 * @persons: (element-type DocketAgent): the persons; @ref is the key
 *
 * Replaces the collection's persons list in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_save_persons (DocketStore  *self,
                           const char   *collection_id,
                           GPtrArray    *persons,
                           GError      **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (collection_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_volume_list (self, collection_id, persons, TRUE, error);
}

/**
 * docket_store_save_glossary:
 * @collection_id: a collection already in the catalog
 * @terms: (element-type DocketAccessPoint): the terms; @authority_id is the key
 *
 * Replaces the collection's glossary in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_save_glossary (DocketStore  *self,
                            const char   *collection_id,
                            GPtrArray    *terms,
                            GError      **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (collection_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_volume_list (self, collection_id, terms, FALSE, error);
}

/* A DocketStoreRowFunc; @user_data is TRUE (as a pointer) for a person. */
static gpointer
volume_item_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  if (GPOINTER_TO_INT (user_data))
    {
      DocketAgent *agent = docket_agent_new (DOCKET_AGENT_MENTIONED,
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2));

      agent->ref = _docket_store_dup_column (stmt, 0);
      return agent;
    }
  else
    {
      DocketAccessPoint *point = docket_access_point_new (DOCKET_ACCESS_POINT_SUBJECT,
                                                          (const char *) sqlite3_column_text (stmt, 1),
                                                          NULL);

      point->authority_id = _docket_store_dup_column (stmt, 0);
      point->role = _docket_store_dup_column (stmt, 2);
      return point;
    }
}

static GPtrArray *
list_volume (DocketStore  *self,
             const char   *collection_id,
             const char   *ref,
             gboolean      persons,
             GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr(DocketCachedStmt) stmt = NULL;
  const char *sql;

  if (persons)
    sql = ref != NULL
          ? "SELECT ref, name, description FROM agent WHERE collection_id = ? AND ref = ?"
          : "SELECT ref, name, description FROM agent WHERE collection_id = ? ORDER BY seq";
  else
    sql = ref != NULL
          ? "SELECT ref, term, expansion FROM glossary_term WHERE collection_id = ? AND ref = ?"
          : "SELECT ref, term, expansion FROM glossary_term WHERE collection_id = ? ORDER BY seq";

  stmt = _docket_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  _docket_store_bind_text (stmt, 1, collection_id);
  if (ref != NULL)
    _docket_store_bind_text (stmt, 2, ref);

  return _docket_store_collect_rows (self, stmt, volume_item_from_row, GINT_TO_POINTER (persons),
                                     persons ? (GDestroyNotify) docket_agent_free
                                             : (GDestroyNotify) docket_access_point_free,
                                     error);
}

/* The person or glossary term @ref of a volume, or %NULL if unknown. */
static gpointer
lookup_volume_item (DocketStore *self,
                    const char  *collection_id,
                    const char  *ref,
                    gboolean     persons)
{
  g_autoptr(GPtrArray) found = list_volume (self, collection_id, ref, persons, NULL);

  if (found == NULL || found->len == 0)
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

/**
 * docket_store_list_persons:
 *
 * Returns: (transfer container) (element-type DocketAgent): the collection's
 *   persons in the order they were saved, or %NULL with @error set
 */
GPtrArray *
docket_store_list_persons (DocketStore  *self,
                           const char   *collection_id,
                           GError      **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (collection_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_volume (self, collection_id, NULL, TRUE, error);
}

/**
 * docket_store_list_glossary:
 *
 * Returns: (transfer container) (element-type DocketAccessPoint): the
 *   collection's glossary in the order it was saved, or %NULL with @error set
 */
GPtrArray *
docket_store_list_glossary (DocketStore  *self,
                            const char   *collection_id,
                            GError      **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (collection_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_volume (self, collection_id, NULL, FALSE, error);
}

/**
 * docket_store_lookup_person:
 * @ref: the person's id in the volume ("p_HWA2")
 *
 * Returns: (transfer full) (nullable): the person, or %NULL if unknown
 */
DocketAgent *
docket_store_lookup_person (DocketStore *self,
                            const char  *collection_id,
                            const char  *ref)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (collection_id != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  return lookup_volume_item (self, collection_id, ref, TRUE);
}

/**
 * docket_store_lookup_glossary_term:
 * @ref: the term's id in the volume ("t_NODIS1")
 *
 * Returns: (transfer full) (nullable): the term, or %NULL if unknown
 */
DocketAccessPoint *
docket_store_lookup_glossary_term (DocketStore *self,
                                   const char  *collection_id,
                                   const char  *ref)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (collection_id != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  return lookup_volume_item (self, collection_id, ref, FALSE);
}

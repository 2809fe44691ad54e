/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "docket-store.h"
#include "docket-store-private.h"

#define SUMMARY_COLUMNS \
  "r.id, r.number, r.heading, r.date_text, r.date_from, r.review_status," \
  " r.classification, r.collection_id, r.position, r.version," \
  " CASE WHEN r.heading IS NULL THEN r.title END"

/* Turns what a user typed into an FTS5 query that cannot be a syntax
 * error: each word becomes a quoted string (quotes doubled) with a prefix
 * star, so "AND", "(" or an unbalanced quote are just text. Words without a
 * letter or digit would tokenize to nothing and are dropped.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if no word is left */
static char *
make_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean useful = FALSE;

      if (!g_utf8_validate (word, -1, NULL))
        continue;
      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            useful = TRUE;
            break;
          }
      if (!useful)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* The identifiers as a JSON array, so that a set of any size is one bound
 * parameter (read back with json_each) and the statement text, which is
 * cached, does not depend on how many there are. */
static char *
make_ids_json (const char * const *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A DocketStoreRowFunc; @user_data is unused. */
static gpointer
summary_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  DocketRecordSummary *summary = docket_record_summary_new ();

  summary->id = _docket_store_dup_column (stmt, 0);
  summary->number = _docket_store_dup_column (stmt, 1);
  summary->heading = _docket_store_dup_column (stmt, 2);
  summary->date_text = _docket_store_dup_column (stmt, 3);
  summary->date_from = _docket_store_dup_column (stmt, 4);
  summary->review_status = _docket_store_dup_column (stmt, 5);
  summary->classification = _docket_store_dup_column (stmt, 6);
  summary->collection_id = _docket_store_dup_column (stmt, 7);
  summary->position = sqlite3_column_int64 (stmt, 8);
  summary->version = sqlite3_column_int64 (stmt, 9);
  summary->title = _docket_store_dup_column (stmt, 10);
  return summary;
}

typedef struct
{
  GString *where;
  GPtrArray *params; /* borrowed strings, bound in order */
  char *fts;
  char *ids_json;
} Filter;

static void
filter_clear (Filter *filter)
{
  g_string_free (filter->where, TRUE);
  g_ptr_array_unref (filter->params);
  g_free (filter->fts);
  g_free (filter->ids_json);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

static void
filter_add (Filter     *filter,
            const char *condition,
            const char *param)
{
  g_string_append (filter->where, filter->where->len == 0 ? " WHERE " : " AND ");
  g_string_append (filter->where, condition);
  g_ptr_array_add (filter->params, (gpointer) param);
}

/* Builds the WHERE clause for @query. Records without a review status are
 * drafts. */
static void
filter_init (Filter                 *filter,
             const DocketStoreQuery *query)
{
  filter->where = g_string_new (NULL);
  filter->params = g_ptr_array_new ();
  filter->fts = NULL;
  filter->ids_json = NULL;

  if (query == NULL)
    return;

  if (query->text != NULL)
    {
      filter->fts = make_fts_query (query->text);
      if (filter->fts != NULL)
        filter_add (filter, "r.rid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)",
                    filter->fts);
    }
  if (query->collection_id != NULL)
    filter_add (filter, "r.collection_id = ?", query->collection_id);
  if (query->review_status != NULL)
    filter_add (filter, "coalesce (r.review_status, 'draft') = ?", query->review_status);
  if (query->classification != NULL)
    filter_add (filter, "r.classification = ? COLLATE NOCASE", query->classification);
  if (query->ids != NULL)
    {
      filter->ids_json = make_ids_json (query->ids);
      filter_add (filter, "r.id IN (SELECT value FROM json_each (?))", filter->ids_json);
    }
}

static void
filter_bind (Filter       *filter,
             sqlite3_stmt *stmt)
{
  for (guint i = 0; i < filter->params->len; i++)
    _docket_store_bind_text (stmt, i + 1, g_ptr_array_index (filter->params, i));
}

static const char *
order_by (DocketStoreSort sort)
{
  switch (sort)
    {
    case DOCKET_STORE_SORT_NUMBER:
      return " ORDER BY r.number_key, r.number, r.id";
    case DOCKET_STORE_SORT_DATE:
      return " ORDER BY r.date_key, r.id";
    case DOCKET_STORE_SORT_CATALOG:
    default:
      return " ORDER BY r.collection_id, r.position, r.id";
    }
}

static GPtrArray *
collect_summaries (DocketStore   *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  return _docket_store_collect_rows (self, stmt, summary_from_row, NULL,
                                     (GDestroyNotify) docket_record_summary_free, error);
}

/* A DocketStoreRowFunc for a statement whose first column is a string. */
static gpointer
string_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  return _docket_store_dup_column (stmt, 0);
}

/* A DocketStoreRowFunc; @user_data is unused. */
static gpointer
citation_from_row (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  return docket_citation_new ((const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
}

/**
 * docket_store_list_summaries:
 * @query: (nullable): the filter and order; %NULL for all, in catalog order
 * @offset: how many matching records to pass over
 * @limit: how many to return at most; 0 for all
 *
 * One page of a record list, read from indexes without loading records.
 *
 * Returns: (transfer container) (element-type DocketRecordSummary): the
 *   summaries, or %NULL with @error set
 */
GPtrArray *
docket_store_list_summaries (DocketStore            *self,
                             const DocketStoreQuery *query,
                             guint                   offset,
                             guint                   limit,
                             GError                **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  g_auto(Filter) filter = { 0, };
  g_autofree char *sql = NULL;
  guint n;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  filter_init (&filter, query);
  sql = g_strconcat ("SELECT " SUMMARY_COLUMNS " FROM record AS r", filter.where->str,
                     order_by (query != NULL ? query->sort : DOCKET_STORE_SORT_CATALOG),
                     " LIMIT ? OFFSET ?", NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (filter.fts != NULL)
    _docket_store_prepare_search_locked (self);
  stmt = _docket_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  filter_bind (&filter, stmt);
  n = filter.params->len;
  sqlite3_bind_int64 (stmt, n + 1, limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, n + 2, offset);
  return collect_summaries (self, stmt, error);
}

/**
 * docket_store_count_records:
 * @query: (nullable): the filter; %NULL counts every record
 *
 * Returns: the number of matching records; 0 with @error set on failure
 */
guint
docket_store_count_records (DocketStore            *self,
                            const DocketStoreQuery *query,
                            GError                **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  g_auto(Filter) filter = { 0, };
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  filter_init (&filter, query);
  sql = g_strconcat ("SELECT count(*) FROM record AS r", filter.where->str, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (filter.fts != NULL)
    _docket_store_prepare_search_locked (self);
  stmt = _docket_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  filter_bind (&filter, stmt);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _docket_store_set_error (self, rc, error);
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * docket_store_list_ids:
 * @collection_id: (nullable): only this collection's records
 *
 * Returns: (transfer container) (element-type utf8): the record ids in
 *   catalog order (collection, position), or %NULL with @error set
 */
GPtrArray *
docket_store_list_ids (DocketStore  *self,
                       const char   *collection_id,
                       GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  if (collection_id != NULL)
    stmt = _docket_store_prepare (self,
                                  "SELECT id FROM record WHERE collection_id = ?"
                                  " ORDER BY collection_id, position, id",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "SELECT id FROM record ORDER BY collection_id, position, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  if (collection_id != NULL)
    _docket_store_bind_text (stmt, 1, collection_id);

  return _docket_store_collect_rows (self, stmt, string_from_row, NULL, g_free, error);
}

/**
 * docket_store_search:
 * @query: words as a user typed them; each must match the start of a word
 *   in the heading, subject, title, body, footnotes or access points
 *
 * Any text is accepted: it is never taken as FTS5 syntax.
 *
 * Returns: (transfer container) (element-type DocketRecordSummary): the
 *   matching records, best match first (a match in the heading, subject or
 *   title weighs more), or %NULL with @error set
 */
GPtrArray *
docket_store_search (DocketStore  *self,
                     const char   *query,
                     GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;
  g_autofree char *fts = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fts = make_fts_query (query);
  if (fts == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) docket_record_summary_free);

  locker = g_rec_mutex_locker_new (&self->lock);
  _docket_store_prepare_search_locked (self);
  stmt = _docket_store_prepare (self,
                                "SELECT " SUMMARY_COLUMNS " FROM record_fts AS f"
                                " JOIN record AS r ON r.rid = f.rowid"
                                " WHERE record_fts MATCH ?"
                                " ORDER BY bm25 (record_fts, 10.0, 8.0, 8.0, 1.0, 1.0, 4.0),"
                                "          r.collection_id, r.position, r.id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_store_bind_text (stmt, 1, fts);
  return collect_summaries (self, stmt, error);
}

/**
 * docket_store_list_citing:
 * @record_id: the cited record
 *
 * The footnotes of other records that link to @record_id ("cited by").
 *
 * Returns: (transfer container) (element-type DocketCitation): the citing
 *   footnotes in catalog order, or %NULL with @error set
 */
GPtrArray *
docket_store_list_citing (DocketStore  *self,
                          const char   *record_id,
                          GError      **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DocketCachedStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _docket_store_prepare (self,
                                "SELECT DISTINCT r.id, f.id, f.n, r.collection_id, r.position, f.seq"
                                " FROM footnote_link AS l"
                                " JOIN footnote AS f ON f.record_rid = l.record_rid AND f.seq = l.footnote_seq"
                                " JOIN record AS r ON r.rid = l.record_rid"
                                " WHERE l.kind = 'record' AND l.target = ?1 AND r.id <> ?1"
                                " ORDER BY r.collection_id, r.position, r.id, f.seq",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_store_bind_text (stmt, 1, record_id);

  return _docket_store_collect_rows (self, stmt, citation_from_row, NULL,
                                     (GDestroyNotify) docket_citation_free, error);
}

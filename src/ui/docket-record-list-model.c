/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-list-model"

#include "config.h"

#include "docket-record-list-model.h"

#include <string.h>

/* A GListModel of the catalog's records, as DocketRecordItem rows, filtered
 * and sorted by the store. Only the number of rows is read up front; rows
 * are read a page at a time when the list view asks for them, and only the
 * most recently used pages are kept, so a catalog of any size opens at once
 * and uses little memory. */

#define PAGE_SIZE 128
#define MAX_PAGES 24

struct _DocketRecordListModel
{
  GObject          parent_instance;

  DocketStore     *store;
  char            *text;
  DocketStoreSort  sort;
  char            *review_status;
  char            *classification;
  GStrv            ids;

  guint            n_items;
  GHashTable      *pages;      /* page index → GPtrArray of DocketRecordItem */
  GQueue           lru;        /* page indices, most recent first */
  guint            n_pages_read;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketRecordListModel, docket_record_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_query (DocketRecordListModel *self,
            DocketStoreQuery      *query)
{
  memset (query, 0, sizeof *query);
  query->text = self->text;
  query->sort = self->sort;
  query->review_status = self->review_status;
  query->classification = self->classification;
  query->ids = (const char * const *) self->ids;
}

static void
drop_pages (DocketRecordListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/* Reads the rows of @page from the catalog, for a list of @n_items rows. */
static GPtrArray *
read_page (DocketRecordListModel *self,
           guint                  page,
           guint                  n_items)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  DocketStoreQuery query;
  GPtrArray *items;
  guint offset = page * PAGE_SIZE;
  guint wanted = MIN (PAGE_SIZE, n_items - offset);

  self->n_pages_read++;
  fill_query (self, &query);
  summaries = docket_store_list_summaries (self->store, &query, offset, wanted, &error);
  if (summaries == NULL)
    g_message ("Could not read records %u–%u: %s", offset, offset + wanted, error->message);

  items = g_ptr_array_new_full (wanted, g_object_unref);
  for (guint i = 0; summaries != NULL && i < summaries->len && i < wanted; i++)
    g_ptr_array_add (items, docket_record_item_new (docket_record_summary_copy (g_ptr_array_index (summaries, i))));

  /* The catalog may have shrunk since it was counted; the rows that are gone
   * show empty until the next reload. */
  while (items->len < wanted)
    g_ptr_array_add (items, docket_record_item_new (docket_record_summary_new ()));
  return items;
}

static GPtrArray *
load_page (DocketRecordListModel *self,
           guint                  page)
{
  GPtrArray *items = read_page (self, page, self->n_items);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    {
      gpointer old = g_queue_pop_tail (&self->lru);
      g_hash_table_remove (self->pages, old);
    }

  return items;
}

static GType
docket_record_list_model_get_item_type (GListModel *model)
{
  return DOCKET_TYPE_RECORD_ITEM;
}

static guint
docket_record_list_model_get_n_items (GListModel *model)
{
  return DOCKET_RECORD_LIST_MODEL (model)->n_items;
}

static gpointer
docket_record_list_model_get_item (GListModel *model,
                                   guint       position)
{
  DocketRecordListModel *self = DOCKET_RECORD_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = docket_record_list_model_get_item_type;
  iface->get_n_items = docket_record_list_model_get_n_items;
  iface->get_item = docket_record_list_model_get_item;
}

static void
docket_record_list_model_finalize (GObject *object)
{
  DocketRecordListModel *self = DOCKET_RECORD_LIST_MODEL (object);

  drop_pages (self);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->review_status, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (docket_record_list_model_parent_class)->finalize (object);
}

static void
docket_record_list_model_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DocketRecordListModel *self = DOCKET_RECORD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_record_list_model_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DocketRecordListModel *self = DOCKET_RECORD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_record_list_model_class_init (DocketRecordListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_record_list_model_finalize;
  object_class->get_property = docket_record_list_model_get_property;
  object_class->set_property = docket_record_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOCKET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
docket_record_list_model_init (DocketRecordListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * docket_record_list_model_new:
 * @store: the catalog
 *
 * The model starts empty; call docket_record_list_model_reload() to count
 * the records.
 */
DocketRecordListModel *
docket_record_list_model_new (DocketStore *store)
{
  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);

  return g_object_new (DOCKET_TYPE_RECORD_LIST_MODEL, "store", store, NULL);
}

DocketStore *
docket_record_list_model_get_store (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), NULL);
  return self->store;
}

/**
 * docket_record_list_model_reload:
 *
 * Counts the records matching the current filter again and forgets every
 * row read so far. On error the model is left empty.
 */
gboolean
docket_record_list_model_reload (DocketRecordListModel *self,
                                 GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  DocketStoreQuery query;
  guint old_n_items;
  guint n_items;

  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);

  fill_query (self, &query);
  n_items = docket_store_count_records (self->store, &query, &local_error);

  old_n_items = self->n_items;
  drop_pages (self);
  n_items = local_error != NULL ? 0 : n_items;

  /* Every row goes, then the new ones come, in two announcements: a
   * GtkMultiSelection told of rows replaced in one looks for its selected
   * item among all the new ones, reading every page of a list of 100,000
   * (and never finding it: the items are new objects). Told of rows
   * removed, it just forgets them. */
  self->n_items = 0;
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
  self->n_items = n_items;
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Tells the list's watchers about the rows in [@start, @end) that differ
 * between @old_items and @new_items, each run of changed rows at once. */
static void
announce_changed_rows (DocketRecordListModel *self,
                       guint                  first,
                       GPtrArray             *old_items,
                       GPtrArray             *new_items,
                       guint                  end)
{
  guint run_start = G_MAXUINT;

  for (guint i = 0; i <= end; i++)
    {
      gboolean same = i == end ||
                      docket_record_item_shows_same (g_ptr_array_index (old_items, i),
                                                     g_ptr_array_index (new_items, i));

      if (!same && run_start == G_MAXUINT)
        run_start = i;
      else if (same && run_start != G_MAXUINT)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), first + run_start,
                                      i - run_start, i - run_start);
          run_start = G_MAXUINT;
        }
    }
}

/**
 * docket_record_list_model_refresh:
 *
 * Reads the catalog again after it was changed elsewhere (docket-cli,
 * another window), as docket_record_list_model_reload() does, but replaces
 * only the rows that show something else now and adds or removes rows at
 * the end, so that a list view keeps its place and the rows that did not
 * change keep their selection. On error the model is left as it was.
 */
gboolean
docket_record_list_model_refresh (DocketRecordListModel *self,
                                  GError               **error)
{
  g_autoptr(GHashTable) old_pages = NULL;
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  DocketStoreQuery query;
  guint old_n_items, n_items, common;
  GError *local_error = NULL;
  GList *l;

  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);

  fill_query (self, &query);
  n_items = docket_store_count_records (self->store, &query, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* Read the pages the list had read, in their new state; those past the
   * new end are forgotten. Each page is kept with its old rows, to compare
   * once every page has been read: announcing a change may make the list
   * view read (and evict) pages. */
  old_n_items = self->n_items;
  old_pages = g_steal_pointer (&self->pages);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  reread = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (l = self->lru.head; l != NULL;)
    {
      GList *next = l->next;
      guint page = GPOINTER_TO_UINT (l->data);
      GPtrArray *old_items = g_hash_table_lookup (old_pages, l->data);

      if (page * PAGE_SIZE < n_items && old_items != NULL)
        {
          GPtrArray *new_items = read_page (self, page, n_items);

          g_hash_table_insert (self->pages, l->data, new_items);
          g_ptr_array_add (reread, g_ptr_array_ref (old_items));
          g_ptr_array_add (reread, g_ptr_array_ref (new_items));
          pages = g_array_append_val (pages, page);
        }
      else
        g_queue_delete_link (&self->lru, l);
      l = next;
    }
  self->n_items = n_items;

  /* First the rows added or removed at the end, then the rows before it
   * that changed. */
  common = MIN (old_n_items, n_items);
  if (old_n_items != n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common, n_items - common);

  for (guint i = 0; i < pages->len; i++)
    {
      guint first = g_array_index (pages, guint, i) * PAGE_SIZE;
      GPtrArray *old_items = g_ptr_array_index (reread, 2 * i);
      GPtrArray *new_items = g_ptr_array_index (reread, 2 * i + 1);

      if (first >= common)
        continue;
      announce_changed_rows (self, first, old_items, new_items,
                             MIN (MIN (old_items->len, new_items->len), common - first));
    }

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

/**
 * docket_record_list_model_find_loaded:
 * @id: a record identifier
 * @out_position: (out): the position of its row
 *
 * Finds @id among the rows read so far (those a list view showed lately),
 * without reading the catalog.
 *
 * Returns: %TRUE if a row was found
 */
gboolean
docket_record_list_model_find_loaded (DocketRecordListModel *self,
                                      const char            *id,
                                      guint                 *out_position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (g_strcmp0 (docket_record_item_get_id (g_ptr_array_index (items, i)), id) == 0)
          {
            *out_position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
            return TRUE;
          }
    }
  return FALSE;
}

const char *
docket_record_list_model_get_text (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), NULL);
  return self->text;
}

/**
 * docket_record_list_model_set_text:
 * @text: (nullable): words to look for, as typed
 *
 * Filters the list to the records matching every word (full-text search).
 */
gboolean
docket_record_list_model_set_text (DocketRecordListModel *self,
                                   const char            *text,
                                   GError               **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->text) == 0)
    return TRUE;

  g_free (self->text);
  self->text = g_steal_pointer (&stripped);
  return docket_record_list_model_reload (self, error);
}

DocketStoreSort
docket_record_list_model_get_sort (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), DOCKET_STORE_SORT_CATALOG);
  return self->sort;
}

gboolean
docket_record_list_model_set_sort (DocketRecordListModel *self,
                                   DocketStoreSort        sort,
                                   GError               **error)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);

  if (self->sort == sort)
    return TRUE;
  self->sort = sort;
  return docket_record_list_model_reload (self, error);
}

/**
 * docket_record_list_model_set_filter:
 * @review_status: (nullable): only records with this review status ("draft",
 *   "in-review", …), or %NULL for any
 * @classification: (nullable): only records with this classification, or
 *   %NULL for any
 * @ids: (nullable) (array zero-terminated=1): only these records (those with
 *   problems, say), or %NULL for any
 *
 * Narrows the list further than the search text does; the filters and the
 * text combine.
 */
gboolean
docket_record_list_model_set_filter (DocketRecordListModel *self,
                                     const char            *review_status,
                                     const char            *classification,
                                     const char * const    *ids,
                                     GError               **error)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);

  if (g_strcmp0 (self->review_status, review_status) == 0 &&
      g_strcmp0 (self->classification, classification) == 0 &&
      ((self->ids == NULL && ids == NULL) ||
       (self->ids != NULL && ids != NULL &&
        g_strv_equal ((const char * const *) self->ids, ids))))
    return TRUE;

  g_free (self->review_status);
  self->review_status = g_strdup (review_status);
  g_free (self->classification);
  self->classification = g_strdup (classification);
  g_strfreev (self->ids);
  self->ids = g_strdupv ((char **) ids);
  return docket_record_list_model_reload (self, error);
}

/**
 * docket_record_list_model_update_record:
 * @record: a record just saved
 * @out_position: (out) (optional): the position of its row
 *
 * Shows @record's number, heading, date, review status and classification
 * in its row, when that row has been read, without reading the list again
 * (which would lose the selection). The row stays where it is even if the
 * record no longer matches the filters, until the next reload.
 *
 * Returns: %TRUE if a row was changed
 */
gboolean
docket_record_list_model_update_record (DocketRecordListModel *self,
                                        DocketRecord          *record,
                                        guint                 *out_position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        {
          DocketRecordItem *item = g_ptr_array_index (items, i);
          DocketRecordSummary *summary;
          guint position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;

          if (g_strcmp0 (docket_record_item_get_id (item), docket_record_get_id (record)) != 0)
            continue;

          summary = docket_record_summary_new ();
          summary->id = g_strdup (docket_record_get_id (record));
          summary->number = g_strdup (docket_record_get (record, DOCKET_FIELD_NUMBER));
          summary->heading = g_strdup (docket_record_get (record, DOCKET_FIELD_HEADING));
          if (summary->heading == NULL)
            summary->title = g_strdup (docket_record_get (record, DOCKET_FIELD_TITLE));
          summary->date_text = g_strdup (docket_record_get (record, DOCKET_FIELD_DATE_TEXT));
          summary->date_from = g_strdup (docket_record_get (record, DOCKET_FIELD_DATE_FROM));
          summary->review_status = g_strdup (docket_record_get (record, DOCKET_FIELD_REVIEW_STATUS));
          summary->classification = g_strdup (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION));
          summary->collection_id = g_strdup (docket_record_get (record, DOCKET_FIELD_COLLECTION));
          summary->version = docket_record_get_version (record);
          g_ptr_array_index (items, i) = docket_record_item_new (summary);
          g_object_unref (item);

          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
          if (out_position != NULL)
            *out_position = position;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether anything (search text or a filter) narrows the list. */
gboolean
docket_record_list_model_is_filtered (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), FALSE);
  return self->text != NULL || self->review_status != NULL ||
         self->classification != NULL || self->ids != NULL;
}

/* For tests and the benchmark: how many pages of rows are held. */
guint
docket_record_list_model_get_n_pages_loaded (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}

/* For tests: how many pages of rows were read from the catalog so far. */
guint
docket_record_list_model_get_n_pages_read (DocketRecordListModel *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_LIST_MODEL (self), 0);
  return self->n_pages_read;
}

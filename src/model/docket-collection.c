/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-collection"

#include "config.h"

#include "docket-collection.h"

G_DEFINE_BOXED_TYPE (DocketCollection, docket_collection,
                     docket_collection_copy, docket_collection_free)

DocketCollection *
docket_collection_new (const char *id,
                       const char *title)
{
  DocketCollection *collection = g_new0 (DocketCollection, 1);

  collection->id = g_strdup (id);
  collection->title = g_strdup (title);
  return collection;
}

DocketCollection *
docket_collection_copy (const DocketCollection *collection)
{
  DocketCollection *copy;

  g_return_val_if_fail (collection != NULL, NULL);

  copy = docket_collection_new (collection->id, collection->title);
  copy->series = g_strdup (collection->series);
  copy->subseries = g_strdup (collection->subseries);
  copy->volume = g_strdup (collection->volume);
  copy->editors = g_strdup (collection->editors);
  copy->date = g_strdup (collection->date);
  copy->scope = g_strdup (collection->scope);
  copy->repository = g_strdup (collection->repository);
  copy->url = g_strdup (collection->url);
  copy->extra_xml = g_strdup (collection->extra_xml);
  return copy;
}

void
docket_collection_free (DocketCollection *collection)
{
  if (collection == NULL)
    return;
  g_free (collection->id);
  g_free (collection->title);
  g_free (collection->series);
  g_free (collection->subseries);
  g_free (collection->volume);
  g_free (collection->editors);
  g_free (collection->date);
  g_free (collection->scope);
  g_free (collection->repository);
  g_free (collection->url);
  g_free (collection->extra_xml);
  g_free (collection);
}

gboolean
docket_collection_equal (const DocketCollection *a,
                         const DocketCollection *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->series, b->series) == 0 &&
         g_strcmp0 (a->subseries, b->subseries) == 0 &&
         g_strcmp0 (a->volume, b->volume) == 0 &&
         g_strcmp0 (a->editors, b->editors) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->scope, b->scope) == 0 &&
         g_strcmp0 (a->repository, b->repository) == 0 &&
         g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->extra_xml, b->extra_xml) == 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-footnote-link"

#include "config.h"

#include "docket-footnote-link.h"

G_DEFINE_BOXED_TYPE (DocketFootnoteLink, docket_footnote_link,
                     docket_footnote_link_copy, docket_footnote_link_free)

static const char *kind_names[] = { "record", "archival", "published", "url" };

DocketFootnoteLink *
docket_footnote_link_new (DocketLinkKind  kind,
                          const char     *target)
{
  DocketFootnoteLink *link = g_new0 (DocketFootnoteLink, 1);

  link->kind = kind;
  link->target = g_strdup (target);
  link->span_start = -1;
  link->span_end = -1;
  return link;
}

DocketFootnoteLink *
docket_footnote_link_new_archival (const char *repository,
                                   const char *collection,
                                   const char *file,
                                   const char *description)
{
  DocketFootnoteLink *link = docket_footnote_link_new (DOCKET_LINK_ARCHIVAL, NULL);

  link->repository = g_strdup (repository);
  link->collection = g_strdup (collection);
  link->file = g_strdup (file);
  link->description = g_strdup (description);
  return link;
}

DocketFootnoteLink *
docket_footnote_link_copy (const DocketFootnoteLink *link)
{
  DocketFootnoteLink *copy;

  g_return_val_if_fail (link != NULL, NULL);

  copy = docket_footnote_link_new (link->kind, link->target);
  copy->repository = g_strdup (link->repository);
  copy->collection = g_strdup (link->collection);
  copy->file = g_strdup (link->file);
  copy->description = g_strdup (link->description);
  copy->title = g_strdup (link->title);
  copy->span_start = link->span_start;
  copy->span_end = link->span_end;
  return copy;
}

void
docket_footnote_link_free (DocketFootnoteLink *link)
{
  if (link == NULL)
    return;
  g_free (link->target);
  g_free (link->repository);
  g_free (link->collection);
  g_free (link->file);
  g_free (link->description);
  g_free (link->title);
  g_free (link);
}

gboolean
docket_footnote_link_equal (const DocketFootnoteLink *a,
                            const DocketFootnoteLink *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->kind == b->kind &&
         g_strcmp0 (a->target, b->target) == 0 &&
         g_strcmp0 (a->repository, b->repository) == 0 &&
         g_strcmp0 (a->collection, b->collection) == 0 &&
         g_strcmp0 (a->file, b->file) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         a->span_start == b->span_start &&
         a->span_end == b->span_end;
}

const char *
docket_link_kind_to_string (DocketLinkKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
docket_link_kind_from_string (const char     *str,
                              DocketLinkKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

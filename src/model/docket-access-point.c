/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-access-point"

#include "config.h"

#include "docket-access-point.h"

G_DEFINE_BOXED_TYPE (DocketAccessPoint, docket_access_point,
                     docket_access_point_copy, docket_access_point_free)

/* The names match the EAD element each kind becomes. */
static const char *kind_names[] = {
  "subject", "persname", "corpname", "famname", "geogname",
  "genreform", "function", "occupation", "title",
};

DocketAccessPoint *
docket_access_point_new (DocketAccessPointKind  kind,
                         const char            *term,
                         const char            *source)
{
  DocketAccessPoint *point = g_new0 (DocketAccessPoint, 1);

  point->kind = kind;
  point->term = g_strdup (term);
  point->source = g_strdup (source);
  return point;
}

DocketAccessPoint *
docket_access_point_copy (const DocketAccessPoint *point)
{
  DocketAccessPoint *copy;

  g_return_val_if_fail (point != NULL, NULL);

  copy = docket_access_point_new (point->kind, point->term, point->source);
  copy->authority_id = g_strdup (point->authority_id);
  copy->role = g_strdup (point->role);
  return copy;
}

void
docket_access_point_free (DocketAccessPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->term);
  g_free (point->source);
  g_free (point->authority_id);
  g_free (point->role);
  g_free (point);
}

gboolean
docket_access_point_equal (const DocketAccessPoint *a,
                           const DocketAccessPoint *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->kind == b->kind &&
         g_strcmp0 (a->term, b->term) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->authority_id, b->authority_id) == 0 &&
         g_strcmp0 (a->role, b->role) == 0;
}

const char *
docket_access_point_kind_to_string (DocketAccessPointKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
docket_access_point_kind_from_string (const char            *str,
                                      DocketAccessPointKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

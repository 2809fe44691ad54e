/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-edit-session-lists"

#include "config.h"

#include "docket-edit-session-private.h"

/* The lists of a record (agents, access points, the body, the footnotes)
 * by the name the record's "changed" signal gives them, and how to copy,
 * compare and replace each, for undo and for a conflict. */

static const ListInfo lists[] = {
  { "agents", docket_record_get_agents, (GBoxedCopyFunc) docket_agent_copy },
  { "access_points", docket_record_get_access_points, (GBoxedCopyFunc) docket_access_point_copy },
  { "body", docket_record_get_body, (GBoxedCopyFunc) docket_block_copy },
  { "footnotes", docket_record_get_footnotes, (GBoxedCopyFunc) docket_footnote_copy },
};

const ListInfo *
_docket_edit_session_find_list (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].name, name) == 0)
      return &lists[i];
  return NULL;
}

static GPtrArray *
copy_list (const ListInfo *info,
           DocketRecord   *record)
{
  GPtrArray *from = info->get (record);
  GPtrArray *to = g_ptr_array_new_full (from->len, NULL);

  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, info->copy (g_ptr_array_index (from, i)));
  return to;
}

static GDestroyNotify
list_free_func (const ListInfo *info)
{
  if (info->get == docket_record_get_agents)
    return (GDestroyNotify) docket_agent_free;
  if (info->get == docket_record_get_access_points)
    return (GDestroyNotify) docket_access_point_free;
  if (info->get == docket_record_get_body)
    return (GDestroyNotify) docket_block_free;
  return (GDestroyNotify) docket_footnote_free;
}

GPtrArray *
_docket_edit_session_snapshot_list (const ListInfo *info,
                                    DocketRecord   *record)
{
  GPtrArray *copy = copy_list (info, record);

  g_ptr_array_set_free_func (copy, list_free_func (info));
  return copy;
}

/* Replaces the list's contents in place with copies of @items, then tells
 * everyone through the record's "changed" signal. */
void
_docket_edit_session_replace_list (const ListInfo *info,
                                   DocketRecord   *record,
                                   GPtrArray      *items)
{
  GPtrArray *list = info->get (record);

  g_ptr_array_set_size (list, 0);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (list, info->copy (g_ptr_array_index (items, i)));
  docket_record_changed (record, info->name);
}

gboolean
_docket_edit_session_lists_equal (const ListInfo *info,
                                  GPtrArray      *a,
                                  GPtrArray      *b)
{
  GEqualFunc equal;

  if (info->get == docket_record_get_agents)
    equal = (GEqualFunc) docket_agent_equal;
  else if (info->get == docket_record_get_access_points)
    equal = (GEqualFunc) docket_access_point_equal;
  else if (info->get == docket_record_get_body)
    equal = (GEqualFunc) docket_block_equal;
  else
    equal = (GEqualFunc) docket_footnote_equal;

  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* All the lists, @n_lists of them. */
const ListInfo *
_docket_edit_session_get_lists (guint *n_lists)
{
  *n_lists = G_N_ELEMENTS (lists);
  return lists;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-private.h"

/* ArchivesSpace keeps a component's @id as its ref_id, which must match
 * [A-Za-z0-9-_:.] and be at most 255 characters; an NCName has no ':'. Ids
 * are therefore ASCII NCNames of at most this many bytes. */
#define MAX_ID_LEN 200

struct _DocketEadIds
{
  GHashTable *used;
};

DocketEadIds *
_docket_ead_ids_new (void)
{
  DocketEadIds *ids = g_new0 (DocketEadIds, 1);

  ids->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return ids;
}

void
_docket_ead_ids_free (DocketEadIds *ids)
{
  if (ids == NULL)
    return;
  g_hash_table_unref (ids->used);
  g_free (ids);
}

static inline gboolean
is_start_char (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

gboolean
_docket_ead_is_ncname (const char *id)
{
  if (id == NULL || !is_start_char (id[0]))
    return FALSE;
  for (const char *p = id + 1; *p != '\0'; p++)
    if (!is_name_char (*p))
      return FALSE;
  return strlen (id) <= MAX_ID_LEN;
}

static void
append_sanitized (GString    *out,
                  const char *text)
{
  gboolean dash = FALSE;

  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0' && out->len < MAX_ID_LEN - 8; p++)
    {
      if (is_name_char (*p))
        {
          if (dash)
            g_string_append_c (out, '_');
          dash = FALSE;
          g_string_append_c (out, *p);
        }
      else
        dash = out->len > 0; /* runs of other characters become one '_' */
    }
}

const char *
_docket_ead_ids_make (DocketEadIds *ids,
                      const char   *base,
                      const char   *suffix)
{
  g_autoptr(GString) id = g_string_new (NULL);
  gsize len;
  char *key;

  append_sanitized (id, base);
  if (id->len == 0 || !is_start_char (id->str[0]))
    g_string_prepend (id, "id-");
  append_sanitized (id, suffix);

  len = id->len;
  for (guint n = 2; g_hash_table_contains (ids->used, id->str); n++)
    {
      g_string_truncate (id, len);
      g_string_append_printf (id, "-%u", n);
    }
  key = g_string_free (g_steal_pointer (&id), FALSE);
  g_hash_table_add (ids->used, key);
  return key;
}

gboolean
_docket_ead_ids_contains (DocketEadIds *ids,
                          const char   *id)
{
  return id != NULL && g_hash_table_contains (ids->used, id);
}

gboolean
_docket_ead_ids_claim (DocketEadIds *ids,
                       const char   *id)
{
  if (!_docket_ead_is_ncname (id) || g_hash_table_contains (ids->used, id))
    return FALSE;
  g_hash_table_add (ids->used, g_strdup (id));
  return TRUE;
}

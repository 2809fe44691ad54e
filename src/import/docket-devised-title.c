/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-devised-title"

#include "config.h"

#include <string.h>

#include "docket-devised-title.h"

/* The signed name ("W. Averell Harriman") is the fuller form of the
 * heading's "Harriman"; use it when it holds that name. */
static char *
author_name (DocketRecord      *record,
             const DocketAgent *author)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = body->len; i > 0; i--)
    {
      const DocketBlock *block = g_ptr_array_index (body, i - 1);

      if (block->kind == DOCKET_BLOCK_SIGNATURE && author->name != NULL &&
          strstr (block->text, author->name) != NULL && g_utf8_strlen (block->text, -1) < 60)
        return g_strdup (block->text);
    }
  return g_strdup (author->name);
}

/* "President Johnson", "Secretary of State Rusk" read naturally; long
 * offices ("Special Assistant to the President for …") do not. */
static char *
recipient_name (const DocketAgent *recipient)
{
  if (recipient->office != NULL && recipient->name != NULL &&
      g_utf8_strlen (recipient->office, -1) <= 12)
    return g_strdup_printf ("%s %s", recipient->office, recipient->name);
  return g_strdup (recipient->name);
}

char *
docket_devised_title_make (DocketRecord *record)
{
  g_autoptr(GPtrArray) authors = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  const char *type;
  const char *subject;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  authors = docket_record_dup_agents_with_role (record, DOCKET_AGENT_AUTHOR);
  recipients = docket_record_dup_agents_with_role (record, DOCKET_AGENT_RECIPIENT);
  type = docket_record_get (record, DOCKET_FIELD_TYPE);
  subject = docket_record_get (record, DOCKET_FIELD_SUBJECT);

  if (authors->len == 0 || type == NULL)
    return NULL;

  for (guint i = 0; i < authors->len; i++)
    {
      g_autofree char *name = author_name (record, g_ptr_array_index (authors, i));

      if (i > 0)
        g_string_append (title, i + 1 == authors->len ? " and " : ", ");
      g_string_append (title, name);
    }
  g_string_append_printf (title, " %s", type);

  for (guint i = 0; i < recipients->len; i++)
    {
      g_autofree char *name = recipient_name (g_ptr_array_index (recipients, i));

      g_string_append (title, i == 0 ? " to " : i + 1 == recipients->len ? " and " : ", ");
      g_string_append (title, name);
    }

  if (subject != NULL)
    g_string_append_printf (title, " regarding %s", subject);

  return g_string_free (g_steal_pointer (&title), FALSE);
}

void
docket_devised_title_apply (DocketRecord *record)
{
  const char *title;
  char *devised;

  g_return_if_fail (DOCKET_IS_RECORD (record));

  title = docket_record_get (record, DOCKET_FIELD_TITLE);
  if (title != NULL && g_strcmp0 (title, docket_record_get_heading (record)) != 0)
    return;

  devised = docket_devised_title_make (record);
  if (devised != NULL)
    docket_record_take (record, DOCKET_FIELD_TITLE, devised);
}

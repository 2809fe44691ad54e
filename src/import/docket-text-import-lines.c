/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include "docket-text-import-private.h"

gboolean
_docket_text_line_is_blank (const Line *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (!g_ascii_isspace (line->start[i]))
      return FALSE;
  return TRUE;
}

/* "206. Memorandum …": returns the length of "206. ", or 0. */
gsize
_docket_text_heading_prefix (const Line *line)
{
  gsize i = 0;

  while (i < line->len && g_ascii_isdigit (line->start[i]))
    i++;
  if (i == 0 || i > 5 || i + 2 >= line->len ||
      line->start[i] != '.' || line->start[i + 1] != ' ')
    return 0;
  if (!g_ascii_isupper (line->start[i + 2]))
    return 0;
  return i + 2;
}

/* "  2. This meeting …": the footnote's number and text. */
gboolean
_docket_text_footnote_line (const Line  *line,
                            const char **out_n,
                            gsize       *out_n_len,
                            const char **out_text)
{
  gsize i = 0;
  gsize digits;

  while (i < line->len && line->start[i] == ' ')
    i++;
  if (i == 0 || i > 4)
    return FALSE;
  digits = i;
  while (i < line->len && g_ascii_isdigit (line->start[i]))
    i++;
  if (i == digits || i - digits > 3 || i + 1 >= line->len ||
      line->start[i] != '.' || line->start[i + 1] != ' ')
    return FALSE;
  if (out_n != NULL)
    {
      *out_n = line->start + digits;
      *out_n_len = i - digits;
      *out_text = line->start + i + 2;
    }
  return TRUE;
}

void
_docket_text_trim (const char **text,
                   gsize       *len)
{
  while (*len > 0 && g_ascii_isspace ((*text)[0]))
    {
      (*text)++;
      (*len)--;
    }
  while (*len > 0 && g_ascii_isspace ((*text)[*len - 1]))
    (*len)--;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include "docket-text-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-heading-parse.h"
#include "docket-import.h"
#include "docket-text-import-private.h"

static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  const char *end = text + length;
  guint number = 1;

  /* A byte order mark is not text. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line line;

      if (nl == NULL)
        nl = end;
      line.start = p;
      line.len = nl - p;
      if (line.len > 0 && p[line.len - 1] == '\r')
        line.len--;
      line.number = number++;
      g_array_append_val (lines, line);
      p = nl + 1;
    }
  return lines;
}

static gboolean
heading_is_frus (const char *heading)
{
  g_autoptr(DocketHeadingParse) parse = docket_heading_parse (heading);

  return parse->type != NULL || strstr (heading, " From ") != NULL ||
         strstr (heading, " Between ") != NULL;
}

/* Does the heading-like line @i start another document? After footnotes
 * it does; otherwise only when it looks like a heading and stands alone as
 * headings do (a blank line before, two after). */
static gboolean
starts_document (GArray   *lines,
                 guint     i,
                 gboolean  after_footnotes)
{
  const Line *line = &g_array_index (lines, Line, i);
  gsize prefix = _docket_text_heading_prefix (line);
  g_autofree char *heading = NULL;

  if (prefix == 0)
    return FALSE;
  if (i > 0 && !_docket_text_line_is_blank (&g_array_index (lines, Line, i - 1)) && !after_footnotes)
    return FALSE;
  heading = g_strndup (line->start + prefix, line->len - prefix);
  g_strchomp (heading);
  if (after_footnotes)
    return TRUE;
  if (g_str_has_suffix (heading, ".") || !heading_is_frus (heading))
    return FALSE;
  for (guint k = i + 1; k < i + 3 && k < lines->len; k++)
    if (!_docket_text_line_is_blank (&g_array_index (lines, Line, k)))
      return FALSE;
  return TRUE;
}

GPtrArray *
docket_text_import_parse (const char  *display_name,
                          const char  *text,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  const char *invalid = NULL;
  guint i = 0;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !g_utf8_validate (text, length, &invalid))
    {
      guint line = 1;

      for (const char *p = text; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_ENCODING,
                   _("%s:%u: the text is not UTF-8; convert it to UTF-8 (for example with iconv) and import it again"),
                   display_name, line);
      return NULL;
    }

  lines = split_lines (text, length);
  while (i < lines->len && _docket_text_line_is_blank (&g_array_index (lines, Line, i)))
    i++;
  if (i == lines->len)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_EMPTY,
                   _("%s:1: the file is empty"), display_name);
      return NULL;
    }

  {
    const Line *line = &g_array_index (lines, Line, i);
    gsize prefix = _docket_text_heading_prefix (line);
    g_autofree char *heading = NULL;

    if (prefix == 0)
      {
        g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                     _("%s:%u: not a FRUS document: the text does not open with a numbered heading such as “206. Memorandum From …”"),
                     display_name, line->number);
        return NULL;
      }
    heading = g_strndup (line->start + prefix, MIN (line->len - prefix, 1024));
    if (line->len > 4096 || !heading_is_frus (heading))
      {
        g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                     _("%s:%u: not a FRUS document: the heading names no document type (memorandum, telegram, letter, …)"),
                     display_name, line->number);
        return NULL;
      }
  }

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while (i < lines->len)
    {
      guint start = i;
      gboolean after_footnotes = FALSE;

      for (i = start + 1; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (_docket_text_line_is_blank (line))
            continue;
          if (_docket_text_footnote_line (line, NULL, NULL, NULL))
            after_footnotes = TRUE;
          else if (starts_document (lines, i, after_footnotes))
            break;
          else if (line->start[0] != ' ')
            after_footnotes = FALSE;
        }
      g_ptr_array_add (records, _docket_text_parse_document (lines, start, i));
    }

  return g_steal_pointer (&records);
}

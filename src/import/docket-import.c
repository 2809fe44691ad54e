/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "docket-import.h"
#include "docket-import-private.h"
#include "docket-ead-import.h"
#include "docket-tei-import.h"
#include "docket-text-import.h"

G_DEFINE_QUARK (docket-import-error-quark, docket_import_error)

/**
 * docket_import_result_new:
 *
 * Returns: (transfer full): an empty result
 */
DocketImportResult *
docket_import_result_new (DocketImportFormat format)
{
  DocketImportResult *result = g_new0 (DocketImportResult, 1);

  result->format = format;
  result->records = g_ptr_array_new_with_free_func (g_object_unref);
  result->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  result->glossary = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_access_point_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  return result;
}

void
docket_import_result_free (DocketImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->collection, docket_collection_free);
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_clear_pointer (&result->persons, g_ptr_array_unref);
  g_clear_pointer (&result->glossary, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  if (result->document != NULL)
    result->document_free (result->document);
  g_free (result);
}

/**
 * _docket_import_result_keep_document:
 * @document: (transfer full): the parsed XML the result was read from
 *
 * Frees @document with the result rather than now: a volume's tree takes
 * milliseconds to free, which the reader need not spend before handing
 * the result over (docket-cli frees results in the reading thread while
 * the catalog commits).
 */
void
_docket_import_result_keep_document (DocketImportResult *result,
                                     gpointer            document,
                                     GDestroyNotify      document_free)
{
  g_return_if_fail (result->document == NULL);

  result->document = document;
  result->document_free = document_free;
}

/* Skips a byte order mark, white space, the XML declaration, comments and
 * processing instructions and returns the root element's start, or NULL. */
static const char *
find_root_element (const char *data,
                   gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return NULL;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");
          if (close == NULL)
            return NULL;
          p = close + 3;
        }
      else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          /* A declaration, a processing instruction or a DOCTYPE (whose
           * internal subset may hold '>' inside brackets). */
          int depth = 0;

          for (p++; p < end; p++)
            {
              if (*p == '[')
                depth++;
              else if (*p == ']')
                depth--;
              else if (*p == '>' && depth <= 0)
                break;
            }
          p++;
        }
      else
        return p + 1;
    }
  return NULL;
}

/**
 * docket_import_detect_format:
 *
 * Looks at the start of @data: a `TEI` root is FRUS TEI, an `ead` root is
 * EAD3 (its namespace, or a `control` child) or EAD 2002, anything else is
 * taken for the plain-text layout, which its reader then checks.
 */
DocketImportFormat
docket_import_detect_format (const char *data,
                             gsize       length)
{
  gsize window = MIN (length, (gsize) 65536);
  const char *root;

  g_return_val_if_fail (data != NULL || length == 0, DOCKET_IMPORT_FORMAT_UNKNOWN);

  root = find_root_element (data, window);
  if (root == NULL)
    {
      gsize i = 0;

      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
      while (i < window && g_ascii_isspace (data[i]))
        i++;
      return (i < window && data[i] == '<') ? DOCKET_IMPORT_FORMAT_UNKNOWN
                                            : DOCKET_IMPORT_FORMAT_FRUS_TEXT;
    }

  /* Skip a namespace prefix ("tei:TEI", "ead:ead"). */
  {
    const char *name = root;
    const char *name_end = root;

    while (name_end < data + window && !g_ascii_isspace (*name_end) &&
           *name_end != '>' && *name_end != '/')
      name_end++;
    for (const char *q = root; q < name_end; q++)
      if (*q == ':')
        name = q + 1;

    if (name_end - name == 3 && memcmp (name, "TEI", 3) == 0)
      return DOCKET_IMPORT_FORMAT_FRUS_TEI;
    if (name_end - name == 3 && memcmp (name, "ead", 3) == 0)
      {
        gsize rest = data + window - root;

        if (g_strstr_len (root, rest, "http://ead3.archivists.org/schema/") != NULL ||
            g_strstr_len (root, rest, "<control") != NULL ||
            g_strstr_len (root, rest, ":control") != NULL)
          return DOCKET_IMPORT_FORMAT_EAD3;
        return DOCKET_IMPORT_FORMAT_EAD2002;
      }
  }
  return DOCKET_IMPORT_FORMAT_UNKNOWN;
}

/* The line (1-based) of byte @offset. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
check_not_binary (const char  *display_name,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  const char *nul;

  if (length == 0)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_BINARY,
                   _("%s:%u: this is a binary file, not a document Docket can read (plain text, TEI or EAD)"),
                   display_name, line_of (data, nul - data));
      return FALSE;
    }
  return TRUE;
}

/* g_utf8_validate_len() over @data, in effect, but eight bytes at a time
 * over the ASCII that is nearly all of a volume or a finding aid (the
 * whole-file check cost a tenth of what parsing the file does). A
 * multi-byte character is all high bytes, so each run of them is checked
 * on its own; @data holds no NUL by now. */
static gboolean
utf8_validate (const char  *data,
               gsize        length,
               const char **bad)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *run;
      guint64 word;

      while (end - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p == end)
        break;

      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, bad))
        return FALSE;
    }
  return TRUE;
}

/* The plain-text reader checks its own input; XML is checked here so that
 * a file in another encoding is named as such, not as malformed XML. */
static gboolean
check_utf8 (const char  *display_name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *bad = NULL;

  if (!utf8_validate (data, length, &bad))
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_ENCODING,
                   _("%s:%u: the text is not UTF-8; convert it to UTF-8 (for example with iconv) and import it again"),
                   display_name, line_of (data, bad - data));
      return FALSE;
    }
  return TRUE;
}

/* docket_import_data(), and @ready told as the records of a TEI volume or
 * an EAD finding aid are completed, before the whole file is read. */
static DocketImportResult *
import_data (const char            *display_name,
             const char            *data,
             gsize                  length,
             GCancellable          *cancellable,
             DocketImportProgress   progress,
             DocketImportReady      ready,
             gpointer               user_data,
             GError               **error)
{
  g_autoptr(DocketImportResult) result = NULL;
  DocketImportFormat format;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > DOCKET_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MB, more than Docket imports at once; split it"),
                   display_name, DOCKET_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!check_not_binary (display_name, data, length, error))
    return NULL;

  format = docket_import_detect_format (data, length);
  if (format != DOCKET_IMPORT_FORMAT_FRUS_TEXT &&
      !check_utf8 (display_name, data, length, error))
    return NULL;

  switch (format)
    {
    case DOCKET_IMPORT_FORMAT_FRUS_TEXT:
      {
        g_autoptr(GPtrArray) records = docket_text_import_parse (display_name, data, length, error);

        if (records == NULL)
          return NULL;
        result = docket_import_result_new (format);
        for (guint i = 0; i < records->len; i++)
          g_ptr_array_add (result->records, g_object_ref (g_ptr_array_index (records, i)));
        if (progress != NULL)
          progress (records->len, records->len, user_data);
        return g_steal_pointer (&result);
      }

    case DOCKET_IMPORT_FORMAT_FRUS_TEI:
      return docket_tei_import_parse (display_name, data, length, cancellable,
                                      progress, ready, user_data, error);

    case DOCKET_IMPORT_FORMAT_EAD3:
    case DOCKET_IMPORT_FORMAT_EAD2002:
      return docket_ead_import_parse (display_name, data, length, cancellable,
                                      progress, ready, user_data, error);

    case DOCKET_IMPORT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s:1: this XML is neither a FRUS TEI volume nor an EAD finding aid"),
                   display_name);
      return NULL;
    }
}

/**
 * docket_import_data:
 * @display_name: the file name used in messages
 *
 * Reads records from @data, detecting the format from the content.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
DocketImportResult *
docket_import_data (const char            *display_name,
                    const char            *data,
                    gsize                  length,
                    GCancellable          *cancellable,
                    DocketImportProgress   progress,
                    gpointer               user_data,
                    GError               **error)
{
  return import_data (display_name, data, length, cancellable, progress, NULL, user_data, error);
}

/**
 * docket_import_file:
 *
 * Reads @path (refusing files over %DOCKET_IMPORT_MAX_FILE_SIZE before
 * reading them) and imports it with docket_import_data().
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
DocketImportResult *
docket_import_file (const char            *path,
                    GCancellable          *cancellable,
                    DocketImportProgress   progress,
                    gpointer               user_data,
                    GError               **error)
{
  return docket_import_file_full (path, cancellable, progress, NULL, user_data, error);
}

/**
 * docket_import_file_full:
 * @ready: (nullable): told as the records of a TEI volume or an EAD
 *   finding aid are completed, before the whole file is read
 *
 * Like docket_import_file().
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
DocketImportResult *
docket_import_file_full (const char            *path,
                         GCancellable          *cancellable,
                         DocketImportProgress   progress,
                         DocketImportReady      ready,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean is_folder;
  goffset size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A file stat() finds is what GIO would find: its type and size, the
   * link followed. Asking GIO would also set up its default VFS, which
   * looks through the GIO modules at every run; so GIO is asked only
   * about a file stat() cannot find, to say why in its own words. */
  if (g_stat (path, &st) == 0)
    {
      is_folder = S_ISDIR (st.st_mode);
      size = st.st_size;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
      if (info == NULL)
        {
          g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_IO,
                       _("%s: cannot read the file: %s"), path, local_error->message);
          return NULL;
        }
      is_folder = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
      size = g_file_info_get_size (info);
    }
  if (is_folder)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_IO,
                   _("%s: this is a folder; name the files in it"), path);
      return NULL;
    }
  if (size > DOCKET_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MB, more than Docket imports at once; split it"),
                   path, DOCKET_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_IO,
                   _("%s: cannot read the file: %s"), path, local_error->message);
      return NULL;
    }

  return import_data (path,
                      g_mapped_file_get_contents (mapped) != NULL ? g_mapped_file_get_contents (mapped) : "",
                      g_mapped_file_get_length (mapped),
                      cancellable, progress, ready, user_data, error);
}

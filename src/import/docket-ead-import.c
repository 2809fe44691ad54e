/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* The EAD reader: EAD3 (and its undeprecated namespace) and EAD 2002,
 * namespaced or DTD-style, as a collection and one record per component.
 * The mapping is the inverse of the export (EAD-MAPPING.md); elements
 * Docket has no field for are kept as XML with their record. */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "docket-ead-import.h"
#include "docket-import-private.h"
#include "docket-ead-import-private.h"

static guint
count_components (xmlNodePtr node)
{
  guint n = 0;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (_docket_eadi_is_component (child))
      n += 1 + count_components (child);
  return n;
}

/* Links from a footnote to another component name its c/@id; the record
 * may have got another id (made unique or usable as an XML id). */
static void
resolve_record_links (DocketEadiImport *self)
{
  for (guint i = 0; i < self->result->records->len; i++)
    {
      GPtrArray *footnotes = docket_record_get_footnotes (g_ptr_array_index (self->result->records, i));

      for (guint j = 0; j < footnotes->len; j++)
        {
          DocketFootnote *footnote = g_ptr_array_index (footnotes, j);

          for (guint k = 0; footnote->links != NULL && k < footnote->links->len; k++)
            {
              DocketFootnoteLink *link = g_ptr_array_index (footnote->links, k);
              const char *id;

              if (link->kind != DOCKET_LINK_RECORD || link->target == NULL)
                continue;
              id = g_hash_table_lookup (self->element_ids, link->target);
              if (id != NULL && g_strcmp0 (id, link->target) != 0)
                {
                  g_free (link->target);
                  link->target = g_strdup (id);
                }
            }
        }
    }
}

/* Hands records over as they are completed, so they can be stored while
 * the rest is read. A record with a link to another component waits for
 * the end, when links are resolved, and so does every record after it,
 * so that they are handed over in order. */
typedef struct
{
  DocketImportResult   *result;
  DocketImportProgress  progress;
  DocketImportReady     ready;
  gpointer              user_data;
  guint                 handed;
  gboolean              waiting;
  gboolean              started;   /* the progress has been told the total */
  guint                 reported;  /* and this many components */
} Stream;

static gboolean
has_record_links (DocketRecord *record)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  for (guint j = 0; j < footnotes->len; j++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, j);

      for (guint k = 0; footnote->links != NULL && k < footnote->links->len; k++)
        if (((DocketFootnoteLink *) g_ptr_array_index (footnote->links, k))->kind == DOCKET_LINK_RECORD)
          return TRUE;
    }
  return FALSE;
}

/* The reader's progress, called after each component is added. */
static void
component_read (guint    done,
                guint    total,
                gpointer user_data)
{
  Stream *stream = user_data;
  GPtrArray *records = stream->result->records;
  guint handed = stream->handed;

  /* Components read again (see docket-ead-import-stream.c) are not told
   * twice. */
  if (stream->progress != NULL && (done > stream->reported || (done == 0 && !stream->started)))
    {
      stream->started = TRUE;
      stream->reported = done;
      stream->progress (done, MAX (total, done), stream->user_data);
    }
  if (stream->ready == NULL)
    return;

  while (!stream->waiting && handed < records->len)
    {
      if (has_record_links (g_ptr_array_index (records, handed)))
        stream->waiting = TRUE;
      else
        handed++;
    }
  if (handed > stream->handed)
    {
      stream->handed = handed;
      stream->ready (stream->result, handed, stream->user_data);
    }
}

/* How many components the file seems to hold, for the progress, before
 * they are parsed: its c and c01–c12 start tags, with any prefix, outside
 * comments. */
static guint
count_components_ahead (const char *data,
                        gsize       length)
{
  const char *end = data + length;
  guint n = 0;

  for (const char *p = memchr (data, '<', length); p != NULL; p = memchr (p, '<', end - p))
    {
      const char *name = ++p;
      const char *q = name;

      if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
        {
          const char *close = g_strstr_len (p + 3, end - p - 3, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          continue;
        }
      while (q < end && *q != ':' && *q != '>' && *q != '/' && !g_ascii_isspace (*q))
        q++;
      if (q < end && *q == ':')
        name = ++q;
      if (name < end && *name == 'c')
        {
          q = name + 1;
          if (q + 1 < end && ((q[0] == '0' && q[1] >= '1' && q[1] <= '9') ||
                              (q[0] == '1' && q[1] >= '0' && q[1] <= '2')))
            q += 2;
          if (q < end && (*q == '>' || *q == '/' || g_ascii_isspace (*q)))
            n++;
        }
    }
  return n;
}

/* What the import holds while it reads, freed at its end. */
static void
import_clear (DocketEadiImport *self)
{
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->element_ids, g_hash_table_unref);
  g_clear_pointer (&self->id_prefix, g_free);
  g_clear_pointer (&self->spare_extra, _docket_eadi_extra_free);
}

/**
 * docket_ead_import_parse:
 * @display_name: the file name used in messages
 * @progress: (nullable): called after each component
 * @ready: (nullable): told as components are complete (a component that
 *   links to another one, and those after it, only at the end)
 *
 * Reads an EAD3 or EAD 2002 finding aid. libxml2 runs with a private
 * context, without network, DTD loading or entity substitution; files that
 * declare external or expanding entities are refused.
 *
 * Returns: (transfer full) (nullable): the collection and its records, or
 *   %NULL with @error set
 */
DocketImportResult *
docket_ead_import_parse (const char            *display_name,
                         const char            *data,
                         gsize                  length,
                         GCancellable          *cancellable,
                         DocketImportProgress   progress,
                         DocketImportReady      ready,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(DocketImportResult) result = NULL;
  g_autoptr(GPtrArray) dscs = g_ptr_array_new ();
  g_autoptr(GPtrArray) root_elements = NULL;
  g_autoptr(GPtrArray) archdesc_elements = NULL;
  g_autoptr(DocketCollection) streamed = NULL;
  DocketEadiImport self = { 0 };
  Stream stream = { NULL, progress, ready, user_data, 0, FALSE };
  DocketEadiParse *parse;
  DocketXmlStream *xml_stream;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlNodePtr archdesc;
  gboolean streamed_void = TRUE;
  gboolean streamed_ead3;
  gboolean ead3;
  guint n_unmapped;
  gboolean ok = TRUE;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parse = _docket_eadi_parse_new (display_name, length, error);
  if (parse == NULL)
    return NULL;

  result = docket_import_result_new (DOCKET_IMPORT_FORMAT_EAD3);
  self.display_name = display_name;
  self.result = result;
  self.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.element_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.cancellable = cancellable;
  stream.result = result;
  self.progress = progress != NULL || ready != NULL ? component_read : NULL;
  self.user_data = &stream;

  /* The components are read as the parser completes them, in a thread of
   * its own. */
  xml_stream = _docket_xml_stream_start (_docket_eadi_parse_get_context (parse), data, length, NULL,
                                         DOCKET_EADI_PARSE_OPTIONS, _docket_eadi_stream_classify, NULL);
  if (progress != NULL)
    self.n_components = count_components_ahead (data, length);
  ok = _docket_eadi_read_stream (&self, xml_stream, parse, &streamed_void, error);
  if (!ok)
    _docket_xml_stream_stop (xml_stream);
  doc = _docket_xml_stream_finish (xml_stream);
  streamed = g_steal_pointer (&result->collection);
  doc = _docket_eadi_parse_finish (parse, doc, result->warnings, ok ? error : NULL);
  if (!ok || doc == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      import_clear (&self);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !_docket_eadi_is (root, "ead"))
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s:%ld: this XML is not an EAD finding aid (its root is not <ead> in an EAD namespace)"),
                   display_name, root != NULL ? xmlGetLineNo (root) : 1L);
      ok = FALSE;
    }
  archdesc = ok ? _docket_eadi_child (root, "archdesc") : NULL;
  if (ok && archdesc == NULL)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED,
                   _("%s:%ld: the finding aid has no <archdesc>, so there is nothing to import"),
                   display_name, xmlGetLineNo (root));
      ok = FALSE;
    }
  if (!ok)
    {
      xmlFreeDoc (doc);
      import_clear (&self);
      return NULL;
    }

  /* The collection from the whole archdesc. */
  root_elements = _docket_eadi_child_elements (root);
  archdesc_elements = _docket_eadi_child_elements (archdesc);
  ead3 = _docket_eadi_is_ead3 (root, root_elements);
  streamed_ead3 = self.ead3;
  self.ead3 = ead3;
  result->format = ead3 ? DOCKET_IMPORT_FORMAT_EAD3 : DOCKET_IMPORT_FORMAT_EAD2002;
  result->collection = _docket_eadi_read_collection (&self, root_elements, archdesc, archdesc_elements,
                                                     dscs, &n_unmapped);

  /* The records read as the file was parsed stand if the file said no more
   * about them later; otherwise they are read again, from the tree, and
   * those already handed over are withdrawn. */
  if (streamed_void || ead3 != streamed_ead3 || g_strcmp0 (streamed->id, result->collection->id) != 0)
    {
      g_debug ("%s: components read again from the whole tree%s", display_name,
               stream.handed > 0 ? ", those handed over withdrawn" : "");
      result->ready_withdrawn = stream.handed > 0;
      stream.ready = NULL;
      stream.handed = 0;
      stream.waiting = FALSE;
      g_ptr_array_set_size (result->records, 0);
      result->n_unmapped = 0;
      g_hash_table_remove_all (self.ids);
      g_hash_table_remove_all (self.element_ids);
      g_clear_pointer (&self.spare_extra, _docket_eadi_extra_free);
      self.n_done = 0;
      self.n_components = 0;
      for (guint i = 0; i < dscs->len; i++)
        self.n_components += count_components (g_ptr_array_index (dscs, i));
      _docket_eadi_begin_components (&self);

      for (guint i = 0; ok && i < dscs->len; i++)
        ok = _docket_eadi_read_components (&self, g_ptr_array_index (dscs, i), NULL, error);
    }
  result->n_unmapped += n_unmapped;

  if (ok)
    resolve_record_links (&self);

  import_clear (&self);

  if (!ok)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  _docket_import_result_keep_document (result, doc, (GDestroyNotify) xmlFreeDoc);
  return g_steal_pointer (&result);
}

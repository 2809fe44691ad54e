/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <libxml/tree.h>
#include <string.h>

#include "docket-ead-import-private.h"

/* The extra XML of a record or collection (see docket-ead-import-private.h),
 * written straight to text. It is byte for byte what copying the kept
 * elements into a wrapper document with xmlDocCopyNode() and writing that
 * with xmlNodeDump() gives, without building the document: each kept
 * element declares the namespaces it uses from outside itself, non-ASCII
 * characters in attribute values become character references (the wrapper
 * document has no encoding), and so on. An element this writer does not know how to copy
 * exactly (comments, processing instructions, entity references, clashing
 * prefixes) goes through libxml2 as before, in a scratch document. */

struct _DocketEadiExtra
{
  gboolean   ead3;
  GPtrArray *attrs;            /* name, value, name, value … (owned) */
  GString   *places[2];        /* the content of dx:did and dx:desc */
  GString   *spare[2];         /* their buffers, after a reset */
  GString   *text;             /* the wrapper, for _docket_eadi_extra_text() */
  int        order[2];         /* the places in the order they were made */
  guint      n_places;
  guint      count;
  gboolean   has_cid;
  xmlDocPtr  scratch;          /* for the elements libxml2 copies */
  GPtrArray *path;             /* the writer's, reused */
  GPtrArray *hoisted;
};

DocketEadiExtra *
_docket_eadi_extra_new (gboolean ead3)
{
  DocketEadiExtra *extra = g_new0 (DocketEadiExtra, 1);

  /* The arrays are made when first needed: most components keep nothing
   * and set no attribute. */
  extra->ead3 = ead3;
  return extra;
}

void
_docket_eadi_extra_free (DocketEadiExtra *extra)
{
  if (extra == NULL)
    return;
  g_clear_pointer (&extra->attrs, g_ptr_array_unref);
  g_clear_pointer (&extra->path, g_ptr_array_unref);
  g_clear_pointer (&extra->hoisted, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (extra->places); i++)
    {
      if (extra->places[i] != NULL)
        g_string_free (extra->places[i], TRUE);
      if (extra->spare[i] != NULL)
        g_string_free (extra->spare[i], TRUE);
    }
  if (extra->text != NULL)
    g_string_free (extra->text, TRUE);
  if (extra->scratch != NULL)
    xmlFreeDoc (extra->scratch);
  g_free (extra);
}

void
_docket_eadi_extra_reset (DocketEadiExtra *extra)
{
  if (extra->attrs != NULL)
    g_ptr_array_set_size (extra->attrs, 0);
  for (guint i = 0; i < G_N_ELEMENTS (extra->places); i++)
    if (extra->places[i] != NULL)
      {
        g_string_truncate (extra->places[i], 0);
        extra->spare[i] = g_steal_pointer (&extra->places[i]);
      }
  extra->n_places = 0;
  extra->count = 0;
  extra->has_cid = FALSE;
}

static GString *
extra_place (DocketEadiExtra      *extra,
             DocketEadiExtraPlace  place)
{
  if (extra->path == NULL)
    {
      extra->path = g_ptr_array_new ();
      extra->hoisted = g_ptr_array_new ();
    }
  if (extra->places[place] == NULL)
    {
      extra->places[place] = extra->spare[place] != NULL ? g_steal_pointer (&extra->spare[place])
                                                         : g_string_sized_new (256);
      extra->order[extra->n_places++] = place;
    }
  return extra->places[place];
}

static xmlDocPtr
scratch_doc (DocketEadiExtra *extra)
{
  if (extra->scratch == NULL)
    extra->scratch = xmlNewDoc ((const xmlChar *) "1.0");
  return extra->scratch;
}

/* What libxml2 writes for @copy, a node of the scratch document, which it
 * frees. */
static void
append_libxml2 (DocketEadiExtra *extra,
                GString         *out,
                xmlNodePtr       copy)
{
  xmlBufferPtr buffer = xmlBufferCreate ();

  xmlNodeDump (buffer, extra->scratch, copy, 0, 0);
  _docket_eadi_append_len (out, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  xmlFreeNode (copy);
}

void
_docket_eadi_extra_add (DocketEadiExtra      *extra,
                        DocketEadiExtraPlace  place,
                        xmlNodePtr            node)
{
  GString *out;

  if (node->type != XML_ELEMENT_NODE)
    return;
  out = extra_place (extra, place);
  if (!_docket_eadi_write_copy (out, node, extra->path, extra->hoisted))
    {
      xmlNodePtr copy = xmlDocCopyNode (node, scratch_doc (extra), 1);

      if (copy == NULL)
        return;
      append_libxml2 (extra, out, copy);
    }
  extra->count++;
}

void
_docket_eadi_extra_add_except (DocketEadiExtra      *extra,
                               DocketEadiExtraPlace  place,
                               xmlNodePtr            node,
                               gboolean            (*skip) (xmlNodePtr child, gpointer data),
                               gpointer              data)
{
  GString *out = extra_place (extra, place);
  gsize start = out->len;
  gboolean kept = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !skip (child, data) && !_docket_eadi_is (child, "head"))
      kept = TRUE;
  if (!kept)
    return;

  if (!_docket_eadi_write_copy_except (out, node, skip, data, extra->path, extra->hoisted))
    {
      xmlDocPtr doc = scratch_doc (extra);
      xmlNodePtr copy = xmlDocCopyNode (node, doc, 2); /* attributes, no children */

      g_string_truncate (out, start);
      if (copy == NULL)
        return;
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE && skip (child, data))
            continue;
          xmlAddChild (copy, xmlDocCopyNode (child, doc, 1));
        }
      append_libxml2 (extra, out, copy);
    }
  extra->count++;
}

void
_docket_eadi_extra_set_attr (DocketEadiExtra *extra,
                             const char      *name,
                             const char      *value)
{
  if (value == NULL)
    return;
  if (extra->attrs == NULL)
    extra->attrs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < extra->attrs->len; i += 2)
    if (strcmp (g_ptr_array_index (extra->attrs, i), name) == 0)
      {
        g_free (extra->attrs->pdata[i + 1]);
        extra->attrs->pdata[i + 1] = g_strdup (value);
        return;
      }
  g_ptr_array_add (extra->attrs, g_strdup (name));
  g_ptr_array_add (extra->attrs, g_strdup (value));
}

void
_docket_eadi_extra_set_component_id (DocketEadiExtra *extra,
                                     const char      *cid)
{
  if (cid == NULL)
    return;
  _docket_eadi_extra_set_attr (extra, "cid", cid);
  extra->has_cid = TRUE;
}

guint
_docket_eadi_extra_count (DocketEadiExtra *extra)
{
  return extra->count;
}

static gsize
wrapper_size (DocketEadiExtra *extra)
{
  gsize size = 128;

  for (guint i = 0; i < extra->n_places; i++)
    size += extra->places[extra->order[i]]->len + 24;
  return size;
}

/* Appends the wrapper as XML text (no declaration) to @out. */
static void
write_wrapper (DocketEadiExtra *extra,
               GString         *out)
{
  _docket_eadi_append (out, "<dx:extra xmlns:dx=\"" DOCKET_EADI_EXTRA_NS "\" format=\"");
  _docket_eadi_append (out, extra->ead3 ? "ead3" : "ead2002");
  g_string_append_c (out, '"');
  for (guint i = 0; extra->attrs != NULL && i < extra->attrs->len; i += 2)
    {
      g_string_append_c (out, ' ');
      _docket_eadi_append (out, g_ptr_array_index (extra->attrs, i));
      _docket_eadi_append (out, "=\"");
      if (!_docket_eadi_write_attr_text (out, g_ptr_array_index (extra->attrs, i + 1)))
        g_warn_if_reached ();
      g_string_append_c (out, '"');
    }
  if (extra->n_places == 0)
    {
      _docket_eadi_append (out, "/>");
      return;
    }
  g_string_append_c (out, '>');
  for (guint i = 0; i < extra->n_places; i++)
    {
      const char *name = extra->order[i] == DOCKET_EADI_EXTRA_DID ? "dx:did" : "dx:desc";
      GString *content = extra->places[extra->order[i]];

      g_string_append_c (out, '<');
      _docket_eadi_append (out, name);
      if (content->len == 0)
        _docket_eadi_append (out, "/>");
      else
        {
          g_string_append_c (out, '>');
          _docket_eadi_append_len (out, content->str, content->len);
          _docket_eadi_append (out, "</");
          _docket_eadi_append (out, name);
          g_string_append_c (out, '>');
        }
    }
  _docket_eadi_append (out, "</dx:extra>");
}

/* The wrapper as XML text (no declaration), or %NULL when it holds nothing
 * (no element and no component id), in a buffer of @extra's that the next
 * call reuses: the caller keeps a copy. */
const char *
_docket_eadi_extra_text (DocketEadiExtra *extra)
{
  if (extra->count == 0 && !extra->has_cid)
    return NULL;
  if (extra->text == NULL)
    extra->text = g_string_sized_new (wrapper_size (extra));
  g_string_truncate (extra->text, 0);
  write_wrapper (extra, extra->text);
  return extra->text->str;
}

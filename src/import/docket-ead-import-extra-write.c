/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <libxml/tree.h>
#include <string.h>

#include "docket-ead-import-private.h"

/* Kept EAD elements written as text exactly as xmlNodeDump() writes their
 * copies in the extra wrapper (docket-ead-import-extra.c): a copy made
 * with xmlDocCopyNode() outside any tree declares on its top element each
 * namespace that it or its descendants use and do not declare themselves,
 * in the order they are first met; attribute values escape non-ASCII
 * characters as character references (the wrapper document has no
 * encoding), text only '<', '>', '&' and carriage returns. */

/* libxml2's xmlSerializeHexCharRef(): "&#xE9;". */
static void
append_char_ref (GString  *out,
                 gunichar  c)
{
  g_string_append_printf (out, "&#x%X;", c);
}

static gboolean
is_xml_char (gunichar c)
{
  return (c >= 0x80 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/* One UTF-8 character at @p (at least 0x80), as libxml2's writers decode
 * it; 0 when it is not one they write as a reference. */
static gunichar
decode_utf8 (const guchar *p,
             guint        *len)
{
  gunichar c;

  if (p[0] < 0xC0)
    return 0;
  if (p[0] < 0xE0)
    {
      if (p[1] == 0)
        return 0;
      c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      *len = 2;
    }
  else if (p[0] < 0xF0)
    {
      if (p[1] == 0 || p[2] == 0)
        return 0;
      c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      *len = 3;
    }
  else if (p[0] < 0xF8)
    {
      if (p[1] == 0 || p[2] == 0 || p[3] == 0)
        return 0;
      c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      *len = 4;
    }
  else
    return 0;
  return is_xml_char (c) ? c : 0;
}

/* Text content as xmlNodeDump() writes it (xmlsave.c's
 * xmlEscapeContent()): only '<', '>', '&' and carriage returns escaped. */
static void
append_text (GString       *out,
             const xmlChar *text)
{
  const char *p = (const char *) text;

  for (;;)
    {
      const char *run = p;

      p += strcspn (p, "<>&\r");
      _docket_eadi_append_len (out, run, p - run);

      switch (*p)
        {
        case '\0':
          return;
        case '<':
          _docket_eadi_append (out, "&lt;");
          break;
        case '>':
          _docket_eadi_append (out, "&gt;");
          break;
        case '&':
          _docket_eadi_append (out, "&amp;");
          break;
        default:
          _docket_eadi_append (out, "&#13;");
          break;
        }
      p++;
    }
}

/* An attribute value as xmlBufAttrSerializeTxtContent() writes it in a
 * document without an encoding. */
gboolean
_docket_eadi_write_attr_text (GString       *out,
                              const xmlChar *text)
{
  const guchar *p = text;

  while (*p != '\0')
    {
      const guchar *run = p;
      guint len = 0;
      gunichar c;

      while (*p >= 0x20 && *p < 0x80 && *p != '"' && *p != '<' && *p != '>' && *p != '&')
        p++;
      _docket_eadi_append_len (out, (const char *) run, p - run);

      switch (*p)
        {
        case '\0':
          return TRUE;
        case '\n':
          _docket_eadi_append (out, "&#10;");
          p++;
          break;
        case '\r':
          _docket_eadi_append (out, "&#13;");
          p++;
          break;
        case '\t':
          _docket_eadi_append (out, "&#9;");
          p++;
          break;
        case '"':
          _docket_eadi_append (out, "&quot;");
          p++;
          break;
        case '<':
          _docket_eadi_append (out, "&lt;");
          p++;
          break;
        case '>':
          _docket_eadi_append (out, "&gt;");
          p++;
          break;
        case '&':
          _docket_eadi_append (out, "&amp;");
          p++;
          break;
        default:
          /* Other control characters are not in parsed XML. */
          if (*p < 0x80 || (c = decode_utf8 (p, &len)) == 0)
            return FALSE;
          append_char_ref (out, c);
          p += len;
          break;
        }
    }
  return TRUE;
}

/* A namespace declaration as xmlNsDumpOutput() writes it. */
static gboolean
append_ns_decl (GString        *out,
                const xmlNs    *ns)
{
  const char *href = (const char *) ns->href;

  if (ns->type != XML_LOCAL_NAMESPACE || href == NULL
      || (ns->prefix != NULL && strcmp ((const char *) ns->prefix, "xml") == 0))
    return TRUE;
  /* A quote in the address: xmlBufWriteQuotedString() quotes differently. */
  if (strchr (href, '"') != NULL)
    return FALSE;
  _docket_eadi_append (out, ns->prefix != NULL ? " xmlns:" : " xmlns");
  if (ns->prefix != NULL)
    _docket_eadi_append (out, (const char *) ns->prefix);
  _docket_eadi_append (out, "=\"");
  _docket_eadi_append (out, href);
  g_string_append_c (out, '"');
  return TRUE;
}

typedef struct
{
  GString    *out;
  GPtrArray  *path;      /* the elements above the one being written */
  GPtrArray  *hoisted;   /* xmlNs declared on the top element for its subtree */
  guint       n_written; /* how many of them are in @out */
  gsize       decls_end; /* where the next of them go */
} Writer;

static void
writer_init (Writer    *w,
             GString   *out,
             GPtrArray *path,
             GPtrArray *hoisted)
{
  g_ptr_array_set_size (path, 0);
  g_ptr_array_set_size (hoisted, 0);
  w->out = out;
  w->path = path;
  w->hoisted = hoisted;
  w->n_written = 0;
  w->decls_end = 0;
}

static gboolean
same_prefix (const xmlChar *a,
             const xmlChar *b)
{
  return a == NULL ? b == NULL : b != NULL && strcmp ((const char *) a, (const char *) b) == 0;
}

/* The copy's namespace for @ns: xmlSearchNs() in the copy from @node up,
 * else (as xmlStaticCopyNode() and xmlCopyPropInternal() do) a declaration
 * added to the top element. FALSE when the copy would need a reconciled
 * namespace. */
static gboolean
resolve_ns (Writer        *w,
            const xmlNode *node,
            const xmlNs   *ns)
{
  if (ns->prefix != NULL && strcmp ((const char *) ns->prefix, "xml") == 0)
    return TRUE;

  for (const xmlNs *def = node->nsDef; def != NULL; def = def->next)
    if (def->href != NULL && same_prefix (def->prefix, ns->prefix))
      return g_strcmp0 ((const char *) def->href, (const char *) ns->href) == 0;
  for (guint i = w->path->len; i > 0; i--)
    {
      const xmlNode *above = g_ptr_array_index (w->path, i - 1);

      for (const xmlNs *def = above->nsDef; def != NULL; def = def->next)
        if (def->href != NULL && same_prefix (def->prefix, ns->prefix))
          return g_strcmp0 ((const char *) def->href, (const char *) ns->href) == 0;
      if (i == 1)
        for (guint j = 0; j < w->hoisted->len; j++)
          {
            const xmlNs *def = g_ptr_array_index (w->hoisted, j);

            if (same_prefix (def->prefix, ns->prefix))
              return g_strcmp0 ((const char *) def->href, (const char *) ns->href) == 0;
          }
    }
  if (w->path->len == 0)
    for (guint j = 0; j < w->hoisted->len; j++)
      {
        const xmlNs *def = g_ptr_array_index (w->hoisted, j);

        if (same_prefix (def->prefix, ns->prefix))
          return g_strcmp0 ((const char *) def->href, (const char *) ns->href) == 0;
      }
  if (ns->href == NULL)
    return FALSE;
  g_ptr_array_add (w->hoisted, (gpointer) ns);
  return TRUE;
}

static void
append_qname (GString       *out,
              const xmlNs   *ns,
              const xmlChar *name)
{
  if (ns != NULL && ns->prefix != NULL)
    {
      _docket_eadi_append (out, (const char *) ns->prefix);
      g_string_append_c (out, ':');
    }
  _docket_eadi_append (out, (const char *) name);
}

static gboolean write_node (Writer *w, const xmlNode *node);

/* The start tag of @node, without its closing '>'; its own declarations
 * end at *@decls_end, where the top element's added ones go. */
static gboolean
write_start (Writer        *w,
             const xmlNode *node,
             gsize         *decls_end)
{
  g_string_append_c (w->out, '<');
  append_qname (w->out, node->ns, node->name);
  for (const xmlNs *def = node->nsDef; def != NULL; def = def->next)
    if (!append_ns_decl (w->out, def))
      return FALSE;
  *decls_end = w->out->len;
  if (node->ns != NULL && !resolve_ns (w, node, node->ns))
    return FALSE;

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL && !resolve_ns (w, node, attr->ns))
        return FALSE;
      g_string_append_c (w->out, ' ');
      append_qname (w->out, attr->ns, attr->name);
      _docket_eadi_append (w->out, "=\"");
      if (attr->children != NULL)
        {
          if (attr->children->type != XML_TEXT_NODE || attr->children->next != NULL
              || attr->children->content == NULL
              || !_docket_eadi_write_attr_text (w->out, attr->children->content))
            return FALSE;
        }
      g_string_append_c (w->out, '"');
    }
  return TRUE;
}

static gboolean
write_element (Writer        *w,
               const xmlNode *node)
{
  gsize decls_end;

  if (!write_start (w, node, &decls_end))
    return FALSE;
  if (node->children == NULL)
    {
      _docket_eadi_append (w->out, "/>");
      return TRUE;
    }
  g_string_append_c (w->out, '>');
  g_ptr_array_add (w->path, (gpointer) node);
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    if (!write_node (w, child))
      return FALSE;
  g_ptr_array_remove_index (w->path, w->path->len - 1);
  _docket_eadi_append (w->out, "</");
  append_qname (w->out, node->ns, node->name);
  g_string_append_c (w->out, '>');
  return TRUE;
}

static gboolean
write_node (Writer        *w,
            const xmlNode *node)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      return write_element (w, node);
    case XML_TEXT_NODE:
      /* A "textnoenc" node is written without escaping. */
      return (node->name == NULL || strcmp ((const char *) node->name, "textnoenc") != 0)
             && (node->content == NULL || (append_text (w->out, node->content), TRUE));
    default:
      return FALSE;
    }
}

/* The top element's namespaces that its subtree needed, after its own:
 * those its start tag needs are written with it, any that elements inside
 * it need are inserted when it ends. */
static gboolean
insert_hoisted (Writer *w)
{
  gsize old_len = w->out->len;
  gsize added;

  if (w->n_written == w->hoisted->len)
    return TRUE;
  /* Written at the end, then moved into place: no string of their own. */
  for (; w->n_written < w->hoisted->len; w->n_written++)
    {
      const xmlNs *ns = g_ptr_array_index (w->hoisted, w->n_written);
      xmlNs decl = { .type = XML_LOCAL_NAMESPACE, .href = ns->href, .prefix = ns->prefix };

      if (!append_ns_decl (w->out, &decl))
        {
          g_string_truncate (w->out, old_len);
          return FALSE;
        }
    }
  added = w->out->len - old_len;
  if (w->decls_end < old_len && added > 0)
    {
      g_string_insert_len (w->out, w->decls_end, w->out->str + old_len, added);
      g_string_truncate (w->out, old_len + added);
    }
  w->decls_end += added;
  return TRUE;
}

/**
 * _docket_eadi_write_copy:
 * @path: @hoisted: scratch arrays, reused from call to call
 *
 * Appends @node to @out as its copy into the wrapper document is written.
 *
 * Returns: TRUE when done, FALSE (with @out as it was) for a node that
 *   libxml2 must copy
 */
gboolean
_docket_eadi_write_copy (GString       *out,
                         const xmlNode *node,
                         GPtrArray     *path,
                         GPtrArray     *hoisted)
{
  Writer w;
  gsize start = out->len;

  writer_init (&w, out, path, hoisted);
  if (node->type != XML_ELEMENT_NODE || !write_start (&w, node, &w.decls_end)
      || !insert_hoisted (&w))
    goto fail;
  if (node->children == NULL)
    {
      _docket_eadi_append (out, "/>");
      return TRUE;
    }
  g_string_append_c (out, '>');
  g_ptr_array_add (w.path, (gpointer) node);
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    if (!write_node (&w, child))
      goto fail;
  _docket_eadi_append (out, "</");
  append_qname (out, node->ns, node->name);
  g_string_append_c (out, '>');
  if (!insert_hoisted (&w))
    goto fail;
  return TRUE;

fail:
  g_string_truncate (out, start);
  return FALSE;
}

/* @node without the element children @skip picks, as
 * _docket_eadi_extra_add_except() keeps it; FALSE for libxml2 to copy (@out
 * is then to be cut back by the caller). */
gboolean
_docket_eadi_write_copy_except (GString        *out,
                                const xmlNode  *node,
                                gboolean      (*skip) (xmlNodePtr child, gpointer data),
                                gpointer        data,
                                GPtrArray      *path,
                                GPtrArray      *hoisted)
{
  Writer w;
  gboolean any = FALSE;

  /* The element is copied alone, each child on its own. */
  writer_init (&w, out, path, hoisted);
  if (!write_start (&w, node, &w.decls_end) || !insert_hoisted (&w))
    return FALSE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && skip (child, data))
        continue;
      if (!any)
        g_string_append_c (out, '>');
      any = TRUE;
      if (child->type == XML_TEXT_NODE)
        {
          if (!write_node (&w, child))
            return FALSE;
        }
      else if (!_docket_eadi_write_copy (out, child, path, hoisted))
        return FALSE;
    }
  if (!any)
    {
      _docket_eadi_append (out, "/>");
      return TRUE;
    }
  _docket_eadi_append (out, "</");
  append_qname (out, node->ns, node->name);
  g_string_append_c (out, '>');
  return TRUE;
}

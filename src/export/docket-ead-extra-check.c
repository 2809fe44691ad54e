/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "docket-ead-private.h"

/* Elements kept from another tool's finding aid were often invalid there
 * already (a <date> where EAD 2002 allows none, EAD 2002 elements in the
 * EAD3 namespace, an EAD3 <c12> inside <objectxmlwrap>). Docket's
 * guarantee is that every export validates, so each component (or the
 * archdesc) that holds kept elements is validated on its own: a copy of it
 * in a minimal valid document, against every schema of the format. What a
 * schema rejects inside a kept element is changed in the component itself:
 * a rejected attribute is left out; a rejected element inside text is
 * written as its text; any other rejected element is left out. Then the
 * copy is made and validated again, until it is valid. Docket's own
 * elements are valid by construction and are never touched. */

/* A component needs a few rounds when a fix leaves its parent invalid
 * (a wrapper left empty); past this many, all its kept elements go. */
#define MAX_ROUNDS 24

/* Minimal valid documents; the header carries the id every IDREF of the
 * copy is pointed at, since the elements they name are elsewhere in the
 * export (and were checked to be there). */
static const char skeleton_ead3[] =
  "<ead xmlns=\"" DOCKET_EAD3_NS "\"><control id=\"" DOCKET_EAD_ANCHOR_ID "\"><recordid>x</recordid>"
  "<filedesc><titlestmt><titleproper>x</titleproper></titlestmt></filedesc>"
  "<maintenancestatus value=\"new\"/><maintenanceagency><agencyname>x</agencyname></maintenanceagency>"
  "<maintenancehistory><maintenanceevent><eventtype value=\"created\"/><eventdatetime>2026</eventdatetime>"
  "<agenttype value=\"machine\"/><agent>x</agent></maintenanceevent></maintenancehistory></control>"
  "<archdesc level=\"collection\"><did><unittitle>x</unittitle></did><dsc/></archdesc></ead>";
static const char skeleton_ead2002[] =
  "<ead xmlns=\"" DOCKET_EAD2002_NS "\" xmlns:xlink=\"" DOCKET_XLINK_NS "\">"
  "<eadheader id=\"" DOCKET_EAD_ANCHOR_ID "\"><eadid>x</eadid>"
  "<filedesc><titlestmt><titleproper>x</titleproper></titlestmt></filedesc></eadheader>"
  "<archdesc level=\"collection\"><did><unittitle>x</unittitle></did><dsc/></archdesc></ead>";

/* Where a problem is: the child indices from the container down to the
 * element, and the attribute at fault, if the problem is an attribute. */
typedef struct
{
  GArray *steps;
  char   *attr;
  char   *attr_ns;
} Problem;

static void
problem_free (Problem *problem)
{
  g_array_unref (problem->steps);
  g_free (problem->attr);
  g_free (problem->attr_ns);
  g_free (problem);
}

typedef struct
{
  xmlNodePtr  copy;        /* the container in the validated document */
  GPtrArray  *located;     /* of Problem */
  guint       n_unlocated;
} Check;

static guint
child_index (xmlNodePtr node)
{
  guint i = 0;

  for (xmlNodePtr sibling = node->parent->children; sibling != node; sibling = sibling->next)
    i++;
  return i;
}

/* "attribute 'type'" (XSD) or "Invalid attribute type for" (RELAX NG) in
 * a message about an element: that attribute is at fault. */
static char *
attribute_in_message (const char  *message,
                      char       **out_ns)
{
  const char *start = strstr (message, "attribute '");
  const char *end;
  g_autofree char *name = NULL;

  *out_ns = NULL;
  if (start != NULL)
    {
      start += strlen ("attribute '");
      end = strchr (start, '\'');
    }
  else if ((start = strstr (message, "Invalid attribute ")) != NULL)
    {
      start += strlen ("Invalid attribute ");
      end = strstr (start, " for ");
    }
  else
    return NULL;
  if (end == NULL || end == start)
    return NULL;
  name = g_strndup (start, end - start);
  if (name[0] == '{' && strchr (name, '}') != NULL)
    {
      char *close = strchr (name, '}');

      *out_ns = g_strndup (name + 1, close - name - 1);
      return g_strdup (close + 1);
    }
  return g_steal_pointer (&name);
}

static void
on_problem (void        *user_data,
            xmlErrorPtr  error)
{
  Check *check = user_data;
  xmlNodePtr node = error != NULL ? error->node : NULL;
  g_autoptr(GArray) steps = NULL;
  Problem *problem;
  char *attr = NULL;
  char *attr_ns = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;
  if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
    {
      attr = g_strdup ((const char *) node->name);
      if (((xmlAttrPtr) node)->ns != NULL)
        attr_ns = g_strdup ((const char *) ((xmlAttrPtr) node)->ns->href);
      node = node->parent;
    }
  else if (node != NULL && error->message != NULL)
    attr = attribute_in_message (error->message, &attr_ns);

  steps = g_array_new (FALSE, FALSE, sizeof (guint));
  for (; node != NULL && node != check->copy; node = node->parent)
    {
      guint i;

      if (node->parent == NULL)
        {
          node = NULL;
          break;
        }
      i = child_index (node);
      g_array_prepend_val (steps, i);
    }
  /* Outside the container, or the container itself: Docket's own. */
  if (node == NULL || steps->len == 0)
    {
      check->n_unlocated++;
      g_free (attr);
      g_free (attr_ns);
      return;
    }
  problem = g_new0 (Problem, 1);
  problem->steps = g_steal_pointer (&steps);
  problem->attr = attr;
  problem->attr_ns = attr_ns;
  g_ptr_array_add (check->located, problem);
}

/* The element at @steps below @container, or %NULL. */
static xmlNodePtr
follow (xmlNodePtr  container,
        GArray     *steps)
{
  xmlNodePtr node = container;

  for (guint i = 0; node != NULL && i < steps->len; i++)
    {
      guint n = g_array_index (steps, guint, i);

      node = node->children;
      while (node != NULL && n-- > 0)
        node = node->next;
    }
  return node != NULL && node->type == XML_ELEMENT_NODE ? node : NULL;
}

/* The kept element @node is in (a child of the container or of its did,
 * or @node itself), or %NULL when @node is Docket's own. */
static xmlNodePtr
kept_ancestor (xmlNodePtr container,
               xmlNodePtr node)
{
  for (; node != NULL && node != container; node = node->parent)
    if (_docket_ead_is_kept (node))
      return node;
  return NULL;
}

static gboolean
is_ancestor (xmlNodePtr ancestor,
             xmlNodePtr node)
{
  for (node = node->parent; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static gboolean
has_text (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
      for (const xmlChar *p = child->content; p != NULL && *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
  return FALSE;
}

static void
remove_node (xmlNodePtr node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* A converted element a schema rejects goes whole: converted or not at all. */
static void
uncount_converted (DocketEadContext *ctx,
                   xmlNodePtr        node)
{
  if (node->_private != DOCKET_EAD_CONVERTED)
    return;
  ctx->n_converted--;
  _docket_ead_left_out_other (ctx, (const char *) node->name);
}

static void
drop_kept_children (DocketEadContext *ctx,
                    xmlNodePtr        parent)
{
  xmlNodePtr child, next;

  for (child = parent->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type == XML_ELEMENT_NODE && _docket_ead_is_kept (child))
        {
          _docket_ead_warn (ctx, _("%s: left out <%s>, kept from the import: %s does not accept the description with it"),
                            ctx->extra_owner, (const char *) child->name, _docket_ead_format_name (ctx->format));
          uncount_converted (ctx, child);
          remove_node (child);
        }
    }
}

/* Leaves out every kept element of @container and of its did: the schema
 * rejects it for a reason no single element explains. */
static void
drop_all_kept (DocketEadContext *ctx,
               xmlNodePtr        container)
{
  xmlNodePtr did = NULL;

  for (xmlNodePtr child = container->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, (const xmlChar *) "did"))
      did = child;
  drop_kept_children (ctx, container);
  if (did != NULL)
    drop_kept_children (ctx, did);
}

/* Applies the problems of one validation to @container. Returns FALSE
 * when none of them could be acted on. */
static gboolean
fix (DocketEadContext *ctx,
     xmlNodePtr        container,
     GPtrArray        *located)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  gboolean any = FALSE;

  for (guint i = 0; i < located->len; i++)
    {
      Problem *problem = g_ptr_array_index (located, i);
      xmlNodePtr node = follow (container, problem->steps);

      g_ptr_array_add (nodes, node != NULL && kept_ancestor (container, node) != NULL ? node : NULL);
    }

  /* Converted elements with a problem inside go whole, first. */
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      xmlNodePtr top = node != NULL ? kept_ancestor (container, node) : NULL;

      if (top == NULL || top->_private != DOCKET_EAD_CONVERTED)
        continue;
      for (guint j = i; j < nodes->len; j++)
        if (g_ptr_array_index (nodes, j) != NULL &&
            kept_ancestor (container, g_ptr_array_index (nodes, j)) == top)
          g_ptr_array_index (nodes, j) = NULL;
      g_debug ("converted <%s> is not valid where it stands; left out", (const char *) top->name);
      uncount_converted (ctx, top);
      remove_node (top);
      any = TRUE;
    }
  if (any)
    return TRUE;

  /* Attributes first: their element stays. */
  for (guint i = 0; i < located->len; i++)
    {
      Problem *problem = g_ptr_array_index (located, i);
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      xmlAttrPtr attr;

      if (node == NULL || problem->attr == NULL)
        continue;
      attr = xmlHasNsProp (node, (const xmlChar *) problem->attr, (const xmlChar *) problem->attr_ns);
      if (attr == NULL)
        continue;
      {
        g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);

        /* Translators: the record, an attribute and its value, an element name, EAD3 or EAD 2002 */
        _docket_ead_warn (ctx, _("%s: left out %s=\"%s\" of <%s>, kept from the import: %s does not allow it there"),
                          ctx->extra_owner, problem->attr, (const char *) value, (const char *) node->name,
                          _docket_ead_format_name (ctx->format));
      }
      xmlRemoveProp (attr);
      g_ptr_array_index (nodes, i) = NULL;
      any = TRUE;
    }
  if (any)
    return TRUE;

  /* Then elements, the innermost ones: a problem reported on an element
   * that holds another problem is about that one. */
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      gboolean inner = FALSE;

      if (node == NULL)
        continue;
      for (guint j = 0; j < nodes->len && !inner; j++)
        inner = g_ptr_array_index (nodes, j) != NULL && is_ancestor (node, g_ptr_array_index (nodes, j));
      if (inner)
        g_ptr_array_index (nodes, i) = NULL;
    }
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (nodes, i);
      xmlNodePtr parent;

      if (node == NULL)
        continue;
      /* The same element may be reported twice. */
      for (guint j = i + 1; j < nodes->len; j++)
        if (g_ptr_array_index (nodes, j) == node)
          g_ptr_array_index (nodes, j) = NULL;

      parent = node->parent;
      if (!_docket_ead_is_kept (node) && has_text (parent))
        {
          g_autofree xmlChar *text = xmlNodeGetContent (node);
          xmlNodePtr replacement = xmlNewDocText (node->doc, text);

          _docket_ead_warn (ctx, _("%s: wrote <%s> in <%s>, kept from the import, as plain text: %s does not allow it there"),
                            ctx->extra_owner, (const char *) node->name, (const char *) parent->name,
                            _docket_ead_format_name (ctx->format));
          xmlReplaceNode (node, replacement);
          xmlFreeNode (node);
          /* Adjacent text nodes become one, as a parser would make them. */
          if (replacement->prev != NULL && replacement->prev->type == XML_TEXT_NODE)
            {
              xmlNodePtr prev = replacement->prev;

              xmlNodeAddContent (prev, replacement->content);
              remove_node (replacement);
              replacement = prev;
            }
          if (replacement->next != NULL && replacement->next->type == XML_TEXT_NODE)
            {
              xmlNodeAddContent (replacement, replacement->next->content);
              remove_node (replacement->next);
            }
        }
      else
        {
          if (_docket_ead_is_kept (node))
            _docket_ead_warn (ctx, _("%s: left out <%s>, kept from the import: %s does not allow it there"),
                              ctx->extra_owner, (const char *) node->name, _docket_ead_format_name (ctx->format));
          else
            _docket_ead_warn (ctx, _("%s: left out <%s> in <%s>, kept from the import: %s does not allow it there"),
                              ctx->extra_owner, (const char *) node->name, (const char *) parent->name,
                              _docket_ead_format_name (ctx->format));
          remove_node (node);
        }
      any = TRUE;
    }
  return any;
}

static void
point_idrefs_at_anchor (xmlNodePtr node)
{
  static const char * const idrefs[] = { "target", "parent", NULL };

  if (node->type != XML_ELEMENT_NODE)
    return;
  for (guint i = 0; idrefs[i] != NULL; i++)
    {
      xmlAttrPtr attr = xmlHasNsProp (node, (const xmlChar *) idrefs[i], NULL);

      if (attr != NULL)
        xmlSetProp (node, (const xmlChar *) idrefs[i], (const xmlChar *) DOCKET_EAD_ANCHOR_ID);
    }
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    point_idrefs_at_anchor (child);
}

static xmlNodePtr
find_child (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, (const xmlChar *) name))
      return child;
  return NULL;
}

/* A copy of the skeleton with a copy of @container in its place. */
static xmlDocPtr
make_document (DocketEadContext *ctx,
               xmlNodePtr        container,
               xmlNodePtr       *out_copy)
{
  xmlDocPtr doc = xmlCopyDoc (ctx->skeleton, 1);
  xmlNodePtr archdesc = find_child (xmlDocGetRootElement (doc), "archdesc");
  xmlNodePtr copy = xmlDocCopyNode (container, doc, 1);

  if (xmlStrEqual (container->name, (const xmlChar *) "archdesc"))
    {
      xmlReplaceNode (archdesc, copy);
      xmlFreeNode (archdesc);
    }
  else
    xmlAddChild (find_child (archdesc, "dsc"), copy);
  point_idrefs_at_anchor (copy);
  *out_copy = copy;
  return doc;
}

static gboolean
ensure_skeleton (DocketEadContext *ctx)
{
  const char *text = _docket_ead_is_ead3 (ctx) ? skeleton_ead3 : skeleton_ead2002;

  if (ctx->skeleton == NULL)
    ctx->skeleton = xmlReadMemory (text, (int) strlen (text), "skeleton.xml", "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  return ctx->skeleton != NULL;
}

void
_docket_ead_check_kept (DocketEadContext *ctx,
                        xmlNodePtr        container)
{
  guint n_schemas = _docket_ead_n_schemas (ctx->format);

  if (ctx->schemas_dir == NULL || !ensure_skeleton (ctx))
    return;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      gboolean valid = TRUE;

      for (guint i = 0; i < n_schemas && valid; i++)
        {
          g_autoptr(GPtrArray) located = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
          g_autoptr(GError) error = NULL;
          Check check = { NULL, located, 0 };
          xmlDocPtr doc = make_document (ctx, container, &check.copy);
          int rc = _docket_ead_validate_doc (ctx->format, i, ctx->schemas_dir, doc, on_problem, &check, &error);

          xmlFreeDoc (doc);
          if (rc < 0)
            {
              /* Without a schema, kept elements are only sanitized. */
              g_debug ("kept elements are not checked: %s", error->message);
              ctx->schemas_dir = NULL;
              return;
            }
          if (rc == 0)
            continue;
          valid = FALSE;
          if (!fix (ctx, container, located))
            {
              drop_all_kept (ctx, container);
              return;
            }
        }
      if (valid)
        return;
    }
  drop_all_kept (ctx, container);
}

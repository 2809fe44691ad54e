/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "docket-ead-private.h"

/* Elements an EAD import kept without mapping them are written back into
 * the component (or archdesc) they came from. They are parsed with the
 * network and entities off; only elements in the namespace of the output
 * format survive (DTD-flavoured EAD 2002, without a namespace, is moved
 * into the EAD 2002 namespace with xlink-prefixed link attributes; EAD3 in
 * the undeprecated namespace into EAD3); ids that clash with the file's
 * are dropped, and so are targets that do not resolve. Attribute values
 * the schemas refuse are dropped here; what else a schema rejects, the
 * check in context (docket-ead-extra-check.c) leaves out. Everything left
 * out is reported in the warnings of the export. */

#define EAD3_UNDEPRECATED_NS "http://ead3.archivists.org/schema/undeprecated/"

void
_docket_ead_warn (DocketEadContext *ctx,
                  const char       *format,
                  ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ctx->warnings != NULL)
    g_ptr_array_add (ctx->warnings, message);
  else
    {
      g_debug ("%s", message);
      g_free (message);
    }
}

/* Elements never written back: Docket writes them itself, or they would
 * break the component's content model. */
static const char * const refused[] = {
  "did", "dsc", "head", "thead", "c", "c01", "c02", "c03", "c04", "c05",
  "c06", "c07", "c08", "c09", "c10", "c11", "c12", NULL
};

static gboolean
in_list (const char * const *list,
         const xmlChar      *name)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (xmlStrEqual ((const xmlChar *) list[i], name))
      return TRUE;
  return FALSE;
}

/* The xlink:type each EAD 2002 linking element takes. */
static const char *
xlink_type_for (const xmlChar *name)
{
  static const char * const simple[] = {
    "archref", "bibref", "dao", "extptr", "extref", "ptr", "ref", "title", NULL
  };
  static const char * const locator[] = {
    "daoloc", "extptrloc", "extrefloc", "ptrloc", "refloc", NULL
  };

  if (in_list (simple, name))
    return "simple";
  if (in_list (locator, name))
    return "locator";
  if (xmlStrEqual (name, (const xmlChar *) "daogrp") || xmlStrEqual (name, (const xmlChar *) "linkgrp"))
    return "extended";
  if (xmlStrEqual (name, (const xmlChar *) "resource"))
    return "resource";
  if (xmlStrEqual (name, (const xmlChar *) "arc"))
    return "arc";
  return NULL;
}

/* The EAD 2002 RELAX NG schema needs xlink:type wherever a link is; the
 * optional ones (archref, bibref, title) only when another xlink attribute
 * is there. DTD-flavoured files spell the attributes without a prefix. */
static void
fix_2002_links (xmlNodePtr node,
                xmlNsPtr   ns,
                xmlNsPtr   xlink)
{
  static const char * const link_attrs[] = {
    "href", "role", "arcrole", "title", "show", "actuate", "from", "to", "label", NULL
  };
  const char *type;
  gboolean any_xlink = FALSE;
  xmlAttrPtr attr, next;

  if (node->type != XML_ELEMENT_NODE)
    return;
  if (node->ns == NULL)
    node->ns = ns;

  type = xlink_type_for (node->name);
  for (attr = node->properties; attr != NULL; attr = next)
    {
      next = attr->next;
      if (type != NULL && attr->ns == NULL &&
          (in_list (link_attrs, attr->name) || xmlStrEqual (attr->name, (const xmlChar *) "linktype")))
        {
          g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);
          const char *name = xmlStrEqual (attr->name, (const xmlChar *) "linktype")
                             ? "type" : (const char *) attr->name;

          if (xmlStrEqual (attr->name, (const xmlChar *) "actuate"))
            {
              if (xmlStrEqual (value, (const xmlChar *) "onload"))
                xmlFree (value), value = xmlStrdup ((const xmlChar *) "onLoad");
              else if (xmlStrEqual (value, (const xmlChar *) "onrequest"))
                xmlFree (value), value = xmlStrdup ((const xmlChar *) "onRequest");
              else if (xmlStrEqual (value, (const xmlChar *) "actuateother"))
                xmlFree (value), value = xmlStrdup ((const xmlChar *) "other");
              else if (xmlStrEqual (value, (const xmlChar *) "actuatenone"))
                xmlFree (value), value = xmlStrdup ((const xmlChar *) "none");
            }
          xmlRemoveProp (attr);
          xmlSetNsProp (node, xlink, (const xmlChar *) name, value);
          any_xlink = TRUE;
        }
      else if (attr->ns != NULL && xmlStrEqual (attr->ns->href, (const xmlChar *) DOCKET_XLINK_NS))
        any_xlink = TRUE;
    }
  if (type != NULL && xmlHasNsProp (node, (const xmlChar *) "type", (const xmlChar *) DOCKET_XLINK_NS) == NULL &&
      (any_xlink || (!xmlStrEqual (node->name, (const xmlChar *) "archref") &&
                     !xmlStrEqual (node->name, (const xmlChar *) "bibref") &&
                     !xmlStrEqual (node->name, (const xmlChar *) "title"))))
    xmlSetNsProp (node, xlink, (const xmlChar *) "type", (const xmlChar *) type);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    fix_2002_links (child, ns, xlink);
}

static gboolean
is_normal_date (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "/", 3);
  guint n = g_strv_length (parts);

  if (n < 1 || n > 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = _docket_ead_normalize_date (parts[i]);

      if (date == NULL || strcmp (date, parts[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Attribute values kept from another tool's file that the schemas of the
 * output format refuse (many real finding aids are not valid against the
 * stricter EAD 2002 release) are dropped or made valid; an element-only
 * wrapper left empty by the import goes. Returns FALSE when @node should go. */
static gboolean
sanitize (DocketEadContext *ctx,
          xmlNodePtr        node)
{
  gboolean ead3 = _docket_ead_is_ead3 (ctx);
  xmlAttrPtr attr, next_attr;
  xmlNodePtr child, next;
  gboolean any_element = FALSE;

  for (attr = node->properties; attr != NULL; attr = next_attr)
    {
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) attr);
      const char *name = (const char *) attr->name;
      gboolean ok = TRUE;

      next_attr = attr->next;
      if (attr->ns != NULL)
        continue;
      if (strcmp (name, "langcode") == 0)
        ok = ead3 ? _docket_ead_is_nmtoken (value) : _docket_ead_is_language_code (value);
      else if (strcmp (name, "scriptcode") == 0)
        ok = ead3 ? _docket_ead_is_nmtoken (value) : _docket_ead_is_script_code (value);
      else if (strcmp (name, "countrycode") == 0)
        ok = ead3 ? _docket_ead_is_nmtoken (value) : _docket_ead_is_country_code (value);
      else if (!ead3 && (strcmp (name, "repositorycode") == 0 || strcmp (name, "mainagencycode") == 0))
        ok = _docket_ead_is_isil (value);
      else if (!ead3 && strcmp (name, "normal") == 0 &&
               (xmlStrEqual (node->name, (const xmlChar *) "unitdate") ||
                xmlStrEqual (node->name, (const xmlChar *) "date")))
        ok = is_normal_date (value);
      else if (!ead3 && strcmp (name, "inline") == 0)
        ok = FALSE; /* an attribute of the old DTD's links, not of the schema */
      else if (!ead3 && strcmp (name, "type") == 0 && xmlStrEqual (node->name, (const xmlChar *) "container") &&
               !_docket_ead_is_nmtoken (value))
        {
          g_autofree char *token = _docket_ead_to_nmtoken (value);

          if (token != NULL)
            xmlSetProp (node, attr->name, (const xmlChar *) token);
          ok = token != NULL;
        }
      if (!ok)
        {
          /* Translators: the record, an attribute and its value, an element name */
          _docket_ead_warn (ctx, _("%s: left out %s=\"%s\" of <%s>, kept from the import: %s does not allow that value"),
                            ctx->extra_owner, name, value, (const char *) node->name,
                            _docket_ead_format_name (ctx->format));
          xmlRemoveProp (attr);
        }
    }

  for (child = node->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!sanitize (ctx, child))
        {
          _docket_ead_warn (ctx, _("%s: left out an empty <%s>, kept from the import"),
                            ctx->extra_owner, (const char *) child->name);
          xmlUnlinkNode (child);
          xmlFreeNode (child);
          continue;
        }
      if (!xmlStrEqual (child->name, (const xmlChar *) "head"))
        any_element = TRUE;
    }
  /* Wrappers that need a child besides their head. */
  if (!any_element &&
      (xmlStrEqual (node->name, (const xmlChar *) "controlaccess") ||
       xmlStrEqual (node->name, (const xmlChar *) "relatedmaterial") ||
       xmlStrEqual (node->name, (const xmlChar *) "bibliography") ||
       xmlStrEqual (node->name, (const xmlChar *) "descgrp")))
    return FALSE;
  return TRUE;
}

static void
claim_ids (DocketEadContext *ctx,
           xmlNodePtr        node)
{
  xmlAttrPtr id;

  if (node->type != XML_ELEMENT_NODE)
    return;
  id = xmlHasProp (node, (const xmlChar *) "id");
  if (id != NULL && id->ns == NULL)
    {
      g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) id);

      if (!_docket_ead_ids_claim (ctx->ids, (const char *) value))
        xmlRemoveProp (id);
    }
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    claim_ids (ctx, child);
}

static void
drop_dangling (DocketEadContext *ctx,
               xmlNodePtr        node)
{
  static const char * const idrefs[] = { "target", "parent", NULL };

  if (node->type != XML_ELEMENT_NODE)
    return;
  for (guint i = 0; idrefs[i] != NULL; i++)
    {
      xmlAttrPtr attr = xmlHasProp (node, (const xmlChar *) idrefs[i]);
      g_autofree xmlChar *value = NULL;
      g_auto(GStrv) refs = NULL;
      gboolean ok = TRUE;

      if (attr == NULL || attr->ns != NULL)
        continue;
      value = xmlNodeGetContent ((xmlNodePtr) attr);
      refs = g_strsplit_set ((const char *) value, " \t\n\r", -1);
      for (guint j = 0; refs[j] != NULL; j++)
        if (refs[j][0] != '\0' && !_docket_ead_ids_contains (ctx->ids, refs[j]))
          ok = FALSE;
      if (!ok)
        {
          /* Translators: the record, an attribute and its value, an element name */
          _docket_ead_warn (ctx, _("%s: left out %s=\"%s\" of <%s>, kept from the import: "
                                   "it names an element that is not in the export"),
                            ctx->extra_owner, idrefs[i], (const char *) value, (const char *) node->name);
          xmlRemoveProp (attr);
        }
    }
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    drop_dangling (ctx, child);
}

#define EXTRA_NS "urn:x-docket:ead-extra"

static gboolean
is_extra (xmlNodePtr  node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) EXTRA_NS) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

/* Parses the wrapper the EAD reader writes (docket-ead-import-private.h):
 *
 *   <dx:extra xmlns:dx="urn:x-docket:ead-extra" format="ead3|ead2002" [level=… otherlevel=…]>
 *     <dx:did>…</dx:did> <dx:desc>…</dx:desc>
 *   </dx:extra>
 */
static xmlDocPtr
parse_extra (const char *extra_xml)
{
  xmlDocPtr doc;

  if (extra_xml == NULL || extra_xml[0] == '\0')
    return NULL;
  doc = xmlReadMemory (extra_xml, (int) strlen (extra_xml), "extra.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                       XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      g_debug ("kept EAD elements are not well-formed; left out");
      return NULL;
    }
  if (xmlDocGetRootElement (doc) == NULL || !is_extra (xmlDocGetRootElement (doc), "extra"))
    {
      g_debug ("kept EAD elements are not in a dx:extra wrapper; left out");
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

char *
_docket_ead_extra_level (const char  *extra_xml,
                         char       **out_otherlevel)
{
  xmlDocPtr doc = parse_extra (extra_xml);
  xmlChar *level, *other;
  char *result;

  *out_otherlevel = NULL;
  if (doc == NULL)
    return NULL;
  level = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "level");
  other = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "otherlevel");
  result = g_strdup ((const char *) level);
  *out_otherlevel = g_strdup ((const char *) other);
  xmlFree (level);
  xmlFree (other);
  xmlFreeDoc (doc);
  return result;
}

/* Only the start tag of the wrapper is read: this runs for every record
 * before the export starts. */
char *
_docket_ead_extra_component_id (const char *extra_xml)
{
  xmlTextReaderPtr reader;
  char *cid = NULL;

  if (extra_xml == NULL || strstr (extra_xml, "cid=") == NULL)
    return NULL;
  reader = xmlReaderForMemory (extra_xml, (int) strlen (extra_xml), "extra.xml", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return NULL;
  if (xmlTextReaderRead (reader) == 1 &&
      xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
      xmlStrEqual (xmlTextReaderConstLocalName (reader), (const xmlChar *) "extra") &&
      xmlStrEqual (xmlTextReaderConstNamespaceUri (reader), (const xmlChar *) EXTRA_NS))
    {
      xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) "cid");

      cid = g_strdup ((const char *) value);
      xmlFree (value);
    }
  xmlFreeTextReader (reader);
  return cid;
}

/* EAD3 in its undeprecated namespace is EAD3 with the deprecated elements
 * back: moved into the EAD3 namespace; what EAD3 has no more, the check in
 * context leaves out. */
static void
move_undeprecated (xmlNodePtr node,
                   xmlNsPtr   ead3)
{
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (node->ns != NULL && xmlStrEqual (node->ns->href, (const xmlChar *) EAD3_UNDEPRECATED_NS))
    node->ns = ead3;
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL && xmlStrEqual (attr->ns->href, (const xmlChar *) EAD3_UNDEPRECATED_NS))
      attr->ns = NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    move_undeprecated (child, ead3);
}

static void
collect (DocketEadContext *ctx,
         xmlNodePtr        place,
         gboolean          in_did,
         xmlNsPtr          ns2002,
         xmlNsPtr          ns3,
         xmlNsPtr          xlink,
         GPtrArray        *kept,
         GArray           *kept_in_did)
{
  const char *target_ns = _docket_ead_is_ead3 (ctx) ? DOCKET_EAD3_NS : DOCKET_EAD2002_NS;
  xmlNodePtr node, next;

  for (node = place->children; node != NULL; node = next)
    {
      next = node->next;
      if (node->type != XML_ELEMENT_NODE || in_list (refused, node->name))
        continue;
      if (node->ns == NULL && !_docket_ead_is_ead3 (ctx))
        node->ns = ns2002; /* DTD-flavoured EAD 2002 */
      if (node->ns != NULL && _docket_ead_is_ead3 (ctx) &&
          xmlStrEqual (node->ns->href, (const xmlChar *) EAD3_UNDEPRECATED_NS))
        move_undeprecated (node, ns3);
      if (node->ns == NULL || !xmlStrEqual (node->ns->href, (const xmlChar *) target_ns))
        {
          /* The other EAD version: converted where that is faithful
           * (docket-ead-extra-convert.c), left out and counted otherwise. */
          gboolean ead2002 = node->ns == NULL ||
                             xmlStrEqual (node->ns->href, (const xmlChar *) DOCKET_EAD2002_NS);
          gboolean ead3 = node->ns != NULL &&
                          (xmlStrEqual (node->ns->href, (const xmlChar *) DOCKET_EAD3_NS) ||
                           xmlStrEqual (node->ns->href, (const xmlChar *) EAD3_UNDEPRECATED_NS));

          if (_docket_ead_is_ead3 (ctx) ? !ead2002 : !ead3)
            {
              _docket_ead_left_out_other (ctx, (const char *) node->name);
              continue;
            }
          if (ead2002)
            fix_2002_links (node, ns2002, xlink); /* the DTD's spelling, moved into the namespace */
          else
            move_undeprecated (node, ns3);
          node = _docket_ead_convert_kept (ctx, node, _docket_ead_is_ead3 (ctx) ? ns3 : ns2002, xlink);
          if (node == NULL)
            continue;
        }
      if (!_docket_ead_is_ead3 (ctx))
        fix_2002_links (node, ns2002, xlink);
      if (!sanitize (ctx, node))
        {
          if (node->_private == DOCKET_EAD_CONVERTED)
            {
              ctx->n_converted--;
              _docket_ead_left_out_other (ctx, (const char *) node->name);
            }
          continue;
        }
      g_ptr_array_add (kept, node);
      g_array_append_val (kept_in_did, in_did);
    }
}

void
_docket_ead_add_extra_xml (DocketEadContext *ctx,
                           xmlNodePtr        parent,
                           xmlNodePtr        did,
                           const char       *extra_xml,
                           const char       *record_id)
{
  xmlDocPtr doc = parse_extra (extra_xml);
  g_autofree char *owner = NULL;
  xmlNodePtr root, place;
  xmlNsPtr ns2002, ns3, xlink;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GArray) kept_in_did = NULL;

  if (doc == NULL)
    return;
  root = xmlDocGetRootElement (doc);
  xlink = xmlNewNs (root, (const xmlChar *) DOCKET_XLINK_NS, (const xmlChar *) "xlink");
  if (xlink == NULL)
    xlink = xmlSearchNsByHref (doc, root, (const xmlChar *) DOCKET_XLINK_NS);
  ns2002 = xmlNewNs (root, (const xmlChar *) DOCKET_EAD2002_NS, (const xmlChar *) "ead");
  if (ns2002 == NULL)
    ns2002 = xmlSearchNsByHref (doc, root, (const xmlChar *) DOCKET_EAD2002_NS);
  ns3 = xmlNewNs (root, (const xmlChar *) DOCKET_EAD3_NS, (const xmlChar *) "ead3");
  if (ns3 == NULL)
    ns3 = xmlSearchNsByHref (doc, root, (const xmlChar *) DOCKET_EAD3_NS);

  /* Translators: who kept elements belong to, in warnings */
  owner = record_id != NULL ? g_strdup_printf (_("record %s"), record_id)
                            : g_strdup_printf (_("collection %s"),
                                               ctx->collection != NULL && ctx->collection->id != NULL
                                               ? ctx->collection->id : "docket-export");
  ctx->extra_owner = owner;

  kept = g_ptr_array_new ();
  kept_in_did = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (place = root->children; place != NULL; place = place->next)
    {
      if (is_extra (place, "did"))
        collect (ctx, place, TRUE, ns2002, ns3, xlink, kept, kept_in_did);
      else if (is_extra (place, "desc"))
        collect (ctx, place, FALSE, ns2002, ns3, xlink, kept, kept_in_did);
    }

  for (guint i = 0; i < kept->len; i++)
    claim_ids (ctx, g_ptr_array_index (kept, i));
  for (guint i = 0; i < kept->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (kept, i);
      gboolean in_did = g_array_index (kept_in_did, gboolean, i);
      xmlNodePtr dest = in_did && did != NULL ? did : parent;

      drop_dangling (ctx, node);
      xmlUnlinkNode (node);
      if (xmlDOMWrapAdoptNode (NULL, doc, node, ctx->doc, dest, 0) != 0)
        {
          xmlFreeNode (node);
          continue;
        }
      /* Marked so that a default Docket writes itself can give way to it. */
      if (node->_private != DOCKET_EAD_CONVERTED)
        node->_private = (gpointer) &_docket_ead_add_extra_xml;
      xmlAddChild (dest, node);
    }
  xmlFreeDoc (doc);

  if (kept->len > 0)
    _docket_ead_check_kept (ctx, parent);
  ctx->extra_owner = NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-convert.h"

#include "docket-ead-private.h"

/* Converts a kept element between EAD 2002 and EAD3 with the table of
 * docket-ead-convert-table.c. The element is converted whole or not at
 * all: a descendant or an attribute with no place in the other version
 * (or a child its new parent does not take there) leaves it as it was,
 * and says why. Nothing is guessed: values keep their spelling except
 * where the two versions spell the same value differently. */

typedef struct
{
  gboolean  to_ead3;
  xmlNsPtr  ns;
  xmlNsPtr  xlink;
  char     *reason;
} Conversion;

static gboolean
fail (Conversion *conv,
      char       *reason)
{
  if (conv->reason == NULL)
    conv->reason = reason;
  else
    g_free (reason);
  return FALSE;
}

static gboolean
in_words (const char *words,
          const char *name)
{
  gsize len = strlen (name);

  for (const char *p = words; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, ' ');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == len && strncmp (p, name, len) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

static const char *
target_name (const DocketEadcRule *rule,
             gboolean              to_ead3)
{
  return to_ead3 && rule->ead3_name != NULL ? rule->ead3_name : rule->name;
}

/* The value of an attribute in the other version, or NULL to leave it
 * out because the other version says the same without it. */
static const char *
map_value (Conversion           *conv,
           const DocketEadcAttr *attr,
           const char           *name,
           const char           *value,
           xmlNodePtr            src)
{
  static const char * const actuate[] = { "onLoad", "onload", "onRequest", "onrequest", NULL };
  /* EAD3 spells list numbering as CSS does. */
  static const char * const numeration[] = {
    "arabic", "decimal", "upperalpha", "upper-alpha", "loweralpha", "lower-alpha",
    "upperroman", "upper-roman", "lowerroman", "lower-roman", NULL
  };

  if (attr->family == DOCKET_EADC_LINK && strcmp (name, "actuate") == 0)
    for (guint i = 0; actuate[i] != NULL; i += 2)
      if (strcmp (value, actuate[conv->to_ead3 ? i : i + 1]) == 0)
        return actuate[conv->to_ead3 ? i + 1 : i];
  if (attr->family == DOCKET_EADC_LIST && strcmp (name, "numeration") == 0)
    for (guint i = 0; numeration[i] != NULL; i += 2)
      if (strcmp (value, numeration[conv->to_ead3 ? i : i + 1]) == 0)
        return numeration[conv->to_ead3 ? i + 1 : i];
  if (attr->family == DOCKET_EADC_UNITDATE && conv->to_ead3)
    return strcmp (value, "single") == 0 ? NULL : value;
  if (attr->family == DOCKET_EADC_LIST && strcmp (attr->name_2002, "type") == 0)
    {
      if (conv->to_ead3)
        return strcmp (value, "simple") == 0 || strcmp (value, "marked") == 0 ? "unordered" : value;
      if (strcmp (value, "unordered") == 0)
        return xmlHasProp (src, (const xmlChar *) "mark") != NULL ? "marked" : "simple";
    }
  return value;
}

static gboolean
convert_attrs (Conversion           *conv,
               const DocketEadcRule *rule,
               xmlNodePtr            src,
               xmlNodePtr            dest)
{
  guint from = conv->to_ead3 ? rule->attrs_2002 : rule->attrs_ead3;
  guint to = conv->to_ead3 ? rule->attrs_ead3 : rule->attrs_2002;
  guint n_attrs;
  const DocketEadcAttr *attrs = _docket_eadc_attrs (&n_attrs);

  for (xmlAttrPtr attr = src->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      gboolean xlink = attr->ns != NULL && xmlStrEqual (attr->ns->href, (const xmlChar *) DOCKET_XLINK_NS);
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) attr);
      const DocketEadcAttr *found = NULL;
      const char *new_value;

      if (attr->ns != NULL && !xlink)
        return fail (conv, g_strdup_printf ("%s:%s", (const char *) attr->ns->prefix, name));
      /* Implied by the element; "inline" is the old DTD's. */
      if (conv->to_ead3 && ((xlink && strcmp (name, "type") == 0) || strcmp (name, "inline") == 0))
        continue;
      if (!conv->to_ead3 && rule->kind == DOCKET_EADC_DAO && strcmp (name, "daotype") == 0 &&
          strcmp (value, "unknown") == 0)
        continue;
      for (guint i = 0; i < n_attrs && found == NULL; i++)
        {
          const char *from_name = conv->to_ead3 ? attrs[i].name_2002 : attrs[i].name_ead3;

          if (from_name != NULL && strcmp (from_name, name) == 0 && (attrs[i].family & from) != 0 &&
              (!conv->to_ead3 || attrs[i].xlink == xlink))
            found = &attrs[i];
        }
      if (found == NULL || (found->family & to) == 0 ||
          (conv->to_ead3 ? found->name_ead3 : found->name_2002) == NULL)
        return fail (conv, g_strdup_printf ("@%s of <%s>", name, (const char *) src->name));
      new_value = map_value (conv, found, name, value, src);
      if (new_value == NULL)
        continue;
      if (conv->to_ead3)
        xmlSetProp (dest, (const xmlChar *) found->name_ead3, (const xmlChar *) new_value);
      else if (found->xlink)
        xmlSetNsProp (dest, conv->xlink, (const xmlChar *) found->name_2002, (const xmlChar *) new_value);
      else
        xmlSetProp (dest, (const xmlChar *) found->name_2002, (const xmlChar *) new_value);
    }
  if (conv->to_ead3 && rule->kind == DOCKET_EADC_DAO)
    xmlSetProp (dest, (const xmlChar *) "daotype", (const xmlChar *) "unknown");
  return TRUE;
}

static gboolean
is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* EAD3 access terms hold <part>s, EAD 2002 ones text: only a term of
 * text alone, or of one <part> without attributes, converts. */
static gboolean
convert_parts (Conversion *conv,
               xmlNodePtr  src,
               xmlNodePtr  dest)
{
  xmlNodePtr part = NULL;

  if (conv->to_ead3)
    {
      g_autofree xmlChar *text = NULL;

      for (xmlNodePtr child = src->children; child != NULL; child = child->next)
        if (child->type != XML_TEXT_NODE)
          return fail (conv, g_strdup_printf ("<%s> in <%s>", (const char *) child->name,
                                              (const char *) src->name));
      text = xmlNodeGetContent (src);
      xmlNewTextChild (dest, conv->ns, (const xmlChar *) "part", text);
      return TRUE;
    }
  for (xmlNodePtr child = src->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && is_blank (child->content))
        continue;
      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, (const xmlChar *) "part") ||
          part != NULL || child->properties != NULL)
        return fail (conv, g_strdup_printf ("<%s> of more than one <part>", (const char *) src->name));
      part = child;
    }
  for (xmlNodePtr child = part != NULL ? part->children : NULL; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE)
      return fail (conv, g_strdup_printf ("<%s> in <part>", (const char *) child->name));
  if (part != NULL)
    {
      g_autofree xmlChar *text = xmlNodeGetContent (part);

      xmlNodeAddContent (dest, text);
    }
  return TRUE;
}

static xmlNodePtr
convert_element (Conversion *conv,
                 xmlNodePtr  src)
{
  const DocketEadcRule *rule = _docket_eadc_rule ((const char *) src->name, !conv->to_ead3);
  xmlNodePtr dest;
  gboolean ok = TRUE;

  if (rule == NULL)
    {
      fail (conv, g_strdup_printf ("<%s>", (const char *) src->name));
      return NULL;
    }
  dest = xmlNewDocNode (src->doc, conv->ns, (const xmlChar *) target_name (rule, conv->to_ead3), NULL);
  ok = convert_attrs (conv, rule, src, dest);
  if (ok && rule->kind == DOCKET_EADC_PARTS)
    ok = convert_parts (conv, src, dest);
  for (xmlNodePtr child = src->children; ok && rule->kind != DOCKET_EADC_PARTS && child != NULL;
       child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (!(conv->to_ead3 ? rule->text_ead3 : rule->text_2002) && !is_blank (child->content))
            ok = fail (conv, g_strdup_printf ("text in <%s>", (const char *) src->name));
          else
            xmlAddChild (dest, xmlNewDocText (src->doc, child->content));
          break;
        case XML_COMMENT_NODE:
          xmlAddChild (dest, xmlNewDocComment (src->doc, child->content));
          break;
        case XML_ELEMENT_NODE:
          {
            const DocketEadcRule *child_rule = _docket_eadc_rule ((const char *) child->name, !conv->to_ead3);
            xmlNodePtr converted;

            if (child_rule == NULL || child->ns == NULL || src->ns == NULL ||
                !xmlStrEqual (child->ns->href, src->ns->href) ||
                !in_words (conv->to_ead3 ? rule->children_ead3 : rule->children_2002,
                           target_name (child_rule, conv->to_ead3)))
              {
                ok = fail (conv, g_strdup_printf ("<%s> in <%s>", (const char *) child->name,
                                                  (const char *) src->name));
                break;
              }
            converted = convert_element (conv, child);
            if (converted == NULL)
              ok = FALSE;
            else
              xmlAddChild (dest, converted);
          }
          break;
        default:
          ok = fail (conv, g_strdup_printf ("a node of type %d in <%s>", (int) child->type,
                                            (const char *) src->name));
          break;
        }
    }
  if (!ok)
    {
      xmlFreeNode (dest);
      return NULL;
    }
  return dest;
}

/* A copy of @node (in the other version's namespace) in the version of
 * @ns, in the same document, or NULL with what stands in the way in
 * @out_reason ("<extent> in <physdesc>", "@continuation of <list>"). */
xmlNodePtr
_docket_ead_convert (xmlNodePtr   node,
                     gboolean     to_ead3,
                     xmlNsPtr     ns,
                     xmlNsPtr     xlink,
                     char       **out_reason)
{
  Conversion conv = { to_ead3, ns, xlink, NULL };
  xmlNodePtr converted = convert_element (&conv, node);

  if (converted == NULL && conv.reason == NULL)
    conv.reason = g_strdup_printf ("<%s>", (const char *) node->name);
  if (out_reason != NULL)
    *out_reason = g_steal_pointer (&conv.reason);
  g_free (conv.reason);
  return converted;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-problem.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "docket-ead-private.h"
#include "docket-field.h"

/* A validation problem is reported on an element of the finding aid; the
 * writer (docket-ead-component.c, EAD-MAPPING.md § 1.2) wrote each element
 * of a `c` from one field of the record, so the element, its ancestors up
 * to the `c` and their localtype name that field. */

G_DEFINE_BOXED_TYPE (DocketEadProblem, docket_ead_problem, docket_ead_problem_copy, docket_ead_problem_free)

DocketEadProblem *
docket_ead_problem_new (void)
{
  return g_new0 (DocketEadProblem, 1);
}

DocketEadProblem *
docket_ead_problem_copy (const DocketEadProblem *problem)
{
  DocketEadProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = docket_ead_problem_new ();
  copy->line = problem->line;
  copy->schema = g_strdup (problem->schema);
  copy->c_id = g_strdup (problem->c_id);
  copy->record_id = g_strdup (problem->record_id);
  copy->element = g_strdup (problem->element);
  copy->attribute = g_strdup (problem->attribute);
  copy->field = g_strdup (problem->field);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
docket_ead_problem_free (DocketEadProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->schema);
  g_free (problem->c_id);
  g_free (problem->record_id);
  g_free (problem->element);
  g_free (problem->attribute);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/**
 * docket_ead_problem_get_field_label:
 *
 * Returns: (nullable): the translated label of the problem's field ("Date
 *   as written"), or of its list ("Agents", "Footnotes"); %NULL when the
 *   problem comes from no field
 */
const char *
docket_ead_problem_get_field_label (const DocketEadProblem *problem)
{
  DocketField field;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->field == NULL)
    return NULL;
  if (docket_field_from_key (problem->field, &field))
    return docket_field_get_label (field);
  if (g_str_equal (problem->field, "agents"))
    return docket_field_group_get_label (DOCKET_FIELD_GROUP_AGENTS);
  if (g_str_equal (problem->field, "access_points"))
    return docket_field_group_get_label (DOCKET_FIELD_GROUP_ACCESS_POINTS);
  if (g_str_equal (problem->field, "footnotes"))
    return _("Footnotes");
  if (g_str_equal (problem->field, "body"))
    return _("Text of the document");
  return problem->field;
}

/**
 * docket_ead_problem_to_string:
 *
 * Returns: (transfer full): one translated line, "Record frus1964-68v05d206,
 *   Date as written: …", for the user
 */
char *
docket_ead_problem_to_string (const DocketEadProblem *problem)
{
  const char *label;

  g_return_val_if_fail (problem != NULL, NULL);

  label = docket_ead_problem_get_field_label (problem);
  if (problem->record_id != NULL && label != NULL)
    /* Translators: a validation problem: the record id, the field's label, libxml2's message */
    return g_strdup_printf (_("Record %s, %s: %s"), problem->record_id, label, problem->message);
  if (problem->record_id != NULL && problem->element != NULL)
    /* Translators: a validation problem: the record id, an XML element's name, libxml2's message */
    return g_strdup_printf (_("Record %s, element “%s”: %s"), problem->record_id, problem->element,
                            problem->message);
  if (problem->element != NULL)
    /* Translators: a validation problem outside any record: line, XML element, libxml2's message */
    return g_strdup_printf (_("Line %d, element “%s”: %s"), problem->line, problem->element,
                            problem->message);
  return g_strdup_printf (_("Line %d: %s"), problem->line, problem->message);
}

/* Mapping */

static gboolean
is_c (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE &&
         (xmlStrEqual (node->name, (const xmlChar *) "c") ||
          (xmlStrlen (node->name) == 3 && node->name[0] == 'c' && g_ascii_isdigit (node->name[1])));
}

static gboolean
named (xmlNodePtr  node,
       const char *name)
{
  return node != NULL && xmlStrEqual (node->name, (const xmlChar *) name);
}

/* @localtype in EAD3, @type in EAD 2002, as the writer's set_localtype(). */
static gboolean
has_localtype (xmlNodePtr  node,
               const char *value)
{
  xmlChar *localtype;
  gboolean same;

  if (node == NULL)
    return FALSE;
  localtype = xmlGetProp (node, (const xmlChar *) "localtype");
  if (localtype == NULL)
    localtype = xmlGetProp (node, (const xmlChar *) "type");
  same = localtype != NULL && xmlStrEqual (localtype, (const xmlChar *) value);
  xmlFree (localtype);
  return same;
}

/* The date as written is the text of unitdate or datesingle; the ISO dates
 * are its normal and standarddate attributes, or fromdate and todate. */
static const char *
date_field (xmlNodePtr  date,
            xmlNodePtr  element,
            const char *attribute)
{
  if (g_strcmp0 (attribute, "certainty") == 0)
    return "date.certainty";
  if (g_strcmp0 (attribute, "notafter") == 0)
    return "date.to";
  if (g_strcmp0 (attribute, "normal") == 0 || g_strcmp0 (attribute, "standarddate") == 0 ||
      g_strcmp0 (attribute, "notbefore") == 0)
    return "date.from";
  for (xmlNodePtr node = element; node != NULL && node != date; node = node->parent)
    {
      if (named (node, "todate"))
        return "date.to";
      if (named (node, "fromdate"))
        return "date.from";
    }
  return "date.text";
}

/* @section is the child of the `c` that holds @element, @inner the child of
 * @section that holds it (or @element itself). */
static const char *
field_for (xmlNodePtr  c,
           xmlNodePtr  section,
           xmlNodePtr  inner,
           xmlNodePtr  element,
           const char *attribute)
{
  /* A footnote, wherever it is, is edited in the footnotes pane. */
  for (xmlNodePtr node = element; node != NULL && node != c; node = node->parent)
    if (named (node, "footnote") || named (node, "note"))
      return "footnotes";

  if (section == NULL)
    return g_strcmp0 (attribute, "level") == 0 || g_strcmp0 (attribute, "otherlevel") == 0 ? "level" : NULL;

  if (named (section, "did"))
    {
      if (inner == NULL)
        return NULL;
      if (named (inner, "unitid"))
        return has_localtype (inner, "document-number") ? "number" : "id";
      if (named (inner, "unittitle"))
        {
          if (has_localtype (inner, "frus-heading"))
            return "heading";
          if (has_localtype (inner, "subject-line"))
            return "subject";
          return "title";
        }
      if (named (inner, "unitdate") || named (inner, "unitdatestructured"))
        return date_field (inner, element, attribute);
      if (named (inner, "physdesc"))
        return has_localtype (inner, "printing") || named (element, "physfacet") ? "printing_note" : "extent";
      if (named (inner, "physdescstructured"))
        return "extent";
      if (named (inner, "langmaterial"))
        return "language";
      if (named (inner, "origination"))
        return "agents";
      if (named (inner, "dao") || named (inner, "daoset"))
        return "url";
      return NULL;
    }
  if (named (section, "controlaccess"))
    {
      if (named (inner, "persname") || named (inner, "corpname") || named (inner, "famname") ||
          named (inner, "name"))
        return "agents";
      if (named (inner, "geogname") && has_localtype (inner, "place-of-writing"))
        return "place";
      if (named (inner, "genreform"))
        return "type";
      return "access_points";
    }
  if (named (section, "accessrestrict"))
    {
      if (has_localtype (section, "classification"))
        return "classification";
      if (has_localtype (section, "declassification"))
        return "declassification";
      return "access";
    }
  if (named (section, "userestrict"))
    return "use";
  if (named (section, "scopecontent"))
    return "scope";
  if (named (section, "originalsloc"))
    return "source.text";
  if (named (section, "odd") && has_localtype (section, "frus-text-excerpt"))
    return "body";
  /* Footnote links to archival material and published works. */
  if (named (section, "relatedmaterial"))
    return "footnotes";
  if (named (section, "bibliography"))
    return inner != NULL && xmlHasProp (inner, (const xmlChar *) "id") != NULL ? "footnotes" : "publication";
  if (named (section, "relations"))
    return "agents";
  return NULL;
}

static char *
record_id_of (xmlNodePtr c)
{
  for (xmlNodePtr did = c->children; did != NULL; did = did->next)
    {
      if (did->type != XML_ELEMENT_NODE || !named (did, "did"))
        continue;
      for (xmlNodePtr unitid = did->children; unitid != NULL; unitid = unitid->next)
        if (unitid->type == XML_ELEMENT_NODE && named (unitid, "unitid") &&
            (has_localtype (unitid, "record-id") || has_localtype (unitid, "frus-document-id")))
          {
            xmlChar *text = xmlNodeGetContent (unitid);
            char *id = g_strstrip (g_strdup ((const char *) text));

            xmlFree (text);
            if (id[0] != '\0')
              return id;
            g_free (id);
          }
    }
  return NULL;
}

/* "Element '{ns}unitdate', attribute 'normal': …" (XML Schema) or "Invalid
 * attribute normal for element unitdate" (RELAX NG). */
static char *
attribute_in_message (const char *message)
{
  const char *at;

  if ((at = strstr (message, "attribute '")) != NULL)
    {
      const char *start = at + strlen ("attribute '");
      const char *end = strchr (start, '\'');

      if (end != NULL)
        return g_strndup (start, end - start);
    }
  if ((at = strstr (message, "attribute ")) != NULL)
    {
      const char *start = at + strlen ("attribute ");
      const char *end = strchr (start, ' ');

      if (end != NULL && end > start)
        return g_strndup (start, end - start);
    }
  return NULL;
}

static char *
strip_namespaces (const char *message)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = message; *p != '\0'; p++)
    {
      const char *end;

      if (*p == '{' && (end = strchr (p, '}')) != NULL &&
          (g_str_has_prefix (p + 1, "http") || g_str_has_prefix (p + 1, "urn:")))
        {
          p = end;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

/**
 * _docket_ead_problem_new_from_error:
 * @error: a validation error of libxml2
 * @schema: the schema file that reported it
 *
 * Returns: (transfer full): the problem, traced to its record and field
 */
DocketEadProblem *
_docket_ead_problem_new_from_error (const xmlError *error,
                                    const char     *schema)
{
  DocketEadProblem *problem = docket_ead_problem_new ();
  xmlNodePtr node = error->node;
  xmlNodePtr element = NULL;
  xmlNodePtr c = NULL;
  xmlNodePtr section = NULL;
  xmlNodePtr inner = NULL;

  problem->line = error->line;
  problem->schema = g_strdup (schema);
  problem->message = strip_namespaces (error->message != NULL ? error->message : "?");

  if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
    {
      problem->attribute = g_strdup ((const char *) node->name);
      element = node->parent;
    }
  else if (node != NULL && node->type == XML_ELEMENT_NODE)
    {
      element = node;
      problem->attribute = attribute_in_message (problem->message);
    }
  else if (node != NULL)
    element = node->parent;
  if (element == NULL || element->type != XML_ELEMENT_NODE)
    return problem;
  problem->element = g_strdup ((const char *) element->name);

  /* The nearest `c` with an id, and the two levels below it. */
  for (xmlNodePtr n = element; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      if (is_c (n) && xmlHasProp (n, (const xmlChar *) "id") != NULL)
        {
          c = n;
          break;
        }
      inner = section;
      section = n;
    }
  if (c == NULL)
    return problem;

  {
    xmlChar *id = xmlGetProp (c, (const xmlChar *) "id");

    problem->c_id = g_strdup ((const char *) id);
    xmlFree (id);
  }
  problem->record_id = record_id_of (c);
  if (problem->record_id == NULL)
    problem->record_id = g_strdup (problem->c_id);
  problem->field = g_strdup (field_for (c, section, inner, element, problem->attribute));
  return problem;
}

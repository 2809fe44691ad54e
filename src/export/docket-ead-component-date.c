/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* The component's date: `unitdate`, and in EAD3 `unitdatestructured`. */

static gboolean
is_uncertain (const char *certainty)
{
  return g_strcmp0 (certainty, "approximate") == 0 ||
         g_strcmp0 (certainty, "inferred") == 0 ||
         g_strcmp0 (certainty, "questionable") == 0;
}

void
_docket_ead_add_date (Component *cc)
{
  g_autofree char *text = _docket_ead_clean_token (field (cc, DOCKET_FIELD_DATE_TEXT));
  g_autofree char *from = _docket_ead_normalize_date (field (cc, DOCKET_FIELD_DATE_FROM));
  g_autofree char *to = _docket_ead_normalize_date (field (cc, DOCKET_FIELD_DATE_TO));
  g_autofree char *certainty = g_ascii_strdown (field (cc, DOCKET_FIELD_DATE_CERTAINTY) ?: "", -1);
  gboolean uncertain;
  xmlNodePtr node;

  g_strstrip (certainty);
  uncertain = is_uncertain (certainty);
  if (g_strcmp0 (certainty, "undated") == 0)
    {
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
    }
  if (from != NULL && to != NULL)
    {
      int cmp = strcmp (from, to);

      /* A range that ends before it begins says nothing reliable. */
      if (cmp == 0)
        g_clear_pointer (&to, g_free);
      else if (cmp > 0)
        {
          g_clear_pointer (&from, g_free);
          g_clear_pointer (&to, g_free);
        }
    }

  if (!is_ead3 (cc))
    {
      g_autofree char *normal = NULL;

      if (from != NULL && to != NULL)
        normal = g_strconcat (from, "/", to, NULL);
      else if (from != NULL)
        normal = g_strdup (from);
      if (text == NULL && normal == NULL)
        return;
      node = el_text (cc, cc->did, "unitdate", text != NULL ? text : normal);
      xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
      if (normal != NULL)
        xmlSetProp (node, (const xmlChar *) "normal", (const xmlChar *) normal);
      if (uncertain)
        xmlSetProp (node, (const xmlChar *) "certainty", (const xmlChar *) certainty);
      return;
    }

  if (from == NULL && to == NULL)
    {
      if (text != NULL)
        {
          node = el_text (cc, cc->did, "unitdate", text);
          xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
        }
      return;
    }

  if (from != NULL && to != NULL && !uncertain)
    {
      xmlNodePtr range;

      /* An inclusive range: the expression in unitdate, the bounds in
       * unitdatestructured. */
      if (text != NULL)
        {
          node = el_text (cc, cc->did, "unitdate", text);
          xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
        }
      node = el (cc, cc->did, "unitdatestructured");
      xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
      range = el (cc, node, "daterange");
      node = el_text (cc, range, "fromdate", from);
      xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) from);
      node = el_text (cc, range, "todate", to);
      xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) to);
      return;
    }

  node = el (cc, cc->did, "unitdatestructured");
  xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
  if (uncertain)
    xmlSetProp (node, (const xmlChar *) "certainty", (const xmlChar *) certainty);
  node = el_text (cc, node, "datesingle", text != NULL ? text : (from != NULL ? from : to));
  if (from != NULL && to != NULL)
    {
      /* An uncertain single date within a window (EAD-MAPPING.md § 1.2). */
      xmlSetProp (node, (const xmlChar *) "notbefore", (const xmlChar *) from);
      xmlSetProp (node, (const xmlChar *) "notafter", (const xmlChar *) to);
    }
  else if (from != NULL)
    xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) from);
  else
    xmlSetProp (node, (const xmlChar *) "notafter", (const xmlChar *) to);
}

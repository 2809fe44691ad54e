/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"

static void
set_if_empty (DocketRecord *record,
              DocketField   field,
              char         *value)
{
  if (value != NULL && _docket_eadi_field_is_empty (record, field))
    docket_record_take (record, field, value);
  else
    g_free (value);
}

/* An ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, the basic forms, with an
 * optional time), which is all Docket keeps in date.from and date.to. */
static gboolean
looks_like_iso_date (const char *value)
{
  if (value == NULL || strlen (value) < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  for (const char *p = value + 4; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("-:T+Z.", *p) == NULL)
      return FALSE;
  return TRUE;
}

static void
take_range (char       **from,
            char       **to,
            const char  *start,
            const char  *end)
{
  if (!looks_like_iso_date (start))
    start = NULL;
  if (!looks_like_iso_date (end))
    end = NULL;
  if (start == NULL && end == NULL)
    return;
  g_free (*from);
  g_free (*to);
  *from = g_strdup (start);
  *to = g_strdup (end);
}

/* <datesingle>, <fromdate>, <todate>: @standarddate, else the window
 * @notbefore/@notafter. */
static void
read_structured_date (xmlNodePtr   node,
                      char       **start,
                      char       **end)
{
  g_autofree char *standard = _docket_eadi_attr (node, "standarddate");

  if (standard != NULL)
    {
      *start = g_strdup (standard);
      *end = g_strdup (standard);
      return;
    }
  *start = _docket_eadi_attr (node, "notbefore");
  *end = _docket_eadi_attr (node, "notafter");
  if (*start == NULL && *end == NULL)
    {
      /* Some exports put the ISO value in the text (<fromdate>1961</fromdate>). */
      g_autofree char *text = _docket_eadi_text (node);

      if (looks_like_iso_date (text))
        {
          *start = g_strdup (text);
          *end = g_strdup (text);
        }
    }
}

/**
 * _docket_eadi_read_date:
 *
 * Reads a <unitdate> (text, @normal "start[/end]", @certainty) or an EAD3
 * <unitdatestructured> (@certainty; datesingle, daterange or the first
 * date of a dateset). A single date has @from equal to @to. Outputs that
 * are already set and not found again are left alone.
 */
void
_docket_eadi_read_date (xmlNodePtr   node,
                       char       **text,
                       char       **from,
                       char       **to,
                       char       **certainty)
{
  g_autofree char *cert = _docket_eadi_attr (node, "certainty");

  if (cert != NULL)
    {
      g_free (*certainty);
      *certainty = g_ascii_strdown (cert, -1);
    }

  if (_docket_eadi_is (node, "unitdate") || _docket_eadi_is (node, "date"))
    {
      g_autofree char *normal = _docket_eadi_attr (node, "normal");

      if (*text == NULL)
        *text = _docket_eadi_text (node);
      if (normal != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (normal, "/", 2);

          take_range (from, to, parts[0], parts[1] != NULL ? parts[1] : parts[0]);
        }
      return;
    }

  if (_docket_eadi_is (node, "unitdatestructured"))
    {
      xmlNodePtr date = NULL;

      for (xmlNodePtr child = node->children; child != NULL && date == NULL; child = child->next)
        if (_docket_eadi_is (child, "datesingle") || _docket_eadi_is (child, "daterange"))
          date = child;
        else if (_docket_eadi_is (child, "dateset"))
          for (xmlNodePtr inner = child->children; inner != NULL && date == NULL; inner = inner->next)
            if (_docket_eadi_is (inner, "datesingle") || _docket_eadi_is (inner, "daterange"))
              date = inner;
      if (date == NULL)
        return;

      if (_docket_eadi_is (date, "datesingle"))
        {
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;

          read_structured_date (date, &start, &end);
          take_range (from, to, start, end);
          if (*text == NULL)
            *text = _docket_eadi_text (date);
        }
      else
        {
          xmlNodePtr fromdate = _docket_eadi_child (date, "fromdate");
          xmlNodePtr todate = _docket_eadi_child (date, "todate");
          g_autofree char *start = NULL;
          g_autofree char *start_end = NULL;
          g_autofree char *end_start = NULL;
          g_autofree char *end = NULL;

          if (fromdate != NULL)
            read_structured_date (fromdate, &start, &start_end);
          if (todate != NULL)
            read_structured_date (todate, &end_start, &end);
          take_range (from, to, start, end);
          if (*text == NULL)
            {
              g_autofree char *a = _docket_eadi_text (fromdate);
              g_autofree char *b = _docket_eadi_text (todate);

              if (a != NULL || b != NULL)
                *text = g_strdup_printf ("%s–%s", a != NULL ? a : "", b != NULL ? b : "");
            }
        }
    }
}

static gboolean
read_unitid (DocketRecord *record,
             xmlNodePtr    node)
{
  g_autofree char *localtype = _docket_eadi_localtype (node);
  char *text = _docket_eadi_text (node);

  if (text == NULL)
    return TRUE; /* nothing to keep */

  /* Docket's export writes the record id as a unitid: "frus-document-id"
   * for FRUS documents, "record-id" for others. */
  if (g_strcmp0 (localtype, "frus-document-id") == 0 || g_strcmp0 (localtype, "record-id") == 0)
    {
      char *identifier = _docket_eadi_attr (node, "identifier");

      if (identifier != NULL && (g_str_has_prefix (identifier, "http://") ||
                                 g_str_has_prefix (identifier, "https://")))
        set_if_empty (record, DOCKET_FIELD_URL, identifier);
      else
        g_free (identifier);
      if (_docket_eadi_field_is_empty (record, DOCKET_FIELD_ID))
        {
          docket_record_take (record, DOCKET_FIELD_ID, text);
          return TRUE;
        }
      g_free (text);
      return TRUE;
    }
  if (_docket_eadi_field_is_empty (record, DOCKET_FIELD_NUMBER))
    {
      docket_record_take (record, DOCKET_FIELD_NUMBER, text);
      return TRUE;
    }
  g_free (text);
  return FALSE;
}

static gboolean
read_unittitle (DocketRecord *record,
                xmlNodePtr    node)
{
  g_autofree char *localtype = _docket_eadi_localtype (node);
  DocketField field = DOCKET_FIELD_TITLE;

  if (g_strcmp0 (localtype, "frus-heading") == 0)
    field = DOCKET_FIELD_HEADING;
  else if (g_strcmp0 (localtype, "subject-line") == 0)
    field = DOCKET_FIELD_SUBJECT;
  else if (localtype != NULL && g_strcmp0 (localtype, "devised") != 0 &&
           !_docket_eadi_field_is_empty (record, DOCKET_FIELD_TITLE))
    return FALSE;

  if (!_docket_eadi_field_is_empty (record, field))
    return FALSE;
  docket_record_take (record, field, _docket_eadi_text (node));
  return TRUE;
}

static gboolean
read_date (DocketRecord *record,
           xmlNodePtr    node)
{
  g_autofree char *text = g_strdup (docket_record_get (record, DOCKET_FIELD_DATE_TEXT));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *certainty = g_strdup (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY));
  g_autofree char *datetype = _docket_eadi_attr (node, "unitdatetype");

  if (datetype == NULL)
    datetype = _docket_eadi_localtype (node);
  /* A second date (bulk dates) is kept as it is. */
  if (g_strcmp0 (datetype, "bulk") == 0 &&
      !(_docket_eadi_field_is_empty (record, DOCKET_FIELD_DATE_TEXT) &&
        _docket_eadi_field_is_empty (record, DOCKET_FIELD_DATE_FROM)))
    return FALSE;
  if (_docket_eadi_is (node, "unitdate") &&
      !_docket_eadi_field_is_empty (record, DOCKET_FIELD_DATE_TEXT))
    return FALSE;
  if (_docket_eadi_is (node, "unitdatestructured") &&
      !_docket_eadi_field_is_empty (record, DOCKET_FIELD_DATE_FROM))
    return FALSE;

  _docket_eadi_read_date (node, &text, &from, &to, &certainty);
  /* Handed over, not copied. */
  docket_record_take (record, DOCKET_FIELD_DATE_TEXT, g_steal_pointer (&text));
  if (from != NULL || to != NULL)
    {
      docket_record_take (record, DOCKET_FIELD_DATE_FROM, g_steal_pointer (&from));
      docket_record_take (record, DOCKET_FIELD_DATE_TO, g_steal_pointer (&to));
    }
  docket_record_take (record, DOCKET_FIELD_DATE_CERTAINTY, g_steal_pointer (&certainty));
  return TRUE;
}

static gboolean
read_physdesc (DocketRecord *record,
               xmlNodePtr    node)
{
  g_autofree char *localtype = _docket_eadi_localtype (node);
  xmlNodePtr extent = NULL;
  xmlNodePtr physfacet = NULL;

  if (g_strcmp0 (localtype, "printing") == 0)
    {
      if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_PRINTING_NOTE))
        return FALSE;
      docket_record_take (record, DOCKET_FIELD_PRINTING_NOTE, _docket_eadi_text (node));
      return TRUE;
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_docket_eadi_is (child, "extent") && extent == NULL)
        extent = child;
      else if (_docket_eadi_is (child, "physfacet") && physfacet == NULL)
        physfacet = child;
      else
        return FALSE;
    }

  if (extent == NULL && physfacet == NULL)
    {
      /* EAD3 free-text extent: "2 boxes". */
      if (localtype != NULL || !_docket_eadi_field_is_empty (record, DOCKET_FIELD_EXTENT))
        return FALSE;
      docket_record_take (record, DOCKET_FIELD_EXTENT, _docket_eadi_text (node));
      return TRUE;
    }

  /* EAD 2002: <extent> is the extent, <physfacet> the printing note. */
  if ((extent != NULL && !_docket_eadi_field_is_empty (record, DOCKET_FIELD_EXTENT)) ||
      (physfacet != NULL && !_docket_eadi_field_is_empty (record, DOCKET_FIELD_PRINTING_NOTE)))
    return FALSE;
  if (extent != NULL)
    docket_record_take (record, DOCKET_FIELD_EXTENT, _docket_eadi_text (extent));
  if (physfacet != NULL)
    docket_record_take (record, DOCKET_FIELD_PRINTING_NOTE, _docket_eadi_text (physfacet));
  return TRUE;
}

static gboolean
read_physdescstructured (DocketRecord *record,
                         xmlNodePtr    node)
{
  g_autofree char *coverage = _docket_eadi_attr (node, "coverage");
  g_autofree char *quantity = NULL;
  g_autofree char *unittype = NULL;

  if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_EXTENT) ||
      (coverage != NULL && g_strcmp0 (coverage, "whole") != 0))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_docket_eadi_is (child, "quantity") && quantity == NULL)
        quantity = _docket_eadi_text (child);
      else if (_docket_eadi_is (child, "unittype") && unittype == NULL)
        unittype = _docket_eadi_text (child);
      else
        return FALSE;
    }
  if (quantity == NULL || unittype == NULL)
    return FALSE;

  docket_record_take (record, DOCKET_FIELD_EXTENT, g_strdup_printf ("%s %s", quantity, unittype));
  return TRUE;
}

static gboolean
is_name_element (xmlNodePtr node)
{
  return _docket_eadi_is (node, "persname") || _docket_eadi_is (node, "corpname") ||
         _docket_eadi_is (node, "famname") || _docket_eadi_is (node, "name");
}

static gboolean
read_origination (DocketRecord *record,
                  xmlNodePtr    node)
{
  gboolean any = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!is_name_element (child))
        return FALSE;
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_name_element (child))
      {
        DocketAgent *agent = _docket_eadi_read_name (child, DOCKET_AGENT_AUTHOR);

        if (agent != NULL)
          {
            docket_record_add_agent (record, agent);
            any = TRUE;
          }
      }

  if (!any)
    {
      /* EAD 2002 allows a bare name as text. */
      g_autofree char *text = _docket_eadi_text (node);

      if (text == NULL)
        return TRUE;
      docket_record_add_agent (record, docket_agent_new (DOCKET_AGENT_AUTHOR, text, NULL));
    }
  return TRUE;
}

static void
collect_languages (xmlNodePtr  node,
                   GPtrArray  *codes,
                   guint      *n_languages)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (_docket_eadi_is (child, "language"))
        {
          char *code = _docket_eadi_attr (child, "langcode");

          (*n_languages)++;
          if (code != NULL)
            g_ptr_array_add (codes, code);
        }
      else if (_docket_eadi_is (child, "languageset"))
        collect_languages (child, codes, n_languages);
    }
}

static gboolean
read_langmaterial (DocketRecord *record,
                   xmlNodePtr    node)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  guint n_languages = 0;

  if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_LANGUAGE))
    return FALSE;
  collect_languages (node, codes, &n_languages);
  if (n_languages != 1 || codes->len != 1)
    return FALSE;
  docket_record_set (record, DOCKET_FIELD_LANGUAGE, g_ptr_array_index (codes, 0));
  return TRUE;
}

/**
 * _docket_eadi_read_did:
 *
 * Maps a component's <did>: unitids, titles, dates, extent, printing note,
 * creators, language. What is not mapped goes to @extra.
 */
void
_docket_eadi_read_did (DocketEadiImport *self,
                      DocketRecord    *record,
                      xmlNodePtr       did,
                      DocketEadiExtra  *extra)
{
  for (xmlNodePtr child = did->children; child != NULL; child = child->next)
    {
      gboolean mapped = FALSE;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_docket_eadi_is (child, "unitid"))
        mapped = read_unitid (record, child);
      else if (_docket_eadi_is (child, "unittitle"))
        mapped = read_unittitle (record, child);
      else if (_docket_eadi_is (child, "unitdate") || _docket_eadi_is (child, "unitdatestructured"))
        mapped = read_date (record, child);
      else if (_docket_eadi_is (child, "physdesc"))
        mapped = read_physdesc (record, child);
      else if (_docket_eadi_is (child, "physdescstructured"))
        mapped = read_physdescstructured (record, child);
      else if (_docket_eadi_is (child, "origination"))
        mapped = read_origination (record, child);
      else if (_docket_eadi_is (child, "langmaterial"))
        mapped = read_langmaterial (record, child);
      else if (_docket_eadi_is (child, "head"))
        mapped = TRUE; /* a label for display, regenerated on export */

      if (!mapped)
        _docket_eadi_extra_add (extra, DOCKET_EADI_EXTRA_DID, child);
    }
}

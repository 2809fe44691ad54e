/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-private.h"

/* The text of the header is data of the finding aid, whose language of
 * description is declared as English; it is not translated. */
#define DACS_CITATION "Describing Archives: A Content Standard, 2nd edition"
#define LOCAL_TYPES \
  "Local @localtype values used in this file: frus-document-id, record-id, " \
  "document-number, devised, frus-heading, subject-line, printing, " \
  "place-of-writing, source-note, classification, declassification, " \
  "frus-text-excerpt, editorial, source"

/* "2026 November 27" (DACS 2.4.14 form), in English whatever the locale. */
static char *
format_day_text (GDateTime *now)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };

  return g_strdup_printf ("%d %s %d", g_date_time_get_year (now),
                          months[g_date_time_get_month (now) - 1],
                          g_date_time_get_day_of_month (now));
}

static const char *
collection_id (DocketEadContext *ctx)
{
  if (ctx->collection != NULL && ctx->collection->id != NULL && ctx->collection->id[0] != '\0')
    return ctx->collection->id;
  return "docket-export";
}

static const char *
collection_title (DocketEadContext *ctx)
{
  if (ctx->collection != NULL && ctx->collection->title != NULL && ctx->collection->title[0] != '\0')
    return ctx->collection->title;
  return "Records exported from a Docket catalog";
}

static void
add_title (DocketEadContext *ctx,
           xmlNodePtr        filedesc)
{
  g_autofree char *title = _docket_ead_clean_token (collection_title (ctx));
  xmlNodePtr titlestmt = _docket_ead_el (ctx, filedesc, "titlestmt");
  xmlNodePtr pubstmt;
  xmlNodePtr date;
  g_autofree char *day = g_date_time_format (ctx->now, "%Y-%m-%d");
  g_autofree char *day_text = format_day_text (ctx->now);

  _docket_ead_el_text (ctx, titlestmt, "titleproper",
                       title != NULL ? title : "Records exported from a Docket catalog");

  pubstmt = _docket_ead_el (ctx, filedesc, "publicationstmt");
  _docket_ead_el_text (ctx, pubstmt, "publisher", ctx->agency_name);
  date = _docket_ead_el_text (ctx, pubstmt, "date", day_text);
  if (g_date_time_get_year (ctx->now) <= 2099)
    _docket_ead_attr (date, "normal", day);
}

static void
build_control (DocketEadContext *ctx,
               xmlNodePtr        control)
{
  g_autofree char *stamp = NULL;
  g_autofree char *stamp_text = g_date_time_format (ctx->now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *agent = g_strdup_printf ("Docket %s EAD3 exporter", PACKAGE_VERSION);
  g_autofree char *what = NULL;
  xmlNodePtr node, agency, decl, history, event;

  xmlSetProp (control, (const xmlChar *) "countryencoding", (const xmlChar *) "iso3166-1");
  xmlSetProp (control, (const xmlChar *) "dateencoding", (const xmlChar *) "iso8601");
  xmlSetProp (control, (const xmlChar *) "langencoding", (const xmlChar *) "iso639-2b");
  xmlSetProp (control, (const xmlChar *) "repositoryencoding", (const xmlChar *) "iso15511");
  xmlSetProp (control, (const xmlChar *) "scriptencoding", (const xmlChar *) "iso15924");

  _docket_ead_el_text (ctx, control, "recordid", collection_id (ctx));
  add_title (ctx, _docket_ead_el (ctx, control, "filedesc"));

  /* The file is produced from another system, the catalog (tag library,
   * elem-maintenancestatus: "derived"). */
  node = _docket_ead_el (ctx, control, "maintenancestatus");
  xmlSetProp (node, (const xmlChar *) "value", (const xmlChar *) "derived");

  agency = _docket_ead_el (ctx, control, "maintenanceagency");
  if (ctx->country_code != NULL)
    xmlSetProp (agency, (const xmlChar *) "countrycode", (const xmlChar *) ctx->country_code);
  if (ctx->agency_code != NULL)
    _docket_ead_el_text (ctx, agency, "agencycode", ctx->agency_code);
  _docket_ead_el_text (ctx, agency, "agencyname", ctx->agency_name);

  decl = _docket_ead_el (ctx, control, "languagedeclaration");
  node = _docket_ead_el_text (ctx, decl, "language", "English");
  xmlSetProp (node, (const xmlChar *) "langcode", (const xmlChar *) "eng");
  node = _docket_ead_el_text (ctx, decl, "script", "Latin");
  xmlSetProp (node, (const xmlChar *) "scriptcode", (const xmlChar *) "Latn");

  decl = _docket_ead_el (ctx, control, "conventiondeclaration");
  _docket_ead_el_text (ctx, decl, "abbr", "DACS");
  _docket_ead_el_text (ctx, decl, "citation", DACS_CITATION);

  decl = _docket_ead_el (ctx, control, "localtypedeclaration");
  _docket_ead_el_text (ctx, decl, "citation", LOCAL_TYPES);

  history = _docket_ead_el (ctx, control, "maintenancehistory");
  event = _docket_ead_el (ctx, history, "maintenanceevent");
  node = _docket_ead_el (ctx, event, "eventtype");
  xmlSetProp (node, (const xmlChar *) "value", (const xmlChar *) "derived");
  node = _docket_ead_el_text (ctx, event, "eventdatetime", stamp_text);
  /* The schema caps @standarddatetime at 2099. */
  if (g_date_time_get_year (ctx->now) <= 2099)
    {
      stamp = g_date_time_format (ctx->now, "%Y-%m-%dT%H:%M:%SZ");
      xmlSetProp (node, (const xmlChar *) "standarddatetime", (const xmlChar *) stamp);
    }
  node = _docket_ead_el (ctx, event, "agenttype");
  xmlSetProp (node, (const xmlChar *) "value", (const xmlChar *) "machine");
  _docket_ead_el_text (ctx, event, "agent", agent);
  what = g_strdup_printf (ctx->records->len == 1 ? "Exported from a Docket catalog by %s: %u record."
                                                 : "Exported from a Docket catalog by %s: %u records.",
                          ctx->agency_name, ctx->records->len);
  _docket_ead_el_text (ctx, event, "eventdescription", what);
}

static void
build_eadheader (DocketEadContext *ctx,
                 xmlNodePtr        header)
{
  g_autofree char *day = g_date_time_format (ctx->now, "%Y-%m-%d");
  g_autofree char *day_text = format_day_text (ctx->now);
  g_autofree char *agent = g_strdup_printf ("Docket %s EAD 2002 exporter", PACKAGE_VERSION);
  g_autofree char *what = NULL;
  xmlNodePtr eadid, profile, node, change;
  gboolean date_ok = g_date_time_get_year (ctx->now) <= 2999;

  xmlSetProp (header, (const xmlChar *) "countryencoding", (const xmlChar *) "iso3166-1");
  xmlSetProp (header, (const xmlChar *) "dateencoding", (const xmlChar *) "iso8601");
  xmlSetProp (header, (const xmlChar *) "langencoding", (const xmlChar *) "iso639-2b");
  xmlSetProp (header, (const xmlChar *) "repositoryencoding", (const xmlChar *) "iso15511");
  xmlSetProp (header, (const xmlChar *) "scriptencoding", (const xmlChar *) "iso15924");
  /* EAD 2002 has no maintenance status; findaidstatus is its nearest
   * equivalent. Nothing in the catalog says the description was verified. */
  xmlSetProp (header, (const xmlChar *) "findaidstatus", (const xmlChar *) "unverified-full-draft");

  eadid = _docket_ead_el_text (ctx, header, "eadid", collection_id (ctx));
  if (ctx->country_code != NULL)
    xmlSetProp (eadid, (const xmlChar *) "countrycode", (const xmlChar *) ctx->country_code);
  if (ctx->agency_code != NULL)
    xmlSetProp (eadid, (const xmlChar *) "mainagencycode", (const xmlChar *) ctx->agency_code);
  _docket_ead_attr (eadid, "identifier", collection_id (ctx));

  add_title (ctx, _docket_ead_el (ctx, header, "filedesc"));

  profile = _docket_ead_el (ctx, header, "profiledesc");
  node = _docket_ead_el (ctx, profile, "creation");
  what = g_strdup_printf ("Exported from a Docket catalog by %s (%s), ", ctx->agency_name, agent);
  _docket_ead_text (node, what);
  node = _docket_ead_el_text (ctx, node, "date", day_text);
  if (date_ok)
    xmlSetProp (node, (const xmlChar *) "normal", (const xmlChar *) day);
  _docket_ead_text (node->parent, ".");

  node = _docket_ead_el (ctx, profile, "langusage");
  _docket_ead_text (node, "Described in ");
  node = _docket_ead_el_text (ctx, node, "language", "English");
  xmlSetProp (node, (const xmlChar *) "langcode", (const xmlChar *) "eng");
  xmlSetProp (node, (const xmlChar *) "scriptcode", (const xmlChar *) "Latn");
  _docket_ead_text (node->parent, ".");
  _docket_ead_el_text (ctx, profile, "descrules", DACS_CITATION " (DACS)");

  /* The maintenance event: who derived this file, and when. */
  change = _docket_ead_el (ctx, _docket_ead_el (ctx, header, "revisiondesc"), "change");
  node = _docket_ead_el_text (ctx, change, "date", day_text);
  if (date_ok)
    xmlSetProp (node, (const xmlChar *) "normal", (const xmlChar *) day);
  g_free (what);
  what = g_strdup_printf (ctx->records->len == 1 ? "Derived from the Docket catalog by %s (%s): %u record."
                                                 : "Derived from the Docket catalog by %s (%s): %u records.",
                          ctx->agency_name, agent, ctx->records->len);
  _docket_ead_el_text (ctx, change, "item", what);
}

xmlNodePtr
_docket_ead_build_header (DocketEadContext *ctx,
                          xmlNodePtr        parent)
{
  xmlNodePtr header;

  if (_docket_ead_is_ead3 (ctx))
    {
      header = _docket_ead_el (ctx, parent, "control");
      build_control (ctx, header);
    }
  else
    {
      header = _docket_ead_el (ctx, parent, "eadheader");
      build_eadheader (ctx, header);
    }
  return header;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* Related material and bibliography entries for footnote links */

/* An external link: EAD3 `ref href`, EAD 2002 `extref xlink:href`. */
xmlNodePtr
_docket_ead_add_href (Component  *cc,
                      xmlNodePtr  parent,
                      const char *url)
{
  xmlNodePtr ref;

  if (is_ead3 (cc))
    {
      ref = el (cc, parent, "ref");
      xmlSetProp (ref, (const xmlChar *) "href", (const xmlChar *) url);
    }
  else
    {
      ref = el (cc, parent, "extref");
      _docket_ead_xlink_simple (cc->ctx, ref);
      xmlSetNsProp (ref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) url);
    }
  return ref;
}

const char *
_docket_ead_add_archref (Component          *cc,
                         DocketFootnoteLink *link)
{
  g_autofree char *repository = _docket_ead_clean_token (link->repository);
  g_autofree char *collection = _docket_ead_clean_token (link->collection);
  g_autofree char *file = _docket_ead_clean_token (link->file);
  g_autofree char *description = _docket_ead_clean_token (link->description);
  g_autofree char *suffix = g_strdup_printf ("-rel%u", ++cc->n_rel);
  const char *id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  xmlNodePtr archref;
  gboolean any = FALSE;

  if (cc->relatedmaterial == NULL)
    {
      cc->relatedmaterial = new_unlinked (cc, "relatedmaterial");
      el_text (cc, cc->relatedmaterial, "head", "Archival materials cited in the annotation");
    }
  archref = el (cc, cc->relatedmaterial, "archref");
  xmlSetProp (archref, (const xmlChar *) "id", (const xmlChar *) id);

  if (repository != NULL)
    {
      if (is_ead3 (cc))
        _docket_ead_name_el (cc->ctx, archref, "corpname", repository);
      else
        _docket_ead_text (archref, repository);
      any = TRUE;
    }
  if (collection != NULL)
    {
      if (any)
        _docket_ead_text (archref, ", ");
      _docket_ead_title_el (cc->ctx, archref, collection);
      any = TRUE;
    }
  if (file != NULL)
    {
      if (any)
        _docket_ead_text (archref, ", ");
      _docket_ead_text (archref, file);
      any = TRUE;
    }
  if (any)
    _docket_ead_text (archref, ".");
  else
    _docket_ead_text (archref, description != NULL ? description : "Archival material");

  /* A catalogue address: EAD3 archref has no link attributes, so a ref
   * goes inside; EAD 2002 archref takes xlink:href. */
  if (_docket_ead_is_http_uri (link->target))
    {
      if (is_ead3 (cc))
        {
          _docket_ead_text (archref, " ");
          _docket_ead_text (_docket_ead_add_href (cc, archref, link->target), link->target);
        }
      else
        {
          _docket_ead_xlink_simple (cc->ctx, archref);
          xmlSetNsProp (archref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) link->target);
        }
    }
  return id;
}

static void
ensure_bibliography (Component *cc)
{
  if (cc->bibliography == NULL)
    {
      cc->bibliography = new_unlinked (cc, "bibliography");
      el_text (cc, cc->bibliography, "head", "Publication");
    }
}

static void
add_bib_href (Component  *cc,
              xmlNodePtr  bibref,
              const char *url)
{
  if (!_docket_ead_is_http_uri (url))
    return;
  if (is_ead3 (cc))
    {
      xmlNodePtr ref;

      if (bibref->children != NULL)
        _docket_ead_text (bibref, " ");
      ref = _docket_ead_add_href (cc, bibref, url);
      xmlSetProp (ref, (const xmlChar *) "show", (const xmlChar *) "new");
      xmlSetProp (ref, (const xmlChar *) "actuate", (const xmlChar *) "onrequest");
      _docket_ead_text (ref, url);
    }
  else
    {
      _docket_ead_xlink_simple (cc->ctx, bibref);
      xmlSetNsProp (bibref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) url);
      if (bibref->children == NULL)
        _docket_ead_text (bibref, url);
    }
}

const char *
_docket_ead_add_published_bibref (Component          *cc,
                                  DocketFootnoteLink *link)
{
  g_autofree char *title = _docket_ead_clean_token (link->title);
  g_autofree char *description = _docket_ead_clean_token (link->description);
  g_autofree char *suffix = g_strdup_printf ("-bib%u", ++cc->n_bib);
  const char *id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  xmlNodePtr bibref;

  ensure_bibliography (cc);
  bibref = el (cc, cc->bibliography, "bibref");
  xmlSetProp (bibref, (const xmlChar *) "id", (const xmlChar *) id);
  if (title != NULL)
    _docket_ead_title_el (cc->ctx, bibref, title);
  if (description != NULL)
    {
      if (title != NULL)
        _docket_ead_text (bibref, ", ");
      _docket_ead_text (bibref, description);
    }
  if (title == NULL && description == NULL && !_docket_ead_is_http_uri (link->target))
    _docket_ead_text (bibref, "Published work");
  add_bib_href (cc, bibref, link->target);
  return id;
}

void
_docket_ead_add_publication (Component *cc)
{
  g_autofree char *publication = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PUBLICATION));
  g_autofree char *number = _docket_ead_clean_token (field (cc, DOCKET_FIELD_NUMBER));
  g_autofree char *pages = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PAGES));
  const char *url = field (cc, DOCKET_FIELD_URL);
  g_auto(GStrv) breaks = docket_record_dup_page_breaks (cc->record);
  xmlNodePtr bibref;

  if (publication == NULL && !_docket_ead_is_http_uri (url))
    return;
  ensure_bibliography (cc);
  bibref = el (cc, cc->bibliography, "bibref");
  /* Published first, like the seed: the publication precedes the works
   * the footnotes cite. */
  xmlUnlinkNode (bibref);
  if (xmlFirstElementChild (cc->bibliography)->next != NULL)
    xmlAddNextSibling (xmlFirstElementChild (cc->bibliography), bibref);
  else
    xmlAddChild (cc->bibliography, bibref);

  if (publication != NULL)
    {
      _docket_ead_title_el (cc->ctx, bibref, publication);
      if (number != NULL)
        {
          _docket_ead_text (bibref, ", Document ");
          _docket_ead_text (bibref, number);
        }
      if (pages != NULL)
        {
          _docket_ead_text (bibref, strpbrk (pages, "-–,") != NULL ? ", pages " : ", page ");
          _docket_ead_text (bibref, pages);
        }
      else if (breaks != NULL && breaks[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", breaks);

          _docket_ead_text (bibref, breaks[1] != NULL ? " (page breaks: " : " (page break: ");
          _docket_ead_text (bibref, joined);
          _docket_ead_text (bibref, ")");
        }
      _docket_ead_text (bibref, ".");
    }
  add_bib_href (cc, bibref, url);
}

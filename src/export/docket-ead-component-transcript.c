/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* The text of the document as FRUS prints it (`odd`), with each footnote
 * inline at its marker and the links in footnotes made references. */

/* Footnotes */

static void
add_ref_target (Component  *cc,
                xmlNodePtr  node,
                const char *target)
{
  _docket_ead_xlink_simple (cc->ctx, node);
  xmlSetProp (node, (const xmlChar *) "target", (const xmlChar *) target);
}

typedef struct
{
  DocketFootnoteLink *link;
  const char         *target; /* an id in this file, or NULL */
  const char         *href;   /* an http(s) address, or NULL */
  gsize               start;  /* byte span in the footnote text */
  gsize               end;
  gboolean            has_span;
} LinkSpan;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const LinkSpan *x = a;
  const LinkSpan *y = b;

  if (x->has_span != y->has_span)
    return x->has_span ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void
resolve_link (Component          *cc,
              DocketFootnoteLink *link,
              LinkSpan           *span)
{
  span->link = link;
  switch (link->kind)
    {
    case DOCKET_LINK_RECORD:
      /* Only records in this finding aid can be targets; others stay text. */
      span->target = link->target != NULL
                     ? g_hash_table_lookup (cc->ctx->record_cids, link->target) : NULL;
      break;
    case DOCKET_LINK_ARCHIVAL:
      span->target = _docket_ead_add_archref (cc, link);
      break;
    case DOCKET_LINK_PUBLISHED:
      span->target = _docket_ead_add_published_bibref (cc, link);
      break;
    case DOCKET_LINK_URL:
    default:
      span->href = _docket_ead_is_http_uri (link->target) ? link->target : NULL;
      break;
    }
}

static xmlNodePtr
add_link_element (Component  *cc,
                  xmlNodePtr  parent,
                  LinkSpan   *span)
{
  xmlNodePtr ref;

  if (span->target != NULL)
    {
      ref = el (cc, parent, "ref");
      add_ref_target (cc, ref, span->target);
      return ref;
    }
  if (span->href != NULL)
    return _docket_ead_add_href (cc, parent, span->href);
  return NULL;
}

static void
write_footnote_text (Component      *cc,
                     xmlNodePtr      p,
                     DocketFootnote *fn)
{
  g_autofree char *text = _docket_ead_clean_text (fn->text);
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LinkSpan));
  glong n_chars = text != NULL ? g_utf8_strlen (text, -1) : 0;
  gsize pos = 0;
  /* Character offsets to bytes, walking on from the last one converted
   * (spans come in order). */
  glong cursor_chars = 0;
  const char *cursor = text;

  for (guint i = 0; fn->links != NULL && i < fn->links->len; i++)
    {
      DocketFootnoteLink *link = g_ptr_array_index (fn->links, i);
      LinkSpan span = { 0 };

      resolve_link (cc, link, &span);
      if (text != NULL && link->span_start >= 0 && link->span_end > link->span_start &&
          link->span_end <= n_chars)
        {
          span.has_span = TRUE;
          if (link->span_start < cursor_chars)
            {
              cursor = text;
              cursor_chars = 0;
            }
          cursor = g_utf8_offset_to_pointer (cursor, link->span_start - cursor_chars);
          cursor_chars = link->span_start;
          span.start = cursor - text;
          cursor = g_utf8_offset_to_pointer (cursor, link->span_end - cursor_chars);
          cursor_chars = link->span_end;
          span.end = cursor - text;
        }
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      LinkSpan *span = &g_array_index (spans, LinkSpan, i);
      xmlNodePtr ref;

      if (!span->has_span || span->start < pos)
        {
          /* Unspanned or overlapping: a pointer after the text (below). */
          span->has_span = FALSE;
          continue;
        }
      _docket_ead_text_len (p, text + pos, span->start - pos);
      ref = add_link_element (cc, p, span);
      _docket_ead_text_len (ref != NULL ? ref : p, text + span->start, span->end - span->start);
      pos = span->end;
    }
  if (text != NULL)
    _docket_ead_text (p, text + pos);

  for (guint i = 0; i < spans->len; i++)
    {
      LinkSpan *span = &g_array_index (spans, LinkSpan, i);
      xmlNodePtr ptr;

      if (span->has_span)
        continue;
      if (span->target != NULL)
        {
          ptr = el (cc, p, "ptr");
          add_ref_target (cc, ptr, span->target);
        }
      else if (span->href != NULL)
        {
          _docket_ead_text (p, " ");
          _docket_ead_text (_docket_ead_add_href (cc, p, span->href), span->href);
        }
    }
}

/* The footnote element at its marker: EAD3 `footnote`, EAD 2002 `note`. A
 * footnote anchored twice gets a pointer to its first place. */
static void
add_footnote (Component      *cc,
              xmlNodePtr      parent,
              DocketFootnote *fn)
{
  const char *id = g_hash_table_lookup (cc->placed, fn);
  g_autofree char *suffix = NULL;
  xmlNodePtr note;

  if (id != NULL)
    {
      xmlNodePtr ptr = el (cc, parent, "ptr");

      add_ref_target (cc, ptr, id);
      return;
    }

  suffix = g_strconcat ("fn", fn->n != NULL && fn->n[0] != '\0' ? fn->n : "", NULL);
  id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  g_hash_table_insert (cc->placed, fn, (gpointer) id);

  note = el (cc, parent, is_ead3 (cc) ? "footnote" : "note");
  xmlSetProp (note, (const xmlChar *) "id", (const xmlChar *) id);
  set_localtype (cc, note, docket_footnote_kind_to_string (fn->kind));
  if (!is_ead3 (cc))
    _docket_ead_attr (note, "label", fn->n);
  write_footnote_text (cc, el (cc, note, "p"), fn);
}

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  const DocketAnchor *x = *(DocketAnchor * const *) a;
  const DocketAnchor *y = *(DocketAnchor * const *) b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static gsize
trim_end (const char *text,
          gsize       start,
          gsize       end)
{
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  return end;
}

/* A block's text with its footnotes at their markers, nothing between the
 * text and the marker. */
static void
write_block (Component   *cc,
             xmlNodePtr   p,
             DocketBlock *block)
{
  const char *text = block->text != NULL ? block->text : "";
  gsize len = strlen (text);
  gsize pos = 0;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    g_ptr_array_add (anchors, g_ptr_array_index (block->anchors, i));
  g_ptr_array_sort (anchors, compare_anchors);

  for (guint i = 0; i < anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (anchors, i);
      DocketFootnote *fn;
      gsize offset;

      if (anchor->kind != DOCKET_ANCHOR_FOOTNOTE || anchor->ref == NULL)
        continue;
      fn = docket_record_find_footnote (cc->record, anchor->ref);
      if (fn == NULL || fn->kind == DOCKET_FOOTNOTE_SOURCE)
        continue;
      offset = CLAMP (anchor->offset, pos, len);
      while (offset > pos && ((guchar) text[offset] & 0xC0) == 0x80)
        offset--;
      _docket_ead_text_len (p, text + pos, trim_end (text, pos, offset) - pos);
      add_footnote (cc, p, fn);
      pos = offset;
    }
  _docket_ead_text_len (p, text + pos, len - pos);
}

void
_docket_ead_add_transcript (Component *cc)
{
  GPtrArray *body = docket_record_get_body (cc->record);
  GPtrArray *footnotes = docket_record_get_footnotes (cc->record);
  xmlNodePtr odd = new_unlinked (cc, "odd");
  gboolean any = FALSE;

  set_localtype (cc, odd, "frus-text-excerpt");
  el_text (cc, odd, "head", "Text, FRUS edition (annotation markers in place)");

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);
      xmlNodePtr p;

      /* The heading and the subject line are titles of the item and page
       * breaks are in the citation; the source note is in originalsloc. */
      if (block->kind == DOCKET_BLOCK_HEADING || block->kind == DOCKET_BLOCK_SUBJECT ||
          block->kind == DOCKET_BLOCK_PAGE_BREAK || block->kind == DOCKET_BLOCK_SOURCE)
        continue;
      p = el (cc, odd, "p");
      write_block (cc, p, block);
      if (p->children == NULL)
        {
          xmlUnlinkNode (p);
          xmlFreeNode (p);
        }
      else
        any = TRUE;
    }

  /* Footnotes whose marker is not in an exported block (or nowhere) still
   * belong to the description: each in a paragraph of its own. */
  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *fn = g_ptr_array_index (footnotes, i);

      if (fn->kind == DOCKET_FOOTNOTE_SOURCE || g_hash_table_contains (cc->placed, fn))
        continue;
      add_footnote (cc, el (cc, odd, "p"), fn);
      any = TRUE;
    }

  if (any)
    xmlAddChild (cc->c, odd);
  else
    xmlFreeNode (odd);
}

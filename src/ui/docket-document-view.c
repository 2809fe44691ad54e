/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-document-view.h"

/* The memorandum as printed, read-only: the body's blocks in order with
 * their footnote markers as superscript links, page breaks as "[Page N]"
 * marks, and the numbered footnotes under the text. A marker leads to its
 * footnote and the footnote's number leads back, by mouse or by Return.
 * Terms of the volume's glossary are tinted where the text mentions
 * them and listed under the footnotes; they and the persons mentioned
 * explain themselves in a tooltip. */

#define FOOTNOTE_ID_KEY   "docket-footnote-id"
#define LINK_KIND_KEY     "docket-link-kind"
#define PAGE_KEY          "docket-page"
#define MENTION_KEY       "docket-mention-ref"
#define MENTION_KIND_KEY  "docket-mention-kind"

typedef enum
{
  LINK_TO_FOOTNOTE = 1,  /* a marker in the text */
  LINK_TO_MARKER,        /* a footnote's number */
} LinkKind;

struct _DocketDocumentView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkTextView   *text_view;

  DocketRecord  *record;
  gulong         changed_id;

  GPtrArray     *link_tags;       /* the per-link tags of the current rendering */
  GHashTable    *marks;           /* "footnote:ID" and the like → GtkTextMark */
  guint          n_markers;
  char          *highlighted;     /* the footnote id shown, or NULL */
  gboolean       pointer_on_link;
  gboolean       editing;         /* edit mode: the body's text can be corrected */
  guint          rendering;
  guint          syncing;

  /* The volume's terms list and persons list, given by the window. */
  GPtrArray     *glossary;        /* DocketAccessPoint */
  GPtrArray     *persons;         /* DocketAgent */
  GHashTable    *terms_by_ref;    /* term id → DocketAccessPoint in glossary */
  GHashTable    *persons_by_ref;  /* person id → DocketAgent in persons */
};

G_DEFINE_FINAL_TYPE (DocketDocumentView, docket_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_HIGHLIGHTED_FOOTNOTE,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
block_tag_name (DocketBlockKind kind)
{
  switch (kind)
    {
    case DOCKET_BLOCK_HEADING:    return "heading";
    case DOCKET_BLOCK_SUBJECT:    return "subject";
    case DOCKET_BLOCK_DATELINE:   return "dateline";
    case DOCKET_BLOCK_SALUTATION: return "salutation";
    case DOCKET_BLOCK_SECTION:    return "section";
    case DOCKET_BLOCK_PAGE_BREAK: return "page-break";
    case DOCKET_BLOCK_CLOSING:    return "closing";
    case DOCKET_BLOCK_SIGNATURE:  return "signature";
    case DOCKET_BLOCK_QUOTE:      return "quote";
    case DOCKET_BLOCK_LIST_ITEM:  return "list-item";
    case DOCKET_BLOCK_SOURCE:     return "source";
    case DOCKET_BLOCK_PARAGRAPH:
    default:                      return "paragraph";
    }
}

static void
create_tags (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_create_tag (buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3,
                              "pixels-below-lines", 14,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "subject",
                              "style", PANGO_STYLE_ITALIC,
                              "scale", 1.1,
                              "pixels-below-lines", 18,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "dateline",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "salutation",
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph",
                              "pixels-below-lines", 12,
                              "indent", 28,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "section",
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 6,
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "page-break",
                              "family", "Sans",
                              "scale", 0.8,
                              "foreground", "#77767b",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "page-break-inline",
                              "family", "Sans",
                              "scale", 0.8,
                              "foreground", "#77767b",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "closing",
                              "left-margin", 320,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "signature",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-above-lines", 6,
                              "pixels-below-lines", 24,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote",
                              "left-margin", 84,
                              "right-margin", 84,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "list-item",
                              "left-margin", 72,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "source",
                              "scale", 0.9,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "marker",
                              "family", "Sans",
                              "rise", 6 * PANGO_SCALE,
                              "scale", 0.7,
                              "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#1a5fb4",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote-rule",
                              "foreground", "#9a9996",
                              "pixels-above-lines", 12,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote",
                              "scale", 0.88,
                              "left-margin", 72,
                              "indent", -24,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote-number",
                              "family", "Sans",
                              "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#1a5fb4",
                              NULL);
  /* A term mention gets a pale tint. A dotted underline is not in GTK
   * 4.8's Pango, and a plain one goes missing on some runs of a wrapped
   * paragraph there (GTK 4.8.3), which would hide mentions at random. */
  gtk_text_buffer_create_tag (buffer, "term",
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.16 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "terms-heading",
                              "family", "Sans",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 0.88,
                              "pixels-above-lines", 18,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "term-entry",
                              "scale", 0.88,
                              "left-margin", 72,
                              "indent", -24,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "term-name",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "highlight",
                              "background", "rgba(246,211,45,0.45)",
                              NULL);
  /* What edit mode must not change: markers, page breaks, the line breaks
   * between blocks and the footnotes (edited in the footnotes pane). */
  gtk_text_buffer_create_tag (buffer, "locked",
                              "editable", FALSE,
                              NULL);
}

static GtkTextTag *
make_link_tag (DocketDocumentView *self,
               LinkKind            kind,
               const char         *footnote_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

  g_object_set_data_full (G_OBJECT (tag), FOOTNOTE_ID_KEY, g_strdup (footnote_id), g_free);
  g_object_set_data (G_OBJECT (tag), LINK_KIND_KEY, GINT_TO_POINTER (kind));
  g_ptr_array_add (self->link_tags, g_object_ref (tag));
  return tag;
}

static void
clear_rendering (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
  g_hash_table_remove_all (self->marks);
  self->n_markers = 0;

  if (self->highlighted != NULL)
    {
      g_clear_pointer (&self->highlighted, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_FOOTNOTE]);
    }
}

static void
delete_mark (gpointer data)
{
  GtkTextMark *mark = data;

  if (!gtk_text_mark_get_deleted (mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (mark), mark);
  g_object_unref (mark);
}

static void
set_mark (DocketDocumentView *self,
          const char         *prefix,
          const char         *id,
          const GtkTextIter  *where)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, where, TRUE);

  g_hash_table_replace (self->marks, g_strconcat (prefix, id, NULL), g_object_ref (mark));
}

/* Right gravity: text typed at the end of a block goes inside it. */
static void
set_block_end_mark (DocketDocumentView *self,
                    const char         *id,
                    const GtkTextIter  *where)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, where, FALSE);

  g_hash_table_replace (self->marks, g_strconcat ("block-end:", id, NULL), g_object_ref (mark));
}

static GtkTextMark *
get_mark (DocketDocumentView *self,
          const char         *prefix,
          const char         *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  return g_hash_table_lookup (self->marks, name);
}

static gboolean
is_mention (const DocketAnchor *anchor)
{
  return anchor->kind == DOCKET_ANCHOR_TERM || anchor->kind == DOCKET_ANCHOR_PERSON;
}

/* A run of a block's text as inserted in the buffer, between markers. */
typedef struct
{
  gsize byte_start;
  gsize byte_end;
  int   char_start;
} Segment;

static void
insert_segment (GtkTextBuffer *buffer,
                GtkTextIter   *end,
                const char    *text,
                gsize          from,
                gsize          to,
                const char    *tag_name,
                GArray        *segments)
{
  Segment segment = { from, to, gtk_text_iter_get_offset (end) };

  gtk_text_buffer_insert_with_tags_by_name (buffer, end, text + from, to - from, tag_name, NULL);
  g_array_append_val (segments, segment);
}

/* Where byte @offset of the block's text stands in the buffer: a mention's
 * start goes after a marker at the same offset, its end before one. */
static gboolean
segment_iter (GtkTextBuffer *buffer,
              GArray        *segments,
              const char    *text,
              gsize          offset,
              gboolean       at_end,
              GtkTextIter   *iter)
{
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (at_end ? (offset > segment->byte_start && offset <= segment->byte_end)
                 : (offset >= segment->byte_start && offset < segment->byte_end))
        {
          glong chars = g_utf8_strlen (text + segment->byte_start, offset - segment->byte_start);

          gtk_text_buffer_get_iter_at_offset (buffer, iter, segment->char_start + (int) chars);
          return TRUE;
        }
    }
  return FALSE;
}

static void
mark_mention (DocketDocumentView *self,
              const DocketAnchor *anchor,
              const char         *text,
              GArray             *segments)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag;
  GtkTextIter start, end;

  if (anchor->ref == NULL || anchor->length == 0 ||
      !segment_iter (buffer, segments, text, anchor->offset, FALSE, &start) ||
      !segment_iter (buffer, segments, text, anchor->offset + anchor->length, TRUE, &end))
    return;

  /* Each mention has a tag of its own, so that edit mode finds its words
   * again wherever the text moved them. */
  tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_object_set_data_full (G_OBJECT (tag), MENTION_KEY, g_strdup (anchor->ref), g_free);
  g_object_set_data (G_OBJECT (tag), MENTION_KIND_KEY, GINT_TO_POINTER (anchor->kind));
  g_ptr_array_add (self->link_tags, g_object_ref (tag));
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  if (anchor->kind == DOCKET_ANCHOR_TERM)
    gtk_text_buffer_apply_tag_by_name (buffer, "term", &start, &end);
}

static void
insert_block (DocketDocumentView *self,
              DocketBlock        *block)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *tag_name = block_tag_name (block->kind);
  const char *text = block->text != NULL ? block->text : "";
  gsize length = strlen (text);
  gsize done = 0;
  GtkTextIter end;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  gtk_text_buffer_get_end_iter (buffer, &end);

  if (block->kind == DOCKET_BLOCK_PAGE_BREAK)
    {
      g_autofree char *mark = g_strdup_printf (_("[Page %s]"), text);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, mark, -1, tag_name, "locked", NULL);
      return;
    }

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);
      gsize offset = MIN (anchor->offset, length);

      /* Mentions take no room of their own; they are marked below. */
      if (is_mention (anchor))
        continue;

      /* Never split a character, whatever offset the catalog holds. */
      while (offset > done && offset < length && (text[offset] & 0xC0) == 0x80)
        offset--;

      if (offset > done)
        insert_segment (buffer, &end, text, done, offset, tag_name, segments);
      done = MAX (done, offset);

      if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE)
        {
          DocketFootnote *footnote = docket_record_find_footnote (self->record, anchor->ref);
          const char *n = footnote != NULL && footnote->n != NULL ? footnote->n : "?";
          GtkTextTag *link = make_link_tag (self, LINK_TO_FOOTNOTE, anchor->ref);
          GtkTextTag *block_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
          GtkTextTag *marker_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "marker");

          set_mark (self, "marker:", anchor->ref, &end);
          gtk_text_buffer_insert_with_tags (buffer, &end, n, -1, block_tag, marker_tag, link,
                                            gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "locked"),
                                            NULL);
          set_mark (self, "marker-end:", anchor->ref, &end);
          self->n_markers++;
        }
      else if (anchor->kind == DOCKET_ANCHOR_PAGE_BREAK)
        {
          g_autofree char *mark = g_strdup_printf (_(" [Page %s] "), anchor->ref);
          GtkTextTag *page = gtk_text_buffer_create_tag (buffer, NULL, NULL);

          /* The page number rides on a tag of its own, so that edit mode
           * finds the break again wherever the text moved it. */
          g_object_set_data_full (G_OBJECT (page), PAGE_KEY, g_strdup (anchor->ref), g_free);
          g_ptr_array_add (self->link_tags, g_object_ref (page));
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, mark, -1, tag_name, "page-break-inline", "locked", NULL);
          {
            GtkTextIter from = end;

            gtk_text_iter_backward_chars (&from, g_utf8_strlen (mark, -1));
            gtk_text_buffer_apply_tag (buffer, page, &from, &end);
          }
        }
    }

  if (done < length)
    insert_segment (buffer, &end, text, done, length, tag_name, segments);

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);

      if (is_mention (anchor))
        mark_mention (self, anchor, text, segments);
    }
}

static void
insert_footnotes (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *footnotes = docket_record_get_footnotes (self->record);
  GtkTextIter end;

  if (footnotes->len == 0)
    return;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014", -1, "footnote-rule", "locked", NULL);

  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
      GtkTextTag *link = make_link_tag (self, LINK_TO_MARKER, footnote->id);
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

      gtk_text_buffer_insert (buffer, &end, "\n", 1);
      set_mark (self, "footnote:", footnote->id, &end);
      gtk_text_buffer_insert_with_tags (buffer, &end, footnote->n != NULL ? footnote->n : "?", -1,
                                        gtk_text_tag_table_lookup (table, "footnote"),
                                        gtk_text_tag_table_lookup (table, "footnote-number"),
                                        link, NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, ". ", -1, "footnote", NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, footnote->text != NULL ? footnote->text : "", -1,
                                                "footnote", NULL);
      set_mark (self, "footnote-end:", footnote->id, &end);
    }

  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_mark (buffer, &start, get_mark (self, "notes", ""));
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "locked", &start, &end);
  }
}

/* The words a mention covers, as the body has them. */
static char *
mention_text (const DocketBlock  *block,
              const DocketAnchor *anchor)
{
  gsize length = strlen (block->text);
  gsize offset = MIN (anchor->offset, length);

  return g_utf8_make_valid (block->text + offset, MIN (anchor->length, length - offset));
}

/* "Terms": each term the body mentions, once, in the order of its first
 * mention, with its expansion from the glossary. */
static void
insert_terms (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body = docket_record_get_body (self->record);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkTextIter start, end;
  int section_start = -1;

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
          DocketAccessPoint *term;
          g_autofree char *surface = NULL;

          if (anchor->kind != DOCKET_ANCHOR_TERM || anchor->ref == NULL ||
              !g_hash_table_add (seen, anchor->ref))
            continue;

          if (section_start < 0)
            {
              section_start = gtk_text_iter_get_offset (&end);
              gtk_text_buffer_insert (buffer, &end, "\n", 1);
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _("Terms"), -1, "terms-heading", NULL);
            }

          term = self->terms_by_ref != NULL ? g_hash_table_lookup (self->terms_by_ref, anchor->ref) : NULL;
          surface = term != NULL && term->term != NULL ? g_strdup (term->term) : mention_text (block, anchor);
          gtk_text_buffer_insert (buffer, &end, "\n", 1);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, surface, -1, "term-entry", "term-name", NULL);
          if (term != NULL && term->role != NULL)
            {
              /* An em dash between the term and what it stands for. */
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, " \u2014 ", -1, "term-entry", NULL);
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, term->role, -1, "term-entry", NULL);
            }
        }
    }

  if (section_start < 0)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, section_start);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "locked", &start, &end);
}

static void
render (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body;
  GtkTextIter start, end;
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  int cursor = -1;

  /* In edit mode an undo re-renders: keep the cursor where it was. */
  if (self->editing)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      cursor = gtk_text_iter_get_offset (&start);
    }

  self->rendering++;
  clear_rendering (self);
  if (self->record == NULL)
    {
      self->rendering--;
      return;
    }

  body = docket_record_get_body (self->record);
  for (guint i = 0; i < body->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      int end_offset;

      if (i > 0)
        {
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n", 1, "locked", NULL);
        }
      gtk_text_buffer_get_end_iter (buffer, &end);
      set_mark (self, "block:", index, &end);
      insert_block (self, g_ptr_array_index (body, i));
      gtk_text_buffer_get_end_iter (buffer, &end);
      end_offset = gtk_text_iter_get_offset (&end);
      g_array_append_val (ends, end_offset);
    }

  gtk_text_buffer_get_end_iter (buffer, &end);
  set_mark (self, "notes", "", &end);
  insert_footnotes (self);
  insert_terms (self);

  /* Made last: a right-gravity mark would move past whatever was added at
   * its place afterwards. */
  for (guint i = 0; i < ends->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (ends, int, i));
      set_block_end_mark (self, index, &end);
    }

  if (cursor >= 0)
    gtk_text_buffer_get_iter_at_offset (buffer, &start, cursor);
  else
    gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->rendering--;
}

static void
record_changed_cb (DocketDocumentView *self,
                   const char         *what,
                   DocketRecord       *record)
{
  if (self->syncing > 0)
    return;
  if (g_strcmp0 (what, "body") == 0 || g_strcmp0 (what, "footnotes") == 0)
    render (self);
}

/* The link at @iter, or the one just before it: a cursor placed after a
 * one-character marker still counts as on it. */
static GtkTextTag *
link_tag_at (GtkTextIter *iter,
             gboolean     also_before)
{
  GtkTextIter before = *iter;
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, LINK_KIND_KEY) != NULL)
      return l->data;

  if (also_before && gtk_text_iter_backward_char (&before))
    return link_tag_at (&before, FALSE);
  return NULL;
}

static void
set_highlight (DocketDocumentView *self,
               const char         *footnote_id,
               GtkTextIter        *start,
               GtkTextIter        *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter all_start, all_end;

  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &all_start, &all_end);
  gtk_text_buffer_apply_tag_by_name (buffer, "highlight", start, end);

  /* Select the range with the cursor at its start, so that Return follows
   * the link back and a screen reader reads the highlighted text. */
  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.05, TRUE, 0.0, 0.3);

  if (g_strcmp0 (self->highlighted, footnote_id) != 0)
    {
      g_free (self->highlighted);
      self->highlighted = g_strdup (footnote_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_FOOTNOTE]);
    }
}

/**
 * docket_document_view_show_footnote:
 * @footnote_id: the footnote's id
 *
 * Scrolls to the footnote, highlights and selects it.
 *
 * Returns: %FALSE if the record has no such footnote
 */
gboolean
docket_document_view_show_footnote (DocketDocumentView *self,
                                    const char         *footnote_id)
{
  GtkTextBuffer *buffer;
  GtkTextMark *start_mark, *end_mark;
  GtkTextIter start, end;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  start_mark = get_mark (self, "footnote:", footnote_id);
  end_mark = get_mark (self, "footnote-end:", footnote_id);
  if (start_mark == NULL || end_mark == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  set_highlight (self, footnote_id, &start, &end);
  return TRUE;
}

/**
 * docket_document_view_show_marker:
 * @footnote_id: the footnote's id
 *
 * Scrolls back to the footnote's marker in the text and highlights it.
 *
 * Returns: %FALSE if no marker refers to the footnote
 */
gboolean
docket_document_view_show_marker (DocketDocumentView *self,
                                  const char         *footnote_id)
{
  GtkTextBuffer *buffer;
  GtkTextMark *start_mark, *end_mark;
  GtkTextIter start, end;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  start_mark = get_mark (self, "marker:", footnote_id);
  end_mark = get_mark (self, "marker-end:", footnote_id);
  if (start_mark == NULL || end_mark == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  set_highlight (self, footnote_id, &start, &end);
  return TRUE;
}

static gboolean
follow_link_at (DocketDocumentView *self,
                GtkTextIter        *iter,
                gboolean            also_before)
{
  GtkTextTag *tag = link_tag_at (iter, also_before);
  const char *footnote_id;

  if (tag == NULL)
    return FALSE;

  footnote_id = g_object_get_data (G_OBJECT (tag), FOOTNOTE_ID_KEY);
  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), LINK_KIND_KEY)))
    {
    case LINK_TO_FOOTNOTE:
      return docket_document_view_show_footnote (self, footnote_id);
    case LINK_TO_MARKER:
      return docket_document_view_show_marker (self, footnote_id);
    default:
      return FALSE;
    }
}

static gboolean
follow_link_at_cursor (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return follow_link_at (self, &iter, TRUE);
}

static void
follow_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  follow_link_at_cursor (DOCKET_DOCUMENT_VIEW (widget));
}

static gboolean
key_pressed_cb (DocketDocumentView    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  /* In edit mode Return does not split a block: blocks come from the
   * source and their kinds would be lost. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    return follow_link_at_cursor (self) || self->editing ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  return GDK_EVENT_PROPAGATE;
}

static gboolean
iter_at_point (DocketDocumentView *self,
               double              x,
               double              y,
               GtkTextIter        *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->text_view, iter, bx, by);
}

static void
click_released_cb (DocketDocumentView *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  /* A drag that selected text is not a click on a link. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  if (iter_at_point (self, x, y, &iter))
    follow_link_at (self, &iter, FALSE);
}

static void
motion_cb (DocketDocumentView       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  GtkTextIter iter;
  gboolean on_link = iter_at_point (self, x, y, &iter) && link_tag_at (&iter, FALSE) != NULL;

  if (on_link != self->pointer_on_link)
    {
      self->pointer_on_link = on_link;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), on_link ? "pointer" : "text");
    }
}

static GtkTextTag *
tag_with_data (const GtkTextIter *iter,
               const char        *key)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, key) != NULL)
      return l->data;
  return NULL;
}

/**
 * docket_document_view_dup_mention_tooltip:
 * @iter: a place in the view's buffer
 *
 * What the view's tooltip says of the mention at @iter: "CIA: Central
 * Intelligence Agency", or "Rusk, Dean: Secretary of State".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no mention
 *   is there or the volume's lists do not explain it
 */
char *
docket_document_view_dup_mention_tooltip (DocketDocumentView *self,
                                          const GtkTextIter  *iter)
{
  GtkTextTag *tag;
  const char *ref;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tag = tag_with_data (iter, MENTION_KEY);
  if (tag == NULL)
    return NULL;
  ref = g_object_get_data (G_OBJECT (tag), MENTION_KEY);
  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), MENTION_KIND_KEY)))
    {
    case DOCKET_ANCHOR_TERM:
      {
        DocketAccessPoint *term = self->terms_by_ref != NULL ? g_hash_table_lookup (self->terms_by_ref, ref) : NULL;

        if (term == NULL || term->role == NULL)
          return NULL;
        /* Translators: a term of the glossary and what it stands for. */
        return g_strdup_printf (_("%s: %s"), term->term != NULL ? term->term : ref, term->role);
      }
    case DOCKET_ANCHOR_PERSON:
      {
        DocketAgent *person = self->persons_by_ref != NULL ? g_hash_table_lookup (self->persons_by_ref, ref) : NULL;

        if (person == NULL || person->name == NULL)
          return NULL;
        if (person->office == NULL)
          return g_strdup (person->name);
        /* Translators: a person and the offices the volume gives them. */
        return g_strdup_printf (_("%s: %s"), person->name, person->office);
      }
    default:
      return NULL;
    }
}

static gboolean
query_tooltip_cb (DocketDocumentView *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip,
                  GtkWidget          *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter iter;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else if (!iter_at_point (self, x, y, &iter))
    return FALSE;

  text = docket_document_view_dup_mention_tooltip (self, &iter);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Edit mode */

static int
block_at_iter (DocketDocumentView *self,
               const GtkTextIter  *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body;

  if (self->record == NULL)
    return -1;
  body = docket_record_get_body (self->record);
  for (guint i = body->len; i > 0; i--)
    {
      g_autofree char *index = g_strdup_printf ("%u", i - 1);
      GtkTextMark *start_mark = get_mark (self, "block:", index);
      GtkTextMark *end_mark = get_mark (self, "block-end:", index);
      GtkTextIter start, end;

      if (start_mark == NULL || end_mark == NULL)
        continue;
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      if (gtk_text_iter_compare (&start, iter) <= 0 && gtk_text_iter_compare (iter, &end) <= 0)
        return i - 1;
    }
  return -1;
}


/* Extends the mentions that cover the character at @iter, which stands at
 * bytes @from to @to of the block's text; a mention seen first here starts
 * at that character. Text typed inside a mention has lost its tag, so a
 * mention runs from its first tagged character to its last. */
static void
read_mentions (const GtkTextIter *iter,
               gsize              from,
               gsize              to,
               GPtrArray         *anchors,
               GHashTable        *mentions)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *ref = g_object_get_data (l->data, MENTION_KEY);
      DocketAnchor *anchor;

      if (ref == NULL)
        continue;
      anchor = g_hash_table_lookup (mentions, l->data);
      if (anchor == NULL)
        {
          DocketAnchorKind kind = GPOINTER_TO_INT (g_object_get_data (l->data, MENTION_KIND_KEY));

          anchor = docket_anchor_new_span (kind, from, 0, ref);
          g_ptr_array_add (anchors, anchor);
          g_hash_table_insert (mentions, l->data, anchor);
        }
      anchor->length = to - anchor->offset;
    }
}

/* Reads block @index back from the buffer: its text, and its markers, page
 * breaks and mentions wherever the edits moved them. */
static DocketBlock *
read_block (DocketDocumentView *self,
            guint               index,
            const DocketBlock  *old)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *name = g_strdup_printf ("%u", index);
  GtkTextMark *start_mark = get_mark (self, "block:", name);
  GtkTextMark *end_mark = get_mark (self, "block-end:", name);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_anchor_free);
  g_autoptr(GHashTable) mentions = g_hash_table_new (NULL, NULL);
  DocketBlock *block;
  GtkTextIter iter, end;

  if (old->kind == DOCKET_BLOCK_PAGE_BREAK || start_mark == NULL || end_mark == NULL)
    return docket_block_copy (old);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextTag *tag;

      if ((tag = tag_with_data (&iter, FOOTNOTE_ID_KEY)) != NULL &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), LINK_KIND_KEY)) == LINK_TO_FOOTNOTE)
        {
          g_ptr_array_add (anchors, docket_anchor_new (DOCKET_ANCHOR_FOOTNOTE, text->len,
                                                       g_object_get_data (G_OBJECT (tag), FOOTNOTE_ID_KEY)));
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
        }
      else if ((tag = tag_with_data (&iter, PAGE_KEY)) != NULL)
        {
          g_ptr_array_add (anchors, docket_anchor_new (DOCKET_ANCHOR_PAGE_BREAK, text->len,
                                                       g_object_get_data (G_OBJECT (tag), PAGE_KEY)));
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
        }
      else
        {
          gunichar c = gtk_text_iter_get_char (&iter);

          if (c == '\n' || c == '\r')
            c = ' ';
          if (c != 0 && c != 0xFFFC)
            {
              gsize from = text->len;

              g_string_append_unichar (text, c);
              read_mentions (&iter, from, text->len, anchors, mentions);
            }
          gtk_text_iter_forward_char (&iter);
        }
    }

  block = docket_block_new (old->kind, text->str);
  g_ptr_array_extend_and_steal (block->anchors, g_steal_pointer (&anchors));
  return block;
}

/* After each edit in edit mode, the record's body takes the buffer's text.
 * The view does not render again for its own change. */
static void
sync_body (DocketDocumentView *self)
{
  GPtrArray *body;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_block_free);
  gboolean changed = FALSE;

  if (self->record == NULL || !self->editing || self->rendering > 0)
    return;

  body = docket_record_get_body (self->record);
  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = read_block (self, i, g_ptr_array_index (body, i));

      changed |= !docket_block_equal (block, g_ptr_array_index (body, i));
      g_ptr_array_add (blocks, block);
    }
  if (!changed)
    return;

  g_ptr_array_set_size (body, 0);
  g_ptr_array_extend_and_steal (body, g_steal_pointer (&blocks));

  self->syncing++;
  docket_record_changed (self->record, "body");
  self->syncing--;
}

static void
end_user_action_cb (DocketDocumentView *self)
{
  sync_body (self);
}

/* Text typed or pasted takes the look of its block and nothing else: not
 * the marker or link it was typed beside. */
static void
insert_text_after_cb (DocketDocumentView *self,
                      GtkTextIter        *location,
                      const char         *text,
                      int                 length,
                      GtkTextBuffer      *buffer)
{
  GtkTextIter start = *location;
  int block;

  if (!self->editing || self->rendering > 0)
    return;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  gtk_text_buffer_remove_all_tags (buffer, &start, location);
  block = block_at_iter (self, &start);
  if (block >= 0)
    {
      DocketBlock *b = g_ptr_array_index (docket_record_get_body (self->record), block);
      gtk_text_buffer_apply_tag_by_name (buffer, block_tag_name (b->kind), &start, location);
    }
}

gboolean
docket_document_view_get_editing (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);
  return self->editing;
}

/**
 * docket_document_view_set_editing:
 * @editing: whether the body's text can be corrected
 *
 * In edit mode the text of the body can be typed over; markers, page
 * breaks, block boundaries and the footnotes cannot, and move with the text
 * around them. Each edit reaches the record at once (and so autosave and
 * undo).
 */
void
docket_document_view_set_editing (DocketDocumentView *self,
                                  gboolean            editing)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  gtk_text_view_set_editable (self->text_view, editing);
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "editing");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/**
 * docket_document_view_get_cursor_position:
 * @out_block: (out): the index of the body block the cursor is in
 * @out_offset: (out): the byte offset in that block's text, markers and
 *   page breaks not counted
 *
 * The place a new footnote marker goes: the end of the selection, or the
 * cursor.
 *
 * Returns: %FALSE when the cursor is not in the body's text (in the
 *   footnotes, say)
 */
gboolean
docket_document_view_get_cursor_position (DocketDocumentView *self,
                                          guint              *out_block,
                                          gsize              *out_offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, iter, cursor;
  g_autofree char *name = NULL;
  gsize offset = 0;
  int block;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &cursor);
  block = block_at_iter (self, &cursor);
  if (block < 0)
    return FALSE;

  name = g_strdup_printf ("%d", block);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, get_mark (self, "block:", name));
  while (gtk_text_iter_compare (&iter, &cursor) < 0)
    {
      GtkTextTag *tag = tag_with_data (&iter, FOOTNOTE_ID_KEY);

      if (tag == NULL)
        tag = tag_with_data (&iter, PAGE_KEY);
      if (tag != NULL)
        {
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
          continue;
        }
      {
        char utf8[6];
        offset += g_unichar_to_utf8 (gtk_text_iter_get_char (&iter), utf8);
      }
      gtk_text_iter_forward_char (&iter);
    }

  *out_block = block;
  *out_offset = offset;
  return TRUE;
}

static void
docket_document_view_dispose (GObject *object)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);
  GtkWidget *child;

  docket_document_view_set_record (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_DOCUMENT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (docket_document_view_parent_class)->dispose (object);
}

static void
docket_document_view_finalize (GObject *object)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->highlighted, g_free);
  g_clear_pointer (&self->terms_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->glossary, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);

  G_OBJECT_CLASS (docket_document_view_parent_class)->finalize (object);
}

static void
docket_document_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_HIGHLIGHTED_FOOTNOTE:
      g_value_set_string (value, self->highlighted);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_document_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DocketDocumentView *self = DOCKET_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      docket_document_view_set_record (self, g_value_get_object (value));
      break;
    case PROP_EDITING:
      docket_document_view_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_document_view_class_init (DocketDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_document_view_dispose;
  object_class->finalize = docket_document_view_finalize;
  object_class->get_property = docket_document_view_get_property;
  object_class->set_property = docket_document_view_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED_FOOTNOTE] =
    g_param_spec_string ("highlighted-footnote", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketDocumentView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  /* Return on a marker (see key_pressed_cb) and this action do the same. */
  gtk_widget_class_install_action (widget_class, "document.follow-link", NULL, follow_link_action);
  gtk_widget_class_install_property_action (widget_class, "document.editing", "editing");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
docket_document_view_init (DocketDocumentView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->link_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, delete_mark);
  create_tags (self);

  /* In the capture phase, so that Return on a link is ours before the text
   * view sees it. */
  /* Edits go through the edit session's undo, not the text view's own. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "end-user-action",
                           G_CALLBACK (end_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "insert-text",
                           G_CALLBACK (insert_text_after_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
}

GtkWidget *
docket_document_view_new (void)
{
  return g_object_new (DOCKET_TYPE_DOCUMENT_VIEW, NULL);
}

DocketRecord *
docket_document_view_get_record (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->record;
}

/**
 * docket_document_view_set_record:
 * @record: (nullable): the record to show
 */
void
docket_document_view_set_record (DocketDocumentView *self,
                                 DocketRecord       *record)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (record == NULL || DOCKET_IS_RECORD (record));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->changed_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    self->changed_id = g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

GtkTextView *
docket_document_view_get_text_view (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->text_view;
}

/* The number of footnote markers in the text as shown. */
guint
docket_document_view_get_n_markers (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), 0);
  return self->n_markers;
}

/**
 * docket_document_view_get_marker_iter:
 * @iter: (out): set to the start of the marker
 *
 * Returns: %FALSE if no marker refers to @footnote_id
 */
gboolean
docket_document_view_get_marker_iter (DocketDocumentView *self,
                                      const char         *footnote_id,
                                      GtkTextIter        *iter)
{
  GtkTextMark *mark;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);

  mark = get_mark (self, "marker:", footnote_id);
  if (mark == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (self->text_view), iter, mark);
  return TRUE;
}

const char *
docket_document_view_get_highlighted_footnote (DocketDocumentView *self)
{
  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), NULL);
  return self->highlighted;
}

/**
 * docket_document_view_set_volume_lists:
 * @glossary: (nullable) (element-type DocketAccessPoint): the volume's
 *   terms (@authority_id the id, @term, @role the expansion)
 * @persons: (nullable) (element-type DocketAgent): the volume's persons
 *   (@ref the id, @name, @office the description)
 *
 * Gives the view the lists that explain the terms and persons the record
 * mentions, as docket_store_load_volume_lists_finish() returns them. The
 * view keeps a reference to both arrays and shows them again.
 */
void
docket_document_view_set_volume_lists (DocketDocumentView *self,
                                       GPtrArray          *glossary,
                                       GPtrArray          *persons)
{
  g_return_if_fail (DOCKET_IS_DOCUMENT_VIEW (self));

  if (self->glossary == glossary && self->persons == persons)
    return;

  g_clear_pointer (&self->terms_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->persons_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->glossary, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);

  if (glossary != NULL)
    {
      self->glossary = g_ptr_array_ref (glossary);
      self->terms_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < glossary->len; i++)
        {
          DocketAccessPoint *term = g_ptr_array_index (glossary, i);

          if (term->authority_id != NULL)
            g_hash_table_insert (self->terms_by_ref, term->authority_id, term);
        }
    }
  if (persons != NULL)
    {
      self->persons = g_ptr_array_ref (persons);
      self->persons_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < persons->len; i++)
        {
          DocketAgent *person = g_ptr_array_index (persons, i);

          if (person->ref != NULL)
            g_hash_table_insert (self->persons_by_ref, person->ref, person);
        }
    }

  render (self);
}

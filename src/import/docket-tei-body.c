/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>

#include "docket-source-note.h"
#include "docket-tei-private.h"

/* The body of one document: blocks in reading order, with footnote markers
 * and page breaks as anchors where they stand in the text. */

static void inline_node (DocketTeiDoc *doc, const xmlNode *node);
static void list_blocks (DocketTeiDoc *doc, const xmlNode *list, DocketBlockKind item_kind);

void
_docket_tei_body_open (DocketTeiDoc    *doc,
                       DocketBlockKind  kind)
{
  if (doc->open)
    _docket_tei_body_close (doc);

  doc->open = TRUE;
  doc->kind = kind;
  doc->serial++;
  /* The text and anchors of a block are the document's, emptied when the
   * block closes: the record keeps its own copies. */
  if (doc->text.str == NULL)
    _docket_tei_text_init (&doc->text);
  doc->text.pending_space = FALSE;
  if (doc->anchors == NULL)
    doc->anchors = g_array_new (FALSE, FALSE, sizeof (DocketTeiAnchor));
}

static gboolean
starts_with_any (const char         *text,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* A paragraph that is really a salutation ("Dear Dean:") or a complimentary
 * close ("Sincerely,") gets its own kind, so that renderings can set it. */
static DocketBlockKind
refine_kind (DocketBlockKind  kind,
             const char      *text)
{
  static const char * const salutations[] = { "Dear ", "My dear ", "My Dear ", NULL };
  static const char * const closings[] = {
    "Sincerely", "Respectfully", "Faithfully", "Cordially", "Very truly",
    "Yours", "With best", "With warm", "With kind", "With respect", "With high",
    "Best regards", "Warm regards", "Kind regards", "Best wishes", NULL
  };
  gsize len = strlen (text);

  if (kind != DOCKET_BLOCK_PARAGRAPH || len == 0 || len > 80)
    return kind;
  if (starts_with_any (text, salutations) && (text[len - 1] == ':' || text[len - 1] == ','))
    return DOCKET_BLOCK_SALUTATION;
  if (len <= 40 && text[len - 1] == ',' && starts_with_any (text, closings))
    return DOCKET_BLOCK_CLOSING;
  return kind;
}

static DocketBlock *
last_block (DocketTeiDoc *doc)
{
  GPtrArray *body = docket_record_get_body (doc->record);

  return body->len > 0 ? g_ptr_array_index (body, body->len - 1) : NULL;
}

static void
add_page_break_block (DocketTeiDoc *doc,
                      const char   *n)
{
  docket_record_add_block (doc->record, docket_block_new (DOCKET_BLOCK_PAGE_BREAK, n));
}

/* The block of @text (@len bytes) and @anchors, as _docket_tei_body_close()
 * makes it. */
static DocketBlock *
close_block (DocketTeiDoc *doc,
             const char   *text,
             gsize         len,
             GArray       *anchors)
{
  DocketBlock *block;

  if (len == 0)
    {
      for (guint i = 0; i < anchors->len; i++)
        {
          const DocketTeiAnchor *anchor = &g_array_index (anchors, DocketTeiAnchor, i);
          DocketBlock *previous = last_block (doc);

          /* A mention covers text; an empty block has none. */
          if (anchor->length > 0)
            continue;
          if (anchor->kind == DOCKET_ANCHOR_PAGE_BREAK)
            add_page_break_block (doc, anchor->ref);
          else if (previous != NULL && previous->kind != DOCKET_BLOCK_PAGE_BREAK)
            docket_block_add_anchor (previous, anchor->kind, strlen (previous->text), anchor->ref);
          else
            {
              /* Nothing to hang the marker on: keep an empty block for it. */
              block = docket_block_new (doc->kind, "");
              docket_block_add_anchor (block, anchor->kind, 0, anchor->ref);
              docket_record_add_block (doc->record, block);
            }
        }
      return NULL;
    }

  block = docket_block_new (refine_kind (doc->kind, text), text);
  for (guint i = 0; i < anchors->len; i++)
    {
      const DocketTeiAnchor *anchor = &g_array_index (anchors, DocketTeiAnchor, i);
      gsize offset = MIN (anchor->offset, len);

      docket_block_add_span (block, anchor->kind, offset, MIN (anchor->length, len - offset),
                             anchor->ref);
    }
  /* A paragraph holding only a document number ("JCSM–411–66", "A–716")
   * is not text of the document (a withheld document may print one). */
  if (block->kind == DOCKET_BLOCK_PARAGRAPH && (strchr (text, ' ') != NULL || len > 24))
    doc->n_paragraphs++;
  docket_record_add_block (doc->record, block);
  return block;
}

/**
 * _docket_tei_body_close:
 *
 * Ends the open block and appends it to the record's body. An empty block
 * is dropped; its page breaks become page-break blocks and its footnote
 * markers move to the end of the block before it.
 *
 * Returns: (transfer none) (nullable): the block appended
 */
DocketBlock *
_docket_tei_body_close (DocketTeiDoc *doc)
{
  DocketBlock *block;

  if (!doc->open)
    return NULL;

  doc->open = FALSE;
  block = close_block (doc, doc->text.str->str, doc->text.str->len, doc->anchors);
  g_string_truncate (doc->text.str, 0);
  doc->text.pending_space = FALSE;
  g_array_set_size (doc->anchors, 0);
  return block;
}

/**
 * _docket_tei_body_anchor:
 * @ref: a string that outlives the open block (see DocketTeiAnchor)
 *
 * Notes a marker or mention in the open block.
 */
void
_docket_tei_body_anchor (DocketTeiDoc     *doc,
                         DocketAnchorKind  kind,
                         gsize             offset,
                         gsize             length,
                         const char       *ref)
{
  DocketTeiAnchor anchor = { kind, offset, length, ref };

  g_array_append_val (doc->anchors, anchor);
}

static void
add_anchor (DocketTeiDoc     *doc,
            DocketAnchorKind  kind,
            const char       *ref)
{
  /* The marker follows the character before it, not a space. */
  _docket_tei_body_anchor (doc, kind, doc->text.str->len, 0, ref);
}

/**
 * _docket_tei_body_page:
 *
 * A `pb`: an anchor inside running text, else a page-break block.
 */
void
_docket_tei_body_page (DocketTeiDoc *doc,
                       const char   *n)
{
  if (n == NULL || *n == '\0')
    return;

  g_free (doc->last_page);
  doc->last_page = g_strdup (n);

  if (doc->open && doc->text.str->len > 0)
    add_anchor (doc, DOCKET_ANCHOR_PAGE_BREAK, n);
  else
    /* The open block is still empty, so the page starts before it. */
    add_page_break_block (doc, n);
}

void
_docket_tei_mention (DocketTeiDoc  *doc,
                     const xmlNode *pers_name)
{
  const char *corresp = _docket_tei_attr (pers_name, "corresp");
  g_autofree char *name = NULL;
  DocketAgent *agent;

  if (corresp == NULL || *corresp == '\0')
    return;
  if (*corresp == '#')
    corresp++;
  if (g_hash_table_contains (doc->mentioned, corresp))
    return;

  /* Keep the surface form; the persons list gives the full name. */
  name = _docket_tei_node_text (pers_name, TRUE);
  agent = docket_agent_new (DOCKET_AGENT_MENTIONED, name, NULL);
  agent->ref = g_strdup (corresp);
  g_hash_table_add (doc->mentioned, g_strdup (corresp));
  docket_record_add_agent (doc->record, agent);
}

/* "5. Letter From Secretary of Defense " → "Secretary of Defense";
 * ") to the Special Assistant to the President (" → "Special Assistant to
 * the President": the office is what follows the first joining word. */
static char *
office_from_segment (const char *segment)
{
  static const char * const joins[] = { " From ", " from ", " to ", " To ", " and ", NULL };
  const char *best = NULL;
  gsize best_len = 0;
  g_autofree char *office = NULL;
  char *start;
  gsize len;

  for (guint i = 0; joins[i] != NULL; i++)
    {
      const char *found = strstr (segment, joins[i]);

      if (found != NULL && (best == NULL || found < best))
        {
          best = found;
          best_len = strlen (joins[i]);
        }
    }
  if (best == NULL)
    return NULL;

  office = g_strdup (best + best_len);
  start = office;
  if (g_str_has_prefix (start, "the ") || g_str_has_prefix (start, "The "))
    start += 4;
  len = strlen (start);
  while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '(' || start[len - 1] == ','))
    start[--len] = '\0';
  if (len == 0)
    return NULL;
  return g_strdup (start);
}

/**
 * _docket_tei_head_agent:
 *
 * A `persName` or `gloss` with `@type` "from" or "to" in the head: a sender
 * or recipient, with the office the head gives it.
 */
void
_docket_tei_head_agent (DocketTeiDoc  *doc,
                        const xmlNode *node)
{
  const char *type = _docket_tei_attr (node, "type");
  const char *corresp = _docket_tei_attr (node, "corresp");
  gboolean is_person = _docket_tei_is (node, "persName");
  g_autofree char *name = _docket_tei_node_text (node, TRUE);
  g_autofree char *office = NULL;
  DocketAgentRole role;
  DocketAgent *agent;

  if (g_strcmp0 (type, "from") == 0)
    role = DOCKET_AGENT_AUTHOR;
  else if (g_strcmp0 (type, "to") == 0)
    role = DOCKET_AGENT_RECIPIENT;
  else
    return;

  if (is_person && doc->head_mark <= doc->text.str->len)
    {
      g_autofree char *segment = g_strndup (doc->text.str->str + doc->head_mark,
                                            doc->text.str->len - doc->head_mark);

      /* Keep the space before the name, so that " to " is found. */
      if (doc->text.pending_space)
        {
          char *with_space = g_strconcat (segment, " ", NULL);

          g_free (segment);
          segment = with_space;
        }
      office = office_from_segment (segment);
    }

  /* "From the Embassy in Japan": the body is "Embassy in Japan". */
  if (!is_person && (g_str_has_prefix (name, "the ") || g_str_has_prefix (name, "The ")))
    memmove (name, name + 4, strlen (name + 4) + 1);

  agent = docket_agent_new (role, name, office);
  if (corresp != NULL && *corresp != '\0')
    agent->ref = g_strdup (corresp[0] == '#' ? corresp + 1 : corresp);
  docket_record_add_agent (doc->record, agent);
}

static void
block_child (DocketTeiDoc  *doc,
             const xmlNode *node)
{
  DocketBlockKind kind = doc->kind;

  /* A paragraph, list, quote or table inside running text ends the block;
   * the text after it continues in a new block of the same kind. */
  _docket_tei_body_close (doc);
  if (_docket_tei_is (node, "list"))
    list_blocks (doc, node, kind == DOCKET_BLOCK_SIGNATURE ? kind : DOCKET_BLOCK_LIST_ITEM);
  else if (_docket_tei_is (node, "quote"))
    _docket_tei_body_blocks (doc, node, DOCKET_BLOCK_QUOTE);
  else if (_docket_tei_is (node, "p"))
    {
      _docket_tei_body_open (doc, kind);
      _docket_tei_body_inline (doc, node);
      _docket_tei_body_close (doc);
    }
  else
    _docket_tei_body_blocks (doc, node, kind);
  _docket_tei_body_open (doc, kind);
}

static gboolean
is_block_element (const xmlNode *node)
{
  static const char * const names[] = {
    "p", "list", "quote", "table", "div", "closer", "floatingText", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    if (_docket_tei_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_footnote (const xmlNode *note)
{
  return _docket_tei_attr (note, "n") != NULL
         || _docket_tei_xml_id (note) != NULL
         || _docket_tei_attr (note, "type") != NULL;
}

/* A `gloss` or `persName` in running text: its words, and an anchor that
 * covers them. A block that ends inside the mention (a list in a gloss)
 * leaves it without an anchor rather than with a wrong one. */
static void
inline_mention (DocketTeiDoc     *doc,
                const xmlNode    *node,
                DocketAnchorKind  kind,
                const char       *ref)
{
  guint serial = doc->serial;
  guint n_blocks = docket_record_get_body (doc->record)->len;
  gsize start = _docket_tei_text_next (&doc->text);

  _docket_tei_body_inline (doc, node);
  if (doc->open && doc->serial == serial
      && docket_record_get_body (doc->record)->len == n_blocks
      && doc->text.str->len > start)
    _docket_tei_body_anchor (doc, kind, start, doc->text.str->len - start, ref);
}

static void
inline_node (DocketTeiDoc  *doc,
             const xmlNode *node)
{
  switch (node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (!doc->open)
        {
          const char *p = (const char *) node->content;

          while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            p++;
          if (*p == '\0')
            return;
          _docket_tei_body_open (doc, DOCKET_BLOCK_PARAGRAPH);
        }
      _docket_tei_text_append (&doc->text, (const char *) node->content);
      return;

    case XML_ELEMENT_NODE:
      break;

    default:
      return;
    }

  if (_docket_tei_is (node, "note"))
    {
      if (is_footnote (node))
        _docket_tei_footnote (doc, node);
      else
        _docket_tei_body_inline (doc, node);
    }
  else if (_docket_tei_is (node, "pb"))
    _docket_tei_body_page (doc, _docket_tei_attr (node, "n"));
  else if (_docket_tei_is (node, "lb"))
    _docket_tei_text_space (&doc->text);
  else if (_docket_tei_is (node, "figure") || _docket_tei_is (node, "graphic"))
    return;
  else if (is_block_element (node))
    block_child (doc, node);
  else
    {
      DocketAnchorKind mention_kind = DOCKET_ANCHOR_TERM;
      const char *mention_ref = NULL;

      if (_docket_tei_is (node, "persName") || _docket_tei_is (node, "gloss"))
        {
          if (doc->in_head && _docket_tei_attr (node, "type") != NULL)
            _docket_tei_head_agent (doc, node);
          else if (_docket_tei_is (node, "persName"))
            {
              _docket_tei_mention (doc, node);
              mention_kind = DOCKET_ANCHOR_PERSON;
              mention_ref = _docket_tei_attr (node, "corresp");
            }
          else
            /* A gloss in running text points at the terms list (§11). */
            mention_ref = _docket_tei_attr (node, "target");
        }
      else if (doc->in_dateline && _docket_tei_is (node, "date") && doc->date_start < 0)
        doc->date_start = _docket_tei_text_next (&doc->text);

      if (!doc->open)
        _docket_tei_body_open (doc, DOCKET_BLOCK_PARAGRAPH);
      if (mention_ref != NULL && *mention_ref != '\0')
        inline_mention (doc, node, mention_kind, mention_ref[0] == '#' ? mention_ref + 1 : mention_ref);
      else
        _docket_tei_body_inline (doc, node);

      if (doc->in_head && _docket_tei_attr (node, "type") != NULL
          && (_docket_tei_is (node, "persName") || _docket_tei_is (node, "gloss")))
        doc->head_mark = doc->text.str->len;
    }
}

void
_docket_tei_body_inline (DocketTeiDoc  *doc,
                         const xmlNode *parent)
{
  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    inline_node (doc, child);
}

static void
list_blocks (DocketTeiDoc    *doc,
             const xmlNode   *list,
             DocketBlockKind  item_kind)
{
  gboolean subject = g_strcmp0 (_docket_tei_attr (list, "type"), "subject") == 0;

  if (subject)
    item_kind = DOCKET_BLOCK_SUBJECT;

  for (const xmlNode *child = list->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          inline_node (doc, child);
          continue;
        }
      if (_docket_tei_is (child, "head"))
        {
          /* The seed's layout shows a subject line without its "SUBJECT". */
          if (subject)
            continue;
          _docket_tei_body_open (doc, DOCKET_BLOCK_SECTION);
          _docket_tei_body_inline (doc, child);
          _docket_tei_body_close (doc);
        }
      else if (_docket_tei_is (child, "label"))
        {
          _docket_tei_body_close (doc);
          g_free (doc->label);
          doc->label = _docket_tei_node_text (child, TRUE);
        }
      else if (_docket_tei_is (child, "item"))
        {
          _docket_tei_body_open (doc, item_kind);
          if (doc->label != NULL)
            {
              _docket_tei_text_append (&doc->text, doc->label);
              _docket_tei_text_space (&doc->text);
              g_clear_pointer (&doc->label, g_free);
            }
          _docket_tei_body_inline (doc, child);
          _docket_tei_body_close (doc);
        }
      else if (_docket_tei_is (child, "list"))
        {
          _docket_tei_body_close (doc);
          list_blocks (doc, child, item_kind);
        }
      else
        {
          if (!doc->open)
            _docket_tei_body_open (doc, item_kind);
          inline_node (doc, child);
        }
    }
  _docket_tei_body_close (doc);
  g_clear_pointer (&doc->label, g_free);
}

static void
table_blocks (DocketTeiDoc    *doc,
              const xmlNode   *table,
              DocketBlockKind  kind)
{
  for (const xmlNode *row = table->children; row != NULL; row = row->next)
    {
      if (_docket_tei_is (row, "head"))
        {
          _docket_tei_body_open (doc, DOCKET_BLOCK_SECTION);
          _docket_tei_body_inline (doc, row);
          _docket_tei_body_close (doc);
          continue;
        }
      if (!_docket_tei_is (row, "row"))
        {
          if (row->type == XML_ELEMENT_NODE)
            inline_node (doc, row);
          continue;
        }
      _docket_tei_body_open (doc, kind);
      for (const xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          if (cell->type != XML_ELEMENT_NODE)
            continue;
          _docket_tei_text_space (&doc->text);
          _docket_tei_body_inline (doc, cell);
        }
      _docket_tei_body_close (doc);
    }
}

static void
closer_blocks (DocketTeiDoc  *doc,
               const xmlNode *closer)
{
  for (const xmlNode *child = closer->children; child != NULL; child = child->next)
    {
      if (_docket_tei_is (child, "signed"))
        {
          _docket_tei_body_open (doc, DOCKET_BLOCK_SIGNATURE);
          _docket_tei_body_inline (doc, child);
          _docket_tei_body_close (doc);
        }
      else if (_docket_tei_is (child, "dateline"))
        {
          _docket_tei_body_open (doc, DOCKET_BLOCK_DATELINE);
          _docket_tei_body_inline (doc, child);
          _docket_tei_body_close (doc);
        }
      else if (_docket_tei_is (child, "note") && is_footnote (child))
        /* "Printed from an unsigned copy" after the signature. */
        _docket_tei_footnote (doc, child);
      else if (_docket_tei_is (child, "pb"))
        {
          _docket_tei_body_close (doc);
          _docket_tei_body_page (doc, _docket_tei_attr (child, "n"));
        }
      else
        {
          if (!doc->open)
            {
              if (child->type == XML_TEXT_NODE)
                {
                  const char *p = (const char *) child->content;

                  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
                    p++;
                  if (*p == '\0')
                    continue;
                }
              _docket_tei_body_open (doc, DOCKET_BLOCK_CLOSING);
            }
          inline_node (doc, child);
        }
    }
  _docket_tei_body_close (doc);
}

static gboolean
is_bracketed_source (const char *text)
{
  return g_str_has_prefix (text, "[Source:") || g_str_has_prefix (text, "Source:");
}

static void
plain_note_block (DocketTeiDoc  *doc,
                  const xmlNode *note)
{
  DocketBlock *block;

  _docket_tei_body_open (doc, DOCKET_BLOCK_SOURCE);
  _docket_tei_body_inline (doc, note);
  block = _docket_tei_body_close (doc);
  if (block != NULL && doc->bracket_source == NULL && is_bracketed_source (block->text))
    doc->bracket_source = g_strdup (block->text);
  else if (block != NULL && !is_bracketed_source (block->text))
    block->kind = DOCKET_BLOCK_PARAGRAPH;
}

/**
 * _docket_tei_body_node:
 * @kind: the kind of the blocks that paragraphs and loose text make
 *
 * Appends the blocks that @child (a child of a document or of a division,
 * quote or closer inside it) makes to the record's body.
 */
void
_docket_tei_body_node (DocketTeiDoc    *doc,
                       const xmlNode   *child,
                       DocketBlockKind  kind)
{
  if (child->type != XML_ELEMENT_NODE)
    {
      if (!doc->open && (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE))
        {
          const char *p = (const char *) child->content;

          while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            p++;
          if (*p == '\0')
            return;
          _docket_tei_body_open (doc, kind);
        }
      inline_node (doc, child);
      return;
    }

  if (_docket_tei_is (child, "p") || _docket_tei_is (child, "ab"))
    {
      const char *rend = _docket_tei_attr (child, "rend");
      DocketBlockKind p_kind = kind;
      DocketBlock *block;

      if (kind == DOCKET_BLOCK_PARAGRAPH && g_strcmp0 (rend, "sectiontitleital") == 0)
        p_kind = DOCKET_BLOCK_SECTION;
      _docket_tei_body_open (doc, p_kind);
      _docket_tei_body_inline (doc, child);
      block = _docket_tei_body_close (doc);

      /* v29p2 prints some citations as a paragraph "[Source: …]". */
      if (block != NULL && kind == DOCKET_BLOCK_PARAGRAPH
          && g_str_has_prefix (block->text, "[Source:"))
        {
          block->kind = DOCKET_BLOCK_SOURCE;
          if (doc->n_paragraphs > 0)
            doc->n_paragraphs--;
          if (doc->bracket_source == NULL)
            doc->bracket_source = g_strdup (block->text);
        }
    }
  else if (_docket_tei_is (child, "head"))
    {
      _docket_tei_body_open (doc, DOCKET_BLOCK_SECTION);
      _docket_tei_body_inline (doc, child);
      _docket_tei_body_close (doc);
    }
  else if (_docket_tei_is (child, "list"))
    {
      _docket_tei_body_close (doc);
      list_blocks (doc, child, kind == DOCKET_BLOCK_SIGNATURE ? kind : DOCKET_BLOCK_LIST_ITEM);
    }
  else if (_docket_tei_is (child, "quote"))
    {
      _docket_tei_body_close (doc);
      _docket_tei_body_blocks (doc, child, DOCKET_BLOCK_QUOTE);
    }
  else if (_docket_tei_is (child, "table"))
    {
      _docket_tei_body_close (doc);
      table_blocks (doc, child, kind);
    }
  else if (_docket_tei_is (child, "closer"))
    {
      _docket_tei_body_close (doc);
      closer_blocks (doc, child);
    }
  else if (_docket_tei_is (child, "signed"))
    {
      _docket_tei_body_open (doc, DOCKET_BLOCK_SIGNATURE);
      _docket_tei_body_inline (doc, child);
      _docket_tei_body_close (doc);
    }
  else if (_docket_tei_is (child, "salute"))
    {
      _docket_tei_body_open (doc, DOCKET_BLOCK_SALUTATION);
      _docket_tei_body_inline (doc, child);
      _docket_tei_body_close (doc);
    }
  else if (_docket_tei_is (child, "dateline"))
    {
      _docket_tei_body_open (doc, DOCKET_BLOCK_DATELINE);
      _docket_tei_body_inline (doc, child);
      _docket_tei_body_close (doc);
    }
  else if (_docket_tei_is (child, "note"))
    {
      _docket_tei_body_close (doc);
      if (is_footnote (child))
        _docket_tei_footnote (doc, child);
      else
        plain_note_block (doc, child);
    }
  else if (_docket_tei_is (child, "pb"))
    {
      _docket_tei_body_close (doc);
      _docket_tei_body_page (doc, _docket_tei_attr (child, "n"));
    }
  else if (_docket_tei_is (child, "figure"))
    return;
  else if (_docket_tei_is (child, "div") || _docket_tei_is (child, "postscript")
           || _docket_tei_is (child, "opener") || _docket_tei_is (child, "floatingText")
           || _docket_tei_is (child, "body"))
    {
      _docket_tei_body_close (doc);
      _docket_tei_body_blocks (doc, child, kind);
    }
  else
    {
      if (!doc->open)
        _docket_tei_body_open (doc, kind);
      inline_node (doc, child);
    }
}

/**
 * _docket_tei_body_blocks:
 * @kind: the kind of the blocks that paragraphs and loose text make
 *
 * Appends the blocks of @parent's children to the record's body.
 */
void
_docket_tei_body_blocks (DocketTeiDoc    *doc,
                         const xmlNode   *parent,
                         DocketBlockKind  kind)
{
  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    _docket_tei_body_node (doc, child, kind);
  _docket_tei_body_close (doc);
}

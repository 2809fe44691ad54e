/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"

/* The components of a finding aid read as the parser completes them (see
 * docket-xml-stream.c), so that their records can be stored while the
 * rest of the file is parsed. A component's record is made from its own
 * elements as soon as the first component inside it starts (or it ends):
 * its did, notes and access terms come first in every finding aid Docket
 * has seen. The collection is made, for its id, from what comes before the
 * first <dsc>.
 *
 * What cannot be known while parsing is checked instead: an element of a
 * component after a component inside it, or an entity reference (which
 * the parse replaces in the tree at the end), makes the records read so
 * far void, and the caller then reads the whole tree again; so does a
 * collection whose id or EAD version the rest of the file changes. */

typedef struct
{
  xmlNodePtr  c;
  gboolean    live;  /* a component whose record is read */
  GPtrArray  *own;   /* its elements that are not components, so far */
  char       *path;  /* once its record is read: the path for the components inside it */
} Frame;

typedef struct
{
  DocketEadiImport *self;
  xmlNodePtr        root;
  xmlNodePtr        archdesc;
  GPtrArray        *root_elements;     /* before the archdesc */
  GPtrArray        *archdesc_elements; /* before its first dsc */
  xmlNodePtr        dsc;               /* the dsc being read */
  gboolean          started;           /* the collection is made */
  gboolean          void_;             /* the records read are void */
  GArray           *frames;            /* of Frame */
} StreamWalk;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->own, g_ptr_array_unref);
  g_clear_pointer (&frame->path, g_free);
}

/**
 * _docket_eadi_stream_classify:
 *
 * The DocketXmlStreamClassify of _docket_eadi_read_stream(), in the
 * parsing thread: every element that may hold components is heard of as
 * it starts; every other one, whole, as it ends.
 */
DocketXmlStreamKind
_docket_eadi_stream_classify (const xmlNode *element,
                              gpointer       user_data)
{
  xmlNodePtr node = (xmlNodePtr) element;
  xmlNodePtr parent = node->parent;

  if (parent == NULL || parent->type == XML_DOCUMENT_NODE)
    return _docket_eadi_is (node, "ead") ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_WHOLE;
  if (_docket_xml_stream_is_root (parent))
    return _docket_eadi_is (node, "archdesc") ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_WHOLE;
  if (_docket_eadi_is (parent, "archdesc"))
    return _docket_eadi_is (node, "dsc") ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_WHOLE;
  /* A dsc or a component. */
  return _docket_eadi_is_component (node) ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_WHOLE;
}

static Frame *
top_frame (StreamWalk *w)
{
  return w->frames->len > 0 ? &g_array_index (w->frames, Frame, w->frames->len - 1) : NULL;
}

/* The collection, from the header and what of the archdesc comes before
 * its first dsc, for the records' collection and ids. */
static void
start_components (StreamWalk *w)
{
  DocketEadiImport *self = w->self;
  g_autoptr(GPtrArray) no_dscs = g_ptr_array_new ();
  guint n_unmapped;

  self->ead3 = _docket_eadi_is_ead3 (w->root, w->root_elements);
  self->result->collection = _docket_eadi_read_collection (self, w->root_elements, w->archdesc,
                                                           w->archdesc_elements, no_dscs, &n_unmapped);
  _docket_eadi_begin_components (self);
  w->started = TRUE;
}

/* Reads the record of @frame's component from the elements it has so far. */
static gboolean
read_frame (StreamWalk  *w,
            Frame       *frame,
            const char  *parent_path,
            GError     **error)
{
  if (!frame->live || frame->path != NULL || w->void_)
    return TRUE;
  return _docket_eadi_read_component (w->self, frame->c, frame->own, parent_path, &frame->path, error);
}

static gboolean
component_starts (StreamWalk  *w,
                  xmlNodePtr   c,
                  GError     **error)
{
  Frame *parent = top_frame (w);
  Frame frame = { c, FALSE, NULL, NULL };

  if (parent == NULL)
    frame.live = w->dsc != NULL && c->parent == w->dsc;
  else if (parent->live && c->parent == parent->c)
    {
      /* The components inside come after the component's own elements. */
      if (!read_frame (w, parent, w->frames->len > 1 ? g_array_index (w->frames, Frame, w->frames->len - 2).path : NULL,
                       error))
        return FALSE;
      frame.live = TRUE;
    }
  if (frame.live)
    frame.own = g_ptr_array_new ();
  g_array_append_val (w->frames, frame);
  return TRUE;
}

static gboolean
component_ends (StreamWalk  *w,
                GError     **error)
{
  Frame *frame = top_frame (w);
  const char *parent_path = w->frames->len > 1 ? g_array_index (w->frames, Frame, w->frames->len - 2).path : NULL;

  if (!read_frame (w, frame, parent_path, error))
    return FALSE;
  g_array_set_size (w->frames, w->frames->len - 1);
  return TRUE;
}

static gboolean
element_starts (StreamWalk  *w,
                xmlNodePtr   node,
                GError     **error)
{
  if (_docket_xml_stream_is_root (node))
    w->root = node;
  else if (node->parent == w->root && _docket_eadi_is (node, "archdesc"))
    {
      if (w->archdesc == NULL)
        w->archdesc = node;
    }
  else if (_docket_eadi_is (node, "dsc"))
    {
      if (node->parent == w->archdesc)
        {
          if (!w->started)
            start_components (w);
          w->dsc = node;
        }
    }
  else
    return component_starts (w, node, error);
  return TRUE;
}

static gboolean
element_ends (StreamWalk  *w,
              xmlNodePtr   node,
              gboolean     whole,
              GError     **error)
{
  Frame *frame = top_frame (w);

  if (!whole)
    {
      if (frame != NULL && frame->c == node)
        return component_ends (w, error);
      if (node == w->dsc)
        w->dsc = NULL;
      return TRUE;
    }

  if (frame != NULL)
    {
      if (frame->live && node->parent == frame->c)
        {
          /* After a component inside: the record read is not the whole
           * component's. */
          if (frame->path != NULL)
            w->void_ = TRUE;
          else
            g_ptr_array_add (frame->own, node);
        }
    }
  else if (w->archdesc == NULL && node->parent == w->root)
    g_ptr_array_add (w->root_elements, node);
  else if (!w->started && node->parent == w->archdesc)
    g_ptr_array_add (w->archdesc_elements, node);
  return TRUE;
}

/**
 * _docket_eadi_read_stream:
 * @stream: the finding aid being parsed
 * @parse: its parse
 * @out_void: (out): set when the records read are void: the tree is to be
 *   read again once it is whole
 *
 * Reads the components of the finding aid (and its collection, as it is
 * known before its first dsc) as they are parsed, as
 * _docket_eadi_read_components() reads them from the tree.
 *
 * Returns: %FALSE with @error set if the import was cancelled
 */
gboolean
_docket_eadi_read_stream (DocketEadiImport  *self,
                          DocketXmlStream   *stream,
                          DocketEadiParse   *parse,
                          gboolean          *out_void,
                          GError           **error)
{
  StreamWalk w = { self };
  DocketXmlStreamEvent event;
  gboolean ok = TRUE;

  w.root_elements = g_ptr_array_new ();
  w.archdesc_elements = g_ptr_array_new ();
  w.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (w.frames, frame_clear);

  while (ok && _docket_xml_stream_next (stream, &event))
    {
      if (!w.void_ && _docket_eadi_parse_found_references (parse))
        w.void_ = TRUE;
      if (!event.end)
        ok = element_starts (&w, event.node, error);
      else
        ok = element_ends (&w, event.node, event.kind == DOCKET_XML_STREAM_WHOLE, error);
    }
  *out_void = w.void_ || !w.started;
  g_ptr_array_unref (w.root_elements);
  g_ptr_array_unref (w.archdesc_elements);
  g_array_unref (w.frames);
  return ok;
}

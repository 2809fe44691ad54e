/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-footnote-row"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-footnote-row.h"

#include "docket-link-editor.h"
#include "docket-ui.h"

/* One footnote in the footnotes pane: its number, its kind, its text (to
 * edit) and its links (to add, edit, remove and follow). The row changes
 * the footnote in the record in place and emits ::changed; the pane tells
 * the record, so that autosave and undo see it. */

struct _DocketFootnoteRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *number_label;
  GtkDropDown   *kind_dropdown;
  GtkTextView   *text_view;
  GtkListBox    *links_box;
  GtkLabel      *no_links_label;

  DocketStore   *store;
  DocketRecord  *record;
  char          *footnote_id;
  GtkWindow     *editor;      /* the open link editor, or NULL (weak) */
  guint          loading;
};

G_DEFINE_FINAL_TYPE (DocketFootnoteRow, docket_footnote_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds in the order the drop-down lists them. */
static const DocketFootnoteKind kinds[] = {
  DOCKET_FOOTNOTE_SOURCE, DOCKET_FOOTNOTE_EDITORIAL, DOCKET_FOOTNOTE_PRINTING,
};

static DocketFootnote *
get_footnote (DocketFootnoteRow *self)
{
  return docket_record_find_footnote (self->record, self->footnote_id);
}

static void
emit_changed (DocketFootnoteRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
link_icon (DocketLinkKind kind)
{
  switch (kind)
    {
    case DOCKET_LINK_RECORD:    return "text-x-generic-symbolic";
    case DOCKET_LINK_ARCHIVAL:  return "folder-documents-symbolic";
    case DOCKET_LINK_PUBLISHED: return "accessories-dictionary-symbolic";
    case DOCKET_LINK_URL:
    default:                    return "web-browser-symbolic";
    }
}

static char *
describe_link (DocketFootnoteRow        *self,
               const DocketFootnoteLink *link)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  switch (link->kind)
    {
    case DOCKET_LINK_RECORD:
      {
        g_autoptr(DocketRecordSummary) target = NULL;
        const char *name = NULL;

        if (link->target != NULL)
          target = docket_ui_load_summary (self->store, link->target);
        if (target != NULL)
          name = docket_record_summary_get_label (target);
        if (name != NULL)
          /* Translators: a link to a record; %s is its heading (or title), %s its identifier */
          return g_strdup_printf (_("%s (%s)"), name, link->target);
        if (target != NULL)
          return g_strdup (link->target);
        /* Translators: a link to a record that is not in the catalog */
        return g_strdup_printf (_("%s (not in this catalog)"), link->target != NULL ? link->target : "?");
      }
    case DOCKET_LINK_ARCHIVAL:
      if (link->repository != NULL)
        g_ptr_array_add (parts, link->repository);
      if (link->collection != NULL)
        g_ptr_array_add (parts, link->collection);
      if (link->file != NULL)
        g_ptr_array_add (parts, link->file);
      if (parts->len == 0 && link->description != NULL)
        g_ptr_array_add (parts, link->description);
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (", ", (char **) parts->pdata);
    case DOCKET_LINK_PUBLISHED:
      return g_strdup (link->title != NULL ? link->title : link->description != NULL ? link->description : "");
    case DOCKET_LINK_URL:
    default:
      return g_strdup (link->target != NULL ? link->target : "");
    }
}

static gboolean
link_can_be_followed (const DocketFootnoteLink *link)
{
  return link->target != NULL &&
         (link->kind == DOCKET_LINK_RECORD || g_uri_peek_scheme (link->target) != NULL);
}

static GtkWidget *
make_button (const char *icon,
             const char *tooltip,
             const char *action,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
make_link_row (DocketFootnoteRow        *self,
               const DocketFootnote     *footnote,
               const DocketFootnoteLink *link,
               guint                     index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *summary = describe_link (self, link);
  GtkWidget *label, *button;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 2);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (link_icon (link->kind)));

  label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), label);

  if (link->span_start >= 0 && link->span_end > link->span_start && footnote->text != NULL &&
      link->span_end <= g_utf8_strlen (footnote->text, -1))
    {
      const char *from = g_utf8_offset_to_pointer (footnote->text, link->span_start);
      const char *to = g_utf8_offset_to_pointer (footnote->text, link->span_end);
      g_autofree char *span = g_strndup (from, to - from);
      /* Translators: the part of a footnote's text a link covers */
      g_autofree char *covers = g_strdup_printf (_("Covers “%s”"), span);

      label = gtk_label_new (covers);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  button = make_button (link->kind == DOCKET_LINK_RECORD ? "go-jump-symbolic" : "web-browser-symbolic",
                        link->kind == DOCKET_LINK_RECORD ? _("Open the Record") : _("Open in the Browser"),
                        "footnote.follow-link", index);
  gtk_widget_set_sensitive (button, link_can_be_followed (link));
  gtk_widget_set_visible (button, link_can_be_followed (link));
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), make_button ("document-edit-symbolic", _("Edit the Link"), "footnote.edit-link", index));
  gtk_box_append (GTK_BOX (box), make_button ("user-trash-symbolic", _("Remove the Link"), "footnote.remove-link", index));

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  return box;
}

static void
update_links (DocketFootnoteRow *self)
{
  DocketFootnote *footnote = get_footnote (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_list_box_remove (self->links_box, child);
  if (footnote == NULL)
    return;
  for (guint i = 0; i < footnote->links->len; i++)
    gtk_list_box_append (self->links_box, make_link_row (self, footnote, g_ptr_array_index (footnote->links, i), i));
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), footnote->links->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_links_label), footnote->links->len == 0);
}

static void
load (DocketFootnoteRow *self)
{
  DocketFootnote *footnote = get_footnote (self);
  g_autofree char *accessible = NULL;

  if (footnote == NULL)
    return;

  self->loading++;
  gtk_label_set_label (self->number_label, footnote->n != NULL ? footnote->n : "?");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == footnote->kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            footnote->text != NULL ? footnote->text : "", -1);
  update_links (self);
  self->loading--;

  /* Translators: a footnote in the footnotes pane; %s is its number */
  accessible = g_strdup_printf (_("Footnote %s"), footnote->n != NULL ? footnote->n : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
kind_changed_cb (DocketFootnoteRow *self)
{
  DocketFootnote *footnote = get_footnote (self);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->loading > 0 || footnote == NULL || selected >= G_N_ELEMENTS (kinds) ||
      footnote->kind == kinds[selected])
    return;
  footnote->kind = kinds[selected];
  emit_changed (self);
}

static void
text_changed_cb (DocketFootnoteRow *self,
                 GtkTextBuffer     *buffer)
{
  DocketFootnote *footnote = get_footnote (self);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading > 0 || footnote == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, footnote->text) == 0)
    return;
  g_free (footnote->text);
  footnote->text = g_steal_pointer (&text);
  emit_changed (self);
}

/* Link spans count characters of the text: keep them on the same words
 * while the text is edited. */
static void
shift_spans (DocketFootnoteRow *self,
             int                at,
             int                removed,
             int                inserted)
{
  DocketFootnote *footnote = get_footnote (self);

  if (self->loading > 0 || footnote == NULL)
    return;
  for (guint i = 0; i < footnote->links->len; i++)
    {
      DocketFootnoteLink *link = g_ptr_array_index (footnote->links, i);
      int *ends[] = { &link->span_start, &link->span_end };

      if (link->span_start < 0)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (ends); j++)
        {
          int *pos = ends[j];

          if (*pos > at + removed || (*pos == at + removed && (j == 1 || removed > 0)))
            *pos += inserted - removed;
          else if (*pos > at)
            *pos = at;
        }
    }
}

static void
insert_text_cb (DocketFootnoteRow *self,
                GtkTextIter       *location,
                const char        *text,
                int                length)
{
  shift_spans (self, gtk_text_iter_get_offset (location), 0, g_utf8_strlen (text, length));
}

static void
delete_range_cb (DocketFootnoteRow *self,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  int from = gtk_text_iter_get_offset (start);

  shift_spans (self, from, gtk_text_iter_get_offset (end) - from, 0);
}

static void
text_focus_enter_cb (DocketFootnoteRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_select_row (GTK_LIST_BOX (parent), GTK_LIST_BOX_ROW (self));
}

static GtkWindow *
get_window (DocketFootnoteRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

#define LINK_INDEX_KEY "docket-link-index"

/* The editor's index (+1) says which link it edits; 0: a new one. */
static void
link_done_cb (DocketFootnoteRow  *self,
              DocketFootnoteLink *link,
              DocketLinkEditor   *editor)
{
  DocketFootnote *footnote = get_footnote (self);
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), LINK_INDEX_KEY)) - 1;

  if (footnote == NULL)
    return;
  if (index >= 0 && (guint) index < footnote->links->len)
    {
      docket_footnote_link_free (footnote->links->pdata[index]);
      footnote->links->pdata[index] = docket_footnote_link_copy (link);
    }
  else
    docket_footnote_add_link (footnote, docket_footnote_link_copy (link));
  update_links (self);
  emit_changed (self);
}

static void
open_editor (DocketFootnoteRow        *self,
             const DocketFootnoteLink *link,
             int                       index)
{
  DocketFootnote *footnote = get_footnote (self);
  DocketLinkEditor *editor;

  if (footnote == NULL)
    return;
  editor = docket_link_editor_new (get_window (self), self->store, docket_record_get_id (self->record),
                                   link, footnote->text);
  g_object_set_data (G_OBJECT (editor), LINK_INDEX_KEY, GINT_TO_POINTER (index + 1));
  g_signal_connect_object (editor, "done", G_CALLBACK (link_done_cb), self, G_CONNECT_SWAPPED);

  if (self->editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  self->editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(DocketFootnoteLink) link = NULL;
  DocketLinkKind kind = DOCKET_LINK_RECORD;
  GtkTextIter start, end;

  docket_link_kind_from_string (g_variant_get_string (parameter, NULL), &kind);
  link = docket_footnote_link_new (kind, NULL);

  /* The text selected in the footnote is the span the link covers. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      link->span_start = gtk_text_iter_get_offset (&start);
      link->span_end = gtk_text_iter_get_offset (&end);
    }
  open_editor (self, link, -1);
}

static void
edit_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (widget);
  DocketFootnote *footnote = get_footnote (self);
  guint index = g_variant_get_uint32 (parameter);

  if (footnote != NULL && index < footnote->links->len)
    open_editor (self, g_ptr_array_index (footnote->links, index), index);
}

static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (widget);
  DocketFootnote *footnote = get_footnote (self);
  guint index = g_variant_get_uint32 (parameter);

  if (footnote == NULL || index >= footnote->links->len)
    return;
  g_ptr_array_remove_index (footnote->links, index);
  update_links (self);
  emit_changed (self);
}

static void
follow_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (widget);
  DocketFootnote *footnote = get_footnote (self);
  guint index = g_variant_get_uint32 (parameter);
  DocketFootnoteLink *link;

  if (footnote == NULL || index >= footnote->links->len)
    return;
  link = g_ptr_array_index (footnote->links, index);
  if (!link_can_be_followed (link))
    return;
  if (link->kind == DOCKET_LINK_RECORD)
    g_signal_emit (self, signals[OPEN_RECORD], 0, link->target);
  else
    gtk_show_uri (get_window (self), link->target, GDK_CURRENT_TIME);
}

static void
docket_footnote_row_dispose (GObject *object)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (object);

  if (self->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
      self->editor = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_FOOTNOTE_ROW);
  G_OBJECT_CLASS (docket_footnote_row_parent_class)->dispose (object);
}

static void
docket_footnote_row_finalize (GObject *object)
{
  DocketFootnoteRow *self = DOCKET_FOOTNOTE_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_free (self->footnote_id);

  G_OBJECT_CLASS (docket_footnote_row_parent_class)->finalize (object);
}

static void
docket_footnote_row_class_init (DocketFootnoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_footnote_row_dispose;
  object_class->finalize = docket_footnote_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-footnote-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketFootnoteRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnoteRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnoteRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnoteRow, links_box);
  gtk_widget_class_bind_template_child (widget_class, DocketFootnoteRow, no_links_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_focus_enter_cb);

  gtk_widget_class_install_action (widget_class, "footnote.add-link", "s", add_link_action);
  gtk_widget_class_install_action (widget_class, "footnote.edit-link", "u", edit_link_action);
  gtk_widget_class_install_action (widget_class, "footnote.remove-link", "u", remove_link_action);
  gtk_widget_class_install_action (widget_class, "footnote.follow-link", "u", follow_link_action);
}

static void
docket_footnote_row_init (DocketFootnoteRow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (insert_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (delete_range_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
docket_footnote_row_new (DocketStore  *store,
                         DocketRecord *record,
                         const char   *footnote_id)
{
  DocketFootnoteRow *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  self = g_object_new (DOCKET_TYPE_FOOTNOTE_ROW, NULL);
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  self->footnote_id = g_strdup (footnote_id);
  load (self);
  return GTK_WIDGET (self);
}

const char *
docket_footnote_row_get_footnote_id (DocketFootnoteRow *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTE_ROW (self), NULL);
  return self->footnote_id;
}

GtkTextView *
docket_footnote_row_get_text_view (DocketFootnoteRow *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTE_ROW (self), NULL);
  return self->text_view;
}

GtkDropDown *
docket_footnote_row_get_kind_dropdown (DocketFootnoteRow *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTE_ROW (self), NULL);
  return self->kind_dropdown;
}

GtkListBox *
docket_footnote_row_get_links_box (DocketFootnoteRow *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTE_ROW (self), NULL);
  return self->links_box;
}

/* The link editor this row opened, while it is open. */
GtkWindow *
docket_footnote_row_get_link_editor (DocketFootnoteRow *self)
{
  g_return_val_if_fail (DOCKET_IS_FOOTNOTE_ROW (self), NULL);
  return self->editor;
}

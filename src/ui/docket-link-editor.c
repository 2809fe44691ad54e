/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-link-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-link-editor.h"

#include "docket-record-picker.h"
#include "docket-ui.h"

/* Adds or edits one footnote link: to a record of the catalog (chosen in a
 * searchable picker), an archival citation, a published work or a web
 * address, covering the whole footnote or only a span of its text. */

struct _DocketLinkEditor
{
  GtkWindow        parent_instance;

  GtkDropDown     *kind_dropdown;
  GtkStack        *kind_stack;
  GtkEntry        *record_entry;
  GtkLabel        *record_title_label;
  GtkEntry        *repository_entry;
  GtkEntry        *collection_entry;
  GtkEntry        *file_entry;
  GtkEntry        *archival_description_entry;
  GtkEntry        *title_entry;
  GtkEntry        *published_target_entry;
  GtkEntry        *published_description_entry;
  GtkEntry        *url_entry;
  GtkEntry        *url_description_entry;
  GtkCheckButton  *span_check;
  GtkLabel        *problem_label;

  DocketStore     *store;
  char            *record_id;
  int              span_start;
  int              span_end;
};

G_DEFINE_FINAL_TYPE (DocketLinkEditor, docket_link_editor, GTK_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_pages[] = { "record", "archival", "published", "url" };

static void
kind_changed_cb (DocketLinkEditor *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (kind < G_N_ELEMENTS (kind_pages))
    gtk_stack_set_visible_child_name (self->kind_stack, kind_pages[kind]);
  gtk_label_set_label (self->problem_label, "");
}

void
docket_link_editor_set_kind (DocketLinkEditor *self,
                             DocketLinkKind    kind)
{
  g_return_if_fail (DOCKET_IS_LINK_EDITOR (self));
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  kind_changed_cb (self);
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * docket_link_editor_dup_link:
 *
 * Returns: (transfer full) (nullable): the link as filled in, or %NULL
 *   when something needed is missing
 */
DocketFootnoteLink *
docket_link_editor_dup_link (DocketLinkEditor *self)
{
  DocketLinkKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(DocketFootnoteLink) link = NULL;

  switch (kind)
    {
    case DOCKET_LINK_RECORD:
      link = docket_footnote_link_new (kind, NULL);
      link->target = entry_text (self->record_entry);
      if (link->target == NULL)
        return NULL;
      break;
    case DOCKET_LINK_ARCHIVAL:
      link = docket_footnote_link_new (kind, NULL);
      link->repository = entry_text (self->repository_entry);
      link->collection = entry_text (self->collection_entry);
      link->file = entry_text (self->file_entry);
      link->description = entry_text (self->archival_description_entry);
      if (link->repository == NULL && link->collection == NULL && link->file == NULL && link->description == NULL)
        return NULL;
      break;
    case DOCKET_LINK_PUBLISHED:
      link = docket_footnote_link_new (kind, NULL);
      link->title = entry_text (self->title_entry);
      link->target = entry_text (self->published_target_entry);
      link->description = entry_text (self->published_description_entry);
      if (link->title == NULL && link->description == NULL)
        return NULL;
      break;
    case DOCKET_LINK_URL:
    default:
      link = docket_footnote_link_new (DOCKET_LINK_URL, NULL);
      link->target = entry_text (self->url_entry);
      link->description = entry_text (self->url_description_entry);
      if (link->target == NULL || g_uri_peek_scheme (link->target) == NULL)
        return NULL;
      break;
    }

  if (self->span_start >= 0 && gtk_check_button_get_active (self->span_check))
    {
      link->span_start = self->span_start;
      link->span_end = self->span_end;
    }
  return g_steal_pointer (&link);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketLinkEditor *self = DOCKET_LINK_EDITOR (widget);
  g_autoptr(DocketFootnoteLink) link = docket_link_editor_dup_link (self);

  if (link == NULL)
    {
      switch (gtk_drop_down_get_selected (self->kind_dropdown))
        {
        case DOCKET_LINK_RECORD:
          gtk_label_set_label (self->problem_label, _("Choose the record the footnote cites"));
          break;
        case DOCKET_LINK_URL:
          gtk_label_set_label (self->problem_label, _("Type a full web address, such as https://history.state.gov/"));
          break;
        default:
          gtk_label_set_label (self->problem_label, _("Fill in at least one field"));
          break;
        }
      return;
    }
  g_signal_emit (self, signals[DONE], 0, link);
  gtk_window_close (GTK_WINDOW (self));
}

static void
update_record_title (DocketLinkEditor *self)
{
  g_autofree char *id = entry_text (self->record_entry);
  g_autoptr(DocketRecordSummary) record = NULL;

  if (id != NULL)
    record = docket_ui_load_summary (self->store, id);
  if (record != NULL)
    gtk_label_set_label (self->record_title_label, docket_record_summary_get_label (record));
  else if (id != NULL)
    gtk_label_set_label (self->record_title_label, _("No record with this identifier in the catalog"));
  else
    gtk_label_set_label (self->record_title_label, "");
}

static void
record_entry_changed_cb (DocketLinkEditor *self)
{
  update_record_title (self);
}

static void
record_chosen_cb (DocketLinkEditor *self,
                  const char       *id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->record_entry), id);
}

static void
choose_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DocketLinkEditor *self = DOCKET_LINK_EDITOR (widget);
  DocketRecordPicker *picker = docket_record_picker_new (GTK_WINDOW (self), self->store, self->record_id);

  g_signal_connect_object (picker, "chosen", G_CALLBACK (record_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
docket_link_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOCKET_TYPE_LINK_EDITOR);
  G_OBJECT_CLASS (docket_link_editor_parent_class)->dispose (object);
}

static void
docket_link_editor_finalize (GObject *object)
{
  DocketLinkEditor *self = DOCKET_LINK_EDITOR (object);

  g_clear_object (&self->store);
  g_free (self->record_id);

  G_OBJECT_CLASS (docket_link_editor_parent_class)->finalize (object);
}

static void
docket_link_editor_class_init (DocketLinkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_link_editor_dispose;
  object_class->finalize = docket_link_editor_finalize;

  /**
   * DocketLinkEditor::done:
   * @link: the link as saved
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOCKET_TYPE_FOOTNOTE_LINK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-link-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, record_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, record_title_label);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, repository_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, collection_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, file_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, archival_description_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, published_target_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, published_description_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, url_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, url_description_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, span_check);
  gtk_widget_class_bind_template_child (widget_class, DocketLinkEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "link.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "link.choose-record", NULL, choose_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_link_editor_init (DocketLinkEditor *self)
{
  self->span_start = -1;
  self->span_end = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/**
 * docket_link_editor_new:
 * @record_id: the record whose footnote links (not offered as a target)
 * @link: the link to edit; its kind and span are the starting point of a
 *   new one
 * @footnote_text: the footnote's text, to show the span covered
 */
DocketLinkEditor *
docket_link_editor_new (GtkWindow                *parent,
                        DocketStore              *store,
                        const char               *record_id,
                        const DocketFootnoteLink *link,
                        const char               *footnote_text)
{
  DocketLinkEditor *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (link != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_LINK_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->record_id = g_strdup (record_id);

  docket_link_editor_set_kind (self, link->kind);
  switch (link->kind)
    {
    case DOCKET_LINK_RECORD:
      set_entry (self->record_entry, link->target);
      break;
    case DOCKET_LINK_ARCHIVAL:
      set_entry (self->repository_entry, link->repository);
      set_entry (self->collection_entry, link->collection);
      set_entry (self->file_entry, link->file);
      set_entry (self->archival_description_entry, link->description);
      break;
    case DOCKET_LINK_PUBLISHED:
      set_entry (self->title_entry, link->title);
      set_entry (self->published_target_entry, link->target);
      set_entry (self->published_description_entry, link->description);
      break;
    case DOCKET_LINK_URL:
    default:
      set_entry (self->url_entry, link->target);
      set_entry (self->url_description_entry, link->description);
      break;
    }

  if (link->span_start >= 0 && link->span_end > link->span_start && footnote_text != NULL &&
      link->span_end <= g_utf8_strlen (footnote_text, -1))
    {
      const char *from = g_utf8_offset_to_pointer (footnote_text, link->span_start);
      const char *to = g_utf8_offset_to_pointer (footnote_text, link->span_end);
      g_autofree char *span = g_strndup (from, to - from);
      /* Translators: the check box of a link that covers part of a footnote; %s is that part */
      g_autofree char *label = g_strdup_printf (_("Only “%s”"), span);

      self->span_start = link->span_start;
      self->span_end = link->span_end;
      gtk_check_button_set_label (self->span_check, label);
      gtk_check_button_set_active (self->span_check, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->span_check), TRUE);
    }

  update_record_title (self);
  return self;
}

/**
 * docket_link_editor_get_entry:
 * @name: "record", "repository", "collection", "file", "description"
 *   (of the kind shown), "title", "target" (published) or "url"
 *
 * Returns: (transfer none) (nullable): the entry, for tests and for focus
 */
GtkEditable *
docket_link_editor_get_entry (DocketLinkEditor *self,
                              const char       *name)
{
  g_return_val_if_fail (DOCKET_IS_LINK_EDITOR (self), NULL);

  if (g_str_equal (name, "record"))
    return GTK_EDITABLE (self->record_entry);
  if (g_str_equal (name, "repository"))
    return GTK_EDITABLE (self->repository_entry);
  if (g_str_equal (name, "collection"))
    return GTK_EDITABLE (self->collection_entry);
  if (g_str_equal (name, "file"))
    return GTK_EDITABLE (self->file_entry);
  if (g_str_equal (name, "title"))
    return GTK_EDITABLE (self->title_entry);
  if (g_str_equal (name, "target"))
    return GTK_EDITABLE (self->published_target_entry);
  if (g_str_equal (name, "url"))
    return GTK_EDITABLE (self->url_entry);
  if (g_str_equal (name, "description"))
    switch (gtk_drop_down_get_selected (self->kind_dropdown))
      {
      case DOCKET_LINK_ARCHIVAL:
        return GTK_EDITABLE (self->archival_description_entry);
      case DOCKET_LINK_PUBLISHED:
        return GTK_EDITABLE (self->published_description_entry);
      case DOCKET_LINK_URL:
        return GTK_EDITABLE (self->url_description_entry);
      default:
        return NULL;
      }
  return NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-application"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-application.h"

#include "docket-catalog-import.h"
#include "docket-preferences-window.h"
#include "docket-ui.h"

/* The application: one window per open catalog. `docket` opens the default
 * catalog, which receives the bundled sample memorandum the first time;
 * `docket FILE` opens a catalog or imports FILE into the default one. */

#define SAMPLE_FILE          "seed-memorandum.txt"
#define SAMPLE_COLLECTION_ID "frus1964-68v05"
#define MAX_RECENT           8

struct _DocketApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  guint           n_imports;
};

G_DEFINE_FINAL_TYPE (DocketApplication, docket_application, GTK_TYPE_APPLICATION)

/* Accelerators, all in one place; the shortcuts window shows them. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new-catalog", { "<Control>n", NULL } },
  { "app.open-catalog", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
};

static DocketWindow *
find_window (DocketApplication *self,
             const char        *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (DOCKET_IS_WINDOW (l->data) &&
        g_strcmp0 (docket_store_get_path (docket_window_get_store (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static GtkWindow *
active_window (DocketApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
show_error (DocketApplication *self,
            const char        *primary,
            const char        *secondary)
{
  GtkWindow *parent = active_window (self);
  GtkWidget *dialog;

  if (parent != NULL && DOCKET_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", primary, secondary);
      docket_window_show_error (DOCKET_WINDOW (parent), text);
      return;
    }

  g_printerr ("docket: %s: %s\n", primary, secondary);
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_recent (DocketApplication *self,
                 const char        *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-catalogs");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0 && g_file_test (old[i], G_FILE_TEST_EXISTS))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-catalogs", (const char * const *) paths);
}

/**
 * docket_application_open_catalog:
 * @path: the catalog file, created if missing
 *
 * Presents the window of the catalog at @path, opening it if needed.
 */
DocketWindow *
docket_application_open_catalog (DocketApplication  *self,
                                 const char         *path,
                                 GError            **error)
{
  g_autoptr(DocketStore) store = NULL;
  DocketWindow *window;

  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  window = find_window (self, path);
  if (window == NULL)
    {
      store = docket_store_open (path, error);
      if (store == NULL)
        return NULL;
      /* The store may have resolved the path; look again under its name. */
      window = find_window (self, docket_store_get_path (store));
    }
  if (window == NULL)
    window = docket_window_new (GTK_APPLICATION (self), store);

  remember_recent (self, docket_store_get_path (docket_window_get_store (window)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Importing */

typedef struct
{
  DocketApplication *self;
  DocketWindow      *window;
  GCancellable      *cancellable;   /* cancelled when the window goes */
  char              *path;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->window);
  g_clear_object (&data->cancellable);
  g_free (data->path);
  g_free (data);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(DocketCatalogImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = docket_catalog_import_file_finish (DOCKET_STORE (source), result, &error);
  data->self->n_imports--;
  g_application_release (G_APPLICATION (data->self));

  /* The window was closed meanwhile: nothing to show the import in. */
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      import_data_free (data);
      return;
    }

  docket_window_set_busy (data->window, NULL);
  if (report == NULL)
    {
      docket_window_show_error (data->window, error->message);
    }
  else
    {
      docket_window_reload (data->window);
      if (report->imported != NULL && report->imported->len > 0)
        docket_window_open_record (data->window, g_ptr_array_index (report->imported, 0));
      else if (report->skipped != NULL && report->skipped->len > 0)
        docket_window_open_record (data->window, g_ptr_array_index (report->skipped, 0));
    }

  import_data_free (data);
}

static void
import_into (DocketApplication *self,
             DocketWindow      *window,
             const char        *path,
             const char        *collection_id)
{
  DocketCatalogImportOptions options = { 0, };
  ImportData *data = g_new0 (ImportData, 1);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *busy = g_strdup_printf (_("Importing %s…"), name);

  options.collection_id = collection_id;

  data->self = g_object_ref (self);
  data->window = g_object_ref (window);
  data->cancellable = g_cancellable_new ();
  data->path = g_strdup (path);
  g_signal_connect_object (window, "destroy", G_CALLBACK (g_cancellable_cancel),
                           data->cancellable, G_CONNECT_SWAPPED);

  self->n_imports++;
  g_application_hold (G_APPLICATION (self));
  docket_window_set_busy (window, busy);
  docket_catalog_import_file_async (docket_window_get_store (window), path, &options,
                                    data->cancellable, NULL, NULL, import_cb, data);
}

static char *
find_sample (void)
{
  const char *dir = g_getenv ("DOCKET_SAMPLE_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : PKGDATADIR, SAMPLE_FILE, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * docket_application_open_default:
 *
 * Opens the default catalog. When it did not exist yet, it is created and
 * receives the bundled sample memorandum.
 */
DocketWindow *
docket_application_open_default (DocketApplication  *self,
                                 GError            **error)
{
  g_autofree char *path = docket_store_dup_default_path ();
  gboolean first_start = !g_file_test (path, G_FILE_TEST_EXISTS);
  DocketWindow *window;

  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);

  window = docket_application_open_catalog (self, path, error);
  if (window == NULL)
    return NULL;

  if (first_start)
    {
      g_autofree char *sample = find_sample ();

      if (sample != NULL)
        import_into (self, window, sample, SAMPLE_COLLECTION_ID);
      else
        g_message ("The sample memorandum was not found in %s",
                   g_getenv ("DOCKET_SAMPLE_DIR") != NULL ? g_getenv ("DOCKET_SAMPLE_DIR") : PKGDATADIR);
    }
  return window;
}

/**
 * docket_application_import_file:
 * @path: a FRUS document, TEI volume or EAD finding aid
 *
 * Imports @path into the default catalog and opens its first record. The
 * import runs in a thread; errors are shown in the window.
 */
void
docket_application_import_file (DocketApplication *self,
                                const char        *path)
{
  g_autoptr(GError) error = NULL;
  DocketWindow *window;

  g_return_if_fail (DOCKET_IS_APPLICATION (self));

  window = docket_application_open_default (self, &error);
  if (window == NULL)
    {
      show_error (self, _("Could not open the catalog"), error->message);
      return;
    }
  import_into (self, window, path, NULL);
}

/* For tests: whether an import is still running. */
gboolean
docket_application_is_busy (DocketApplication *self)
{
  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), FALSE);
  return self->n_imports > 0;
}

static gboolean
is_catalog_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInputStream) stream = NULL;
  char magic[16] = { 0, };
  gsize n_read = 0;

  if (path != NULL && (g_str_has_suffix (path, ".db") || g_str_has_suffix (path, ".sqlite")))
    return TRUE;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read, NULL, NULL))
    return FALSE;
  return n_read == sizeof magic && memcmp (magic, "SQLite format 3", 16) == 0;
}

/* GApplication */

static void
docket_application_activate (GApplication *app)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = active_window (self);

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (docket_application_open_default (self, &error) == NULL)
    show_error (self, _("Could not open the catalog"), error->message);
}

static void
docket_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  DocketApplication *self = DOCKET_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          show_error (self, uri, _("Only local files can be opened"));
          continue;
        }

      if (is_catalog_file (files[i]))
        {
          if (docket_application_open_catalog (self, path, &error) == NULL)
            show_error (self, _("Could not open the catalog"), error->message);
        }
      else if (!g_file_test (path, G_FILE_TEST_EXISTS))
        show_error (self, path, _("No such file"));
      else
        docket_application_import_file (self, path);
    }
}

/* Application actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DocketApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window saves its edits as it closes; one that cannot (a conflict)
   * stays open, and so does the application. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DocketApplication *self = user_data;
  static const char *authors[] = { "The Docket developers", NULL };

  gtk_show_about_dialog (active_window (self),
                         "program-name", _("Docket"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Catalog historical documents and export finding aids"),
                         "website", "https://github.com/docket/docket",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Docket developers",
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DocketApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (docket_preferences_window_new (active_window (self))));
}

static GtkFileFilter *
catalog_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Docket catalogs"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  return filter;
}

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     DocketApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && docket_application_open_catalog (self, path, &error) == NULL)
        show_error (self, _("Could not open the catalog"), error->message);
    }
  g_object_unref (dialog);
}

static void
choose_catalog (DocketApplication    *self,
                GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = catalog_filter ();
  GtkFileChooserNative *chooser;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      chooser = gtk_file_chooser_native_new (_("New Catalog"), active_window (self), action,
                                             _("_Create"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("catalog.db"));
    }
  else
    chooser = gtk_file_chooser_native_new (_("Open Catalog"), active_window (self), action,
                                           _("_Open"), _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_catalog_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  choose_catalog (user_data, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_catalog_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  choose_catalog (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DocketApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (docket_application_open_catalog (self, g_variant_get_string (parameter, NULL), &error) == NULL)
    show_error (self, _("Could not open the catalog"), error->message);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "new-catalog", new_catalog_activated },
  { "open-catalog", open_catalog_activated },
  { "open-recent", open_recent_activated, "s" },
};

static void
docket_application_startup (GApplication *app)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (docket_application_parent_class)->startup (app);
  g_set_application_name (_("Docket"));

  gtk_css_provider_load_from_resource (css, "/io/github/docket/Docket/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
docket_application_finalize (GObject *object)
{
  DocketApplication *self = DOCKET_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (docket_application_parent_class)->finalize (object);
}

static void
docket_application_class_init (DocketApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = docket_application_finalize;
  app_class->startup = docket_application_startup;
  app_class->activate = docket_application_activate;
  app_class->open = docket_application_open;
}

static void
docket_application_init (DocketApplication *self)
{
  /* Before startup, which reads the menus and shortcuts from the resources. */
  docket_ui_init ();
}

/**
 * docket_application_new:
 * @flags: extra flags (tests pass %G_APPLICATION_NON_UNIQUE)
 */
DocketApplication *
docket_application_new (GApplicationFlags flags)
{
  return g_object_new (DOCKET_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/docket/Docket",
                       "flags", G_APPLICATION_HANDLES_OPEN | flags,
                       NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdarg.h>

#include "docket-test-util.h"

const char *
docket_test_get_shared_dir (void)
{
  static char *dir;
  static gboolean looked;

  if (!looked)
    {
      const char *env = g_getenv ("DOCKET_SHARED_DIR");

      looked = TRUE;
      if (env != NULL && env[0] != '\0' &&
          g_file_test (env, G_FILE_TEST_IS_DIR))
        dir = g_canonicalize_filename (env, NULL);
    }
  return dir;
}

char *
docket_test_shared_path (const char *first,
                         ...)
{
  const char *shared = docket_test_get_shared_dir ();
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *path = NULL;
  va_list args;

  if (shared == NULL)
    {
      g_test_skip ("the shared folder (DOCKET_SHARED_DIR, ../shared) is absent: skipped");
      return NULL;
    }

  parts = g_ptr_array_new ();
  g_ptr_array_add (parts, (gpointer) shared);
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent from the shared folder: skipped", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
docket_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("docket-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
          remove_tree (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
docket_test_rmdir (const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  /* Read-only folders made by a test must become writable to be removed. */
  g_chmod (path, 0700);
  remove_tree (file);
}

char *
docket_test_read_file (const char *path,
                       gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

char *
docket_test_write_file (const char *dir,
                        const char *name,
                        const char *contents,
                        gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
docket_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

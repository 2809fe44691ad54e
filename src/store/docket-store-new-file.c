/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define _GNU_SOURCE /* O_TMPFILE */
#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "docket-store-private.h"

/* A catalog file written whole before it has its name, so that it appears
 * whole or not at all and two programs making it at once get one of the
 * two: without a name (O_TMPFILE), synced, then named with linkat(),
 * which fails if the name is taken; under a hidden name where the folder
 * takes no file without a name (or /proc is missing), which a crash in
 * between leaves behind. */

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        errno = EIO;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* @image into @fd in write-ahead-log mode, synced. */
static gboolean
write_image (int           fd,
             const guint8 *image,
             gsize         size)
{
  static const guint8 wal_mode[2] = { 2, 2 };

  return write_all (fd, image, size) &&
         pwrite (fd, wal_mode, sizeof wal_mode, DOCKET_STORE_HEADER_MODE_OFFSET) == sizeof wal_mode &&
         fdatasync (fd) == 0;
}

static DocketStoreNewFile
write_unnamed (const char   *dir,
               const char   *path,
               const guint8 *image,
               gsize         size)
{
  char proc[64];
  int fd = g_open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  int linked;
  int saved_errno;

  if (fd < 0)
    return DOCKET_STORE_NEW_FILE_NOT_MADE;
  if (!write_image (fd, image, size))
    {
      saved_errno = errno;
      close (fd);
      errno = saved_errno;
      return DOCKET_STORE_NEW_FILE_NOT_MADE;
    }
  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  linked = linkat (AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
  saved_errno = errno;
  close (fd);
  errno = saved_errno;
  if (linked == 0)
    return DOCKET_STORE_NEW_FILE_MADE;
  return saved_errno == EEXIST ? DOCKET_STORE_NEW_FILE_TAKEN : DOCKET_STORE_NEW_FILE_NOT_MADE;
}

static DocketStoreNewFile
write_hidden (const char   *dir,
              const char   *path,
              const guint8 *image,
              gsize         size)
{
  g_autofree char *temp = g_build_filename (dir, ".docket-new-catalog-XXXXXX", NULL);
  DocketStoreNewFile outcome;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return DOCKET_STORE_NEW_FILE_NOT_MADE;
  if (!write_image (fd, image, size))
    outcome = DOCKET_STORE_NEW_FILE_NOT_MADE;
  else if (link (temp, path) == 0)
    outcome = DOCKET_STORE_NEW_FILE_MADE;
  else
    outcome = errno == EEXIST ? DOCKET_STORE_NEW_FILE_TAKEN : DOCKET_STORE_NEW_FILE_NOT_MADE;
  saved_errno = errno;
  close (fd);
  g_unlink (temp);
  errno = saved_errno;
  return outcome;
}

/**
 * _docket_store_write_new_file:
 * @dir: @path's folder
 * @path: the new catalog
 * @image: (array length=size): a whole database
 *
 * Writes @image as the new file @path, in write-ahead-log mode, synced,
 * and syncs the folder, or leaves @path as it was.
 *
 * Returns: whether the file was made, found taken, or not made (errno
 *   then says why)
 */
DocketStoreNewFile
_docket_store_write_new_file (const char   *dir,
                              const char   *path,
                              const guint8 *image,
                              gsize         size)
{
  DocketStoreNewFile outcome = write_unnamed (dir, path, image, size);
  int fd;

  if (outcome == DOCKET_STORE_NEW_FILE_NOT_MADE)
    outcome = write_hidden (dir, path, image, size);
  if (outcome != DOCKET_STORE_NEW_FILE_MADE)
    return outcome;

  /* The new name, kept through a crash. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return outcome;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-writer.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>

#include "docket-ead-private.h"
#include "docket-ead-validator.h"

/* The frame of the document (`ead`, `archdesc`, `dsc`) is streamed with an
 * xmlTextWriter; each part inside it (control, the collection's did and
 * notes, every component) is built with the tree API in a scratch
 * document, serialized into the same output buffer and freed, so that
 * memory stays flat however many records there are. */

const char *
docket_ead_format_to_string (DocketEadFormat format)
{
  return format == DOCKET_EAD_FORMAT_EAD3 ? "ead3" : "ead2002";
}

gboolean
docket_ead_format_from_string (const char      *str,
                               DocketEadFormat *out_format)
{
  DocketEadFormat format;

  if (g_strcmp0 (str, "ead3") == 0)
    format = DOCKET_EAD_FORMAT_EAD3;
  else if (g_strcmp0 (str, "ead2002") == 0)
    format = DOCKET_EAD_FORMAT_EAD2002;
  else
    return FALSE;
  if (out_format != NULL)
    *out_format = format;
  return TRUE;
}

/* Output sinks */

/* libxml2 hands over 4 KiB at a time; a file is written in larger
 * pieces, which saves most of the system calls. */
#define SINK_CHUNK (1024 * 1024)

typedef struct
{
  int         fd;     /* a file, or -1 */
  GByteArray *bytes;  /* memory, or the pending bytes of the file */
  int         saved_errno;
} Sink;

static gboolean
sink_flush (Sink *sink)
{
  gsize done = 0;

  if (sink->fd < 0 || sink->saved_errno != 0)
    return sink->saved_errno == 0;
  while (done < sink->bytes->len)
    {
      ssize_t n = write (sink->fd, sink->bytes->data + done, sink->bytes->len - done);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return FALSE;
        }
      done += n;
    }
  g_byte_array_set_size (sink->bytes, 0);
  return TRUE;
}

static int
sink_write (void       *user_data,
            const char *buffer,
            int         len)
{
  Sink *sink = user_data;

  if (sink->saved_errno != 0)
    return -1;
  g_byte_array_append (sink->bytes, (const guint8 *) buffer, len);
  if (sink->fd >= 0 && sink->bytes->len >= SINK_CHUNK && !sink_flush (sink))
    return -1;
  return len;
}

static int
sink_close (void *user_data)
{
  return sink_flush (user_data) ? 0 : -1;
}

/* The export */

static void
context_clear (DocketEadContext *ctx)
{
  g_clear_pointer (&ctx->ids, _docket_ead_ids_free);
  g_clear_pointer (&ctx->record_cids, g_hash_table_unref);
  g_clear_pointer (&ctx->doc, xmlFreeDoc);
  g_clear_pointer (&ctx->agency_name, g_free);
  g_clear_pointer (&ctx->agency_code, g_free);
  g_clear_pointer (&ctx->country_code, g_free);
  g_clear_pointer (&ctx->now, g_date_time_unref);
  g_clear_pointer (&ctx->skeleton, xmlFreeDoc);
  g_clear_pointer (&ctx->left_out_why, g_hash_table_unref);
}

/* SOURCE_DATE_EPOCH makes the dates of the header reproducible (tests,
 * reproducible builds of sample files). */
static GDateTime *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

static void
context_init (DocketEadContext       *ctx,
              DocketEadFormat         format,
              const DocketCollection *collection,
              GPtrArray              *records,
              const DocketEadOptions *options,
              GPtrArray              *cids)
{
  static const DocketEadOptions defaults = { 0 };
  g_autofree char *country = NULL;
  g_autofree char *code = NULL;

  if (options == NULL)
    options = &defaults;

  memset (ctx, 0, sizeof *ctx);
  ctx->format = format;
  ctx->collection = collection;
  ctx->records = records;
  ctx->schema_location = options->schema_location;
  ctx->now = export_time ();
  ctx->warnings = options->warnings;
  /* With the schemas at hand, kept elements are validated in context. */
  ctx->schemas_dir = docket_ead_find_schemas_dir ();

  ctx->agency_name = _docket_ead_clean_token (options->agency_name);
  if (ctx->agency_name == NULL && collection != NULL)
    ctx->agency_name = _docket_ead_clean_token (collection->repository);
  if (ctx->agency_name == NULL)
    ctx->agency_name = g_strdup ("Unidentified agency");

  country = _docket_ead_clean_token (options->country_code);
  if (country != NULL)
    {
      char *upper = g_ascii_strup (country, -1);

      g_free (country);
      country = upper;
      if (_docket_ead_is_country_code (country))
        ctx->country_code = g_strdup (country);
    }
  code = _docket_ead_clean_token (options->agency_code);
  if (code != NULL)
    {
      g_autofree char *prefixed = ctx->country_code != NULL
                                  ? g_strconcat (ctx->country_code, "-", code, NULL) : NULL;

      if (_docket_ead_is_isil (code))
        ctx->agency_code = g_steal_pointer (&code);
      else if (prefixed != NULL && _docket_ead_is_isil (prefixed))
        ctx->agency_code = g_steal_pointer (&prefixed);
    }

  ctx->doc = xmlNewDoc ((const xmlChar *) "1.0");
  /* Element and attribute names interned once, not copied per node. */
  ctx->doc->dict = xmlDictCreate ();
  ctx->root = xmlNewDocNode (ctx->doc, NULL, (const xmlChar *) "ead", NULL);
  xmlDocSetRootElement (ctx->doc, ctx->root);
  ctx->ns = xmlNewNs (ctx->root, (const xmlChar *) (format == DOCKET_EAD_FORMAT_EAD3
                                                    ? DOCKET_EAD3_NS : DOCKET_EAD2002_NS), NULL);
  xmlSetNs (ctx->root, ctx->ns);
  if (format == DOCKET_EAD_FORMAT_EAD2002)
    ctx->xlink = xmlNewNs (ctx->root, (const xmlChar *) DOCKET_XLINK_NS, (const xmlChar *) "xlink");

  /* Every component's id first, so that links between records resolve
   * whatever their order, and ids made later avoid them. */
  ctx->ids = _docket_ead_ids_new ();
  _docket_ead_ids_claim (ctx->ids, DOCKET_EAD_ANCHOR_ID);
  ctx->record_cids = g_hash_table_new (g_str_hash, g_str_equal);
  /* A record imported from EAD gets back the c/@id it had there (its
   * record id is scoped by the collection); the others their record id. */
  for (guint i = 0; i < records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (records, i);
      const char *id = docket_record_get_id (record);
      g_autofree char *original = _docket_ead_extra_component_id (docket_record_get_extra_xml (record));
      const char *cid;

      if (original != NULL)
        cid = _docket_ead_ids_make (ctx->ids, original, NULL);
      else
        cid = _docket_ead_ids_make (ctx->ids, id != NULL && id[0] != '\0' ? id : "record", NULL);

      g_ptr_array_add (cids, (gpointer) cid);
      if (id != NULL && !g_hash_table_contains (ctx->record_cids, id))
        g_hash_table_insert (ctx->record_cids, (gpointer) id, (gpointer) cid);
    }
}

static void
write_newline (xmlTextWriterPtr writer,
               int              depth)
{
  char buf[32];
  int n = MIN (depth * 2, (int) sizeof buf - 2);

  buf[0] = '\n';
  memset (buf + 1, ' ', n);
  buf[n + 1] = '\0';
  /* White space between the children of element-only content. */
  xmlTextWriterWriteString (writer, (const xmlChar *) buf);
}

/* Serializes @node (built in the scratch document) at the writer's
 * position, then frees it. */
static void
dump_node (DocketEadContext  *ctx,
           xmlTextWriterPtr   writer,
           xmlOutputBufferPtr out,
           xmlNodePtr         node,
           int                depth)
{
  write_newline (writer, depth);
  xmlTextWriterFlush (writer);
  _docket_ead_indent (ctx, node, depth);
  xmlNodeDumpOutput (out, ctx->doc, node, 0, 0, "UTF-8");
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* Series and files kept from an EAD import nest their components again:
 * a record's parent is the last id of its parent path, when that record is
 * in the export. Loops (a corrupt path) are cut. */
typedef struct
{
  int        *parent;
  GPtrArray **children; /* of indices, as GINT_TO_POINTER */
  guint       n;
} Tree;

static void
tree_free (Tree *tree)
{
  for (guint i = 0; i < tree->n; i++)
    if (tree->children[i] != NULL)
      g_ptr_array_unref (tree->children[i]);
  g_free (tree->children);
  g_free (tree->parent);
  g_free (tree);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tree, tree_free)

static Tree *
tree_new (GPtrArray *records)
{
  Tree *tree = g_new0 (Tree, 1);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  tree->n = records->len;
  tree->parent = g_new (int, MAX (tree->n, 1));
  tree->children = g_new0 (GPtrArray *, MAX (tree->n, 1));
  for (guint i = 0; i < tree->n; i++)
    {
      const char *id = docket_record_get_id (g_ptr_array_index (records, i));

      if (id != NULL && !g_hash_table_contains (index, id))
        g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < tree->n; i++)
    {
      const char *path = docket_record_get (g_ptr_array_index (records, i), DOCKET_FIELD_PARENT_PATH);
      const char *last = path != NULL ? strrchr (path, '/') : NULL;
      guint p = path != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index, last != NULL ? last + 1 : path)) : 0;

      tree->parent[i] = p > 0 && p - 1 != i ? (int) p - 1 : -1;
    }
  for (guint i = 0; i < tree->n; i++)
    {
      int at = tree->parent[i];
      guint steps = 0;

      while (at >= 0 && steps++ <= tree->n)
        at = tree->parent[at];
      if (at >= 0)
        tree->parent[i] = -1;
    }
  for (guint i = 0; i < tree->n; i++)
    if (tree->parent[i] >= 0)
      {
        GPtrArray **children = &tree->children[tree->parent[i]];

        if (*children == NULL)
          *children = g_ptr_array_new ();
        g_ptr_array_add (*children, GUINT_TO_POINTER (i));
      }
  return tree;
}

static xmlNodePtr
build_subtree (DocketEadContext *ctx,
               Tree             *tree,
               GPtrArray        *cids,
               xmlNodePtr        parent,
               guint             i)
{
  xmlNodePtr c = _docket_ead_build_component (ctx, parent, g_ptr_array_index (ctx->records, i),
                                              g_ptr_array_index (cids, i));

  for (guint j = 0; tree->children[i] != NULL && j < tree->children[i]->len; j++)
    build_subtree (ctx, tree, cids, c, GPOINTER_TO_UINT (g_ptr_array_index (tree->children[i], j)));
  return c;
}

static gboolean
write_document (DocketEadContext   *ctx,
                GPtrArray          *cids,
                xmlOutputBufferPtr  out,
                GError            **error)
{
  g_autoptr(Tree) tree = tree_new (ctx->records);
  xmlTextWriterPtr writer = xmlNewTextWriter (out);
  xmlNodePtr archdesc, child, next;
  gboolean ead3 = _docket_ead_is_ead3 (ctx);
  int rc = 0;

  if (writer == NULL)
    {
      xmlOutputBufferClose (out);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                   _("Could not start the EAD document (out of memory?)"));
      return FALSE;
    }

  rc |= xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0;
  /* The schema hint RELAX NG validators accept (xsi:schemaLocation is
   * rejected by both official RELAX NG schemas). */
  rc |= xmlTextWriterWritePI (writer, (const xmlChar *) "xml-model",
                              (const xmlChar *) (ead3
                                                 ? "href=\"https://www.loc.gov/ead/ead3.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\""
                                                 : "href=\"https://www.loc.gov/ead/ead.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"")) < 0;
  rc |= xmlTextWriterWriteRaw (writer, (const xmlChar *) "\n") < 0;

  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "ead") < 0;
  rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xmlns",
                                     (const xmlChar *) (ead3 ? DOCKET_EAD3_NS : DOCKET_EAD2002_NS)) < 0;
  if (!ead3)
    rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xmlns:xlink",
                                       (const xmlChar *) DOCKET_XLINK_NS) < 0;
  if (ctx->schema_location)
    {
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xmlns:xsi",
                                         (const xmlChar *) DOCKET_XSI_NS) < 0;
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "xsi:schemaLocation",
                                         (const xmlChar *) (ead3
                                                            ? DOCKET_EAD3_NS " https://www.loc.gov/ead/ead3.xsd"
                                                            : DOCKET_EAD2002_NS " https://www.loc.gov/ead/ead.xsd")) < 0;
    }

  dump_node (ctx, writer, out, _docket_ead_build_header (ctx, ctx->root), 1);

  write_newline (writer, 1);
  rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "archdesc") < 0;
  archdesc = _docket_ead_el (ctx, ctx->root, "archdesc");
  {
    g_autofree char *other = NULL;
    g_autofree char *level = ctx->collection != NULL
                             ? _docket_ead_extra_level (ctx->collection->extra_xml, &other) : NULL;
    g_autofree xmlChar *value = NULL;

    _docket_ead_set_level (archdesc, level != NULL ? level : "collection", other);
    value = xmlGetProp (archdesc, (const xmlChar *) "level");
    rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "level", value) < 0;
    xmlFree (g_steal_pointer (&value));
    value = xmlGetProp (archdesc, (const xmlChar *) "otherlevel");
    if (value != NULL)
      rc |= xmlTextWriterWriteAttribute (writer, (const xmlChar *) "otherlevel", value) < 0;
  }
  _docket_ead_build_archdesc (ctx, archdesc);
  for (child = archdesc->children; child != NULL; child = next)
    {
      next = child->next;
      dump_node (ctx, writer, out, child, 2);
    }
  xmlUnlinkNode (archdesc);
  xmlFreeNode (archdesc);

  /* Empty wrappers break round trips; no records, no dsc. */
  if (ctx->records->len > 0)
    {
      write_newline (writer, 2);
      rc |= xmlTextWriterStartElement (writer, (const xmlChar *) "dsc") < 0;
      for (guint i = 0; i < ctx->records->len; i++)
        if (tree->parent[i] < 0)
          dump_node (ctx, writer, out, build_subtree (ctx, tree, cids, ctx->root, i), 3);
      write_newline (writer, 2);
      rc |= xmlTextWriterEndElement (writer) < 0; /* dsc */
    }
  _docket_ead_report_other (ctx);
  write_newline (writer, 1);
  rc |= xmlTextWriterEndElement (writer) < 0; /* archdesc */
  write_newline (writer, 0);
  rc |= xmlTextWriterEndElement (writer) < 0; /* ead */
  rc |= xmlTextWriterEndDocument (writer) < 0;
  xmlFreeTextWriter (writer); /* flushes and closes @out */

  if (rc != 0)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                   _("Could not write the EAD document"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_to_sink (DocketEadFormat          format,
               const DocketCollection  *collection,
               GPtrArray               *records,
               const DocketEadOptions  *options,
               Sink                    *sink,
               GError                 **error)
{
  DocketEadContext ctx;
  g_autoptr(GPtrArray) cids = g_ptr_array_new ();
  xmlOutputBufferPtr out;
  gboolean ok;

  context_init (&ctx, format, collection, records, options, cids);
  out = xmlOutputBufferCreateIO (sink_write, sink_close, sink, NULL);
  if (out == NULL)
    {
      context_clear (&ctx);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                   _("Could not start the EAD document (out of memory?)"));
      return FALSE;
    }
  ok = write_document (&ctx, cids, out, error);
  context_clear (&ctx);
  if (ok && sink->saved_errno != 0)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO,
                   "%s", g_strerror (sink->saved_errno));
      return FALSE;
    }
  return ok;
}

GBytes *
docket_ead_write_bytes (DocketEadFormat          format,
                        const DocketCollection  *collection,
                        GPtrArray               *records,
                        const DocketEadOptions  *options,
                        GError                 **error)
{
  Sink sink = { .fd = -1 };

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sink.bytes = g_byte_array_new ();
  if (!write_to_sink (format, collection, records, options, &sink, error))
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO,
               _("Could not write “%s”: %s. Choose another folder or free some space."),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* The temporary file, in the same folder as @path, that an atomic write
 * fills and then renames over @path. */
static int
open_temporary (const char  *path,
                char       **out_tmp_path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  struct stat st;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      g_free (tmp_path);
      return -1;
    }

  /* Keep the permissions of the file being replaced; a new file has 0666
   * less the umask from open(), like any other. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);

  *out_tmp_path = tmp_path;
  return fd;
}

/* Puts the complete temporary file on disk and renames it over @path:
 * rename() is atomic within a file system, so a crash leaves either the
 * old file or the new one, whole. Closes @fd in every case. */
static gboolean
finish_temporary (int          fd,
                  const char  *tmp_path,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved_errno;

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      return set_io_error (error, saved_errno, path);
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_io_error (error, saved_errno, path);
    }
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_io_error (error, saved_errno, path);
    }

  /* Make the rename itself durable. */
  {
    int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;
}

gboolean
docket_ead_write_file (DocketEadFormat          format,
                       const DocketCollection  *collection,
                       GPtrArray               *records,
                       const DocketEadOptions  *options,
                       const char              *path,
                       GError                 **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { .fd = -1 };
  int saved_errno;
  gboolean ok;

  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sink.fd = open_temporary (path, &tmp_path, error);
  if (sink.fd < 0)
    return FALSE;

  sink.bytes = g_byte_array_sized_new (SINK_CHUNK + 64 * 1024);
  ok = write_to_sink (format, collection, records, options, &sink, &local_error);
  g_byte_array_unref (sink.bytes);
  if (!ok)
    {
      saved_errno = sink.saved_errno;
      close (sink.fd);
      g_unlink (tmp_path);
      if (saved_errno != 0)
        return set_io_error (error, saved_errno, path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return finish_temporary (sink.fd, tmp_path, path, error);
}

/**
 * docket_ead_save_bytes:
 * @xml: a finding aid made by docket_ead_write_bytes() (and validated)
 * @path: the file to write; an existing one is replaced atomically
 *
 * Writes @xml to @path the way docket_ead_write_file() writes, so that a
 * finding aid validated in memory is the one that reaches the file,
 * without being made twice.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_ead_save_bytes (GBytes      *xml,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *tmp_path = NULL;
  const char *data;
  gsize length;
  int fd;

  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = open_temporary (path, &tmp_path, error);
  if (fd < 0)
    return FALSE;

  data = g_bytes_get_data (xml, &length);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp_path);
          return set_io_error (error, saved_errno, path);
        }
      data += n;
      length -= n;
    }
  return finish_temporary (fd, tmp_path, path, error);
}

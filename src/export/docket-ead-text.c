/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-private.h"

/* XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
 * | [#x10000-#x10FFFF]. */
static inline gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Whether @len bytes of @text are valid UTF-8 holding only characters XML
 * 1.0 allows, as almost all text is: checked eight bytes at a time where
 * they are ASCII without controls. Only C0 controls (but tab, newline and
 * carriage return) are forbidden among ASCII; in valid UTF-8 only U+FFFE
 * and U+FFFF (EF BF BE, EF BF BF) among the rest. */
static gboolean
is_clean (const char *text,
          gsize       len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  while (p < end)
    {
      const guchar *run;

      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* No byte of 0x80 or more, and none below 0x20. */
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0 &&
              ((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word &
               G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p < 0x80)
        {
          if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return FALSE;
          p++;
          continue;
        }
      /* A run of multi-byte sequences. */
      for (run = p; p < end && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate ((const char *) run, p - run, NULL))
        return FALSE;
      for (const guchar *q = run; q + 2 < p; q++)
        if (q[0] == 0xEF && q[1] == 0xBF && (q[2] == 0xBE || q[2] == 0xBF))
          return FALSE;
    }
  return TRUE;
}

/* Returns a copy of @len bytes of @text with every character XML 1.0
 * forbids dropped, or %NULL when @text was clean already (the common case,
 * which then costs one pass and no copy). */
static char *
strip_forbidden (const char *text,
                 gsize       len)
{
  const char *end = text + len;
  const char *p;
  g_autofree char *valid = NULL;
  GString *out;

  if (is_clean (text, len))
    return NULL;

  if (!g_utf8_validate (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      end = text + strlen (text);
    }
  out = g_string_sized_new (len);
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

char *
_docket_ead_clean_text (const char *text)
{
  char *stripped;

  if (text == NULL || text[0] == '\0')
    return NULL;
  stripped = strip_forbidden (text, strlen (text));
  if (stripped == NULL)
    stripped = g_strdup (text);
  if (is_blank (stripped))
    {
      g_free (stripped);
      return NULL;
    }
  return stripped;
}

char *
_docket_ead_clean_token (const char *text)
{
  g_autofree char *clean = _docket_ead_clean_text (text);
  GString *out;
  gboolean space = FALSE;

  if (clean == NULL)
    return NULL;
  out = g_string_sized_new (strlen (clean));
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ASCII name characters only: libxml2's NMTOKEN check follows the older,
 * narrower XML 1.0 letter classes, and codes are ASCII anyway. */
gboolean
_docket_ead_is_nmtoken (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_' && *p != ':')
      return FALSE;
  return TRUE;
}

char *
_docket_ead_to_nmtoken (const char *text)
{
  g_autofree char *clean = _docket_ead_clean_token (text);
  GString *out;
  gboolean gap = FALSE;

  if (clean == NULL)
    return NULL;
  out = g_string_sized_new (strlen (clean));
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_' || *p == ':')
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '_');
          gap = FALSE;
          g_string_append_c (out, *p);
        }
      else
        gap = TRUE;
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_digits (const char *p,
              guint       n,
              guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

char *
_docket_ead_normalize_date (const char *text)
{
  guint year, month = 0, day = 0;
  const char *p;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (!parse_digits (text, 4, &year) || year < 1 || year > 2999)
    return NULL;
  p = text + 4;
  if (*p == '-')
    {
      if (!parse_digits (p + 1, 2, &month) || month < 1 || month > 12)
        return NULL;
      p += 3;
      if (*p == '-')
        {
          if (!parse_digits (p + 1, 2, &day) ||
              !g_date_valid_dmy (day, month, year))
            return NULL;
          p += 3;
        }
    }
  /* A time of day (FRUS datelines carry some) is kept in the expression
   * only: EAD 2002 @normal and the EAD3 Schematron accept dates. */
  if (*p == 'T' && day != 0)
    p += strlen (p);
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return NULL;

  if (day != 0)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  if (month != 0)
    return g_strdup_printf ("%04u-%02u", year, month);
  return g_strdup_printf ("%04u", year);
}

/* The ISIL pattern of ead-200804.xsd (data.repositorycode); the 20210412
 * release types the same attribute as NMTOKEN, so '/' is refused too. */
gboolean
_docket_ead_is_isil (const char *code)
{
  const char *dash;
  gsize prefix_len;

  if (code == NULL || !_docket_ead_is_nmtoken (code))
    return FALSE;
  dash = strchr (code, '-');
  if (dash == NULL)
    return FALSE;
  prefix_len = dash - code;
  if (prefix_len == 2)
    {
      char country[3] = { code[0], code[1], '\0' };

      if (!_docket_ead_is_country_code (country))
        return FALSE;
    }
  else if (prefix_len != 1 && prefix_len != 3 && prefix_len != 4)
    return FALSE;
  for (gsize i = 0; i < prefix_len; i++)
    if (!g_ascii_isalpha (code[i]))
      return FALSE;
  /* Then 1 to 11 of [a-zA-Z0-9:/-]. */
  if (strlen (dash + 1) < 1 || strlen (dash + 1) > 11)
    return FALSE;
  return TRUE;
}

gboolean
_docket_ead_is_http_uri (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL || uri[0] == '\0')
    return FALSE;
  /* Printable ASCII without the characters RFC 3986 never allows. */
  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
      return FALSE;
  if (!g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/* Tree helpers */

xmlNodePtr
_docket_ead_el (DocketEadContext *ctx,
                xmlNodePtr        parent,
                const char       *name)
{
  return xmlNewChild (parent, ctx->ns, (const xmlChar *) name, NULL);
}

void
_docket_ead_text_len (xmlNodePtr  parent,
                      const char *text,
                      gsize       len)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || len == 0)
    return;
  stripped = strip_forbidden (text, len);
  if (stripped != NULL)
    xmlNodeAddContent (parent, (const xmlChar *) stripped);
  else
    xmlNodeAddContentLen (parent, (const xmlChar *) text, (int) len);
}

void
_docket_ead_text (xmlNodePtr  parent,
                  const char *text)
{
  if (text != NULL)
    _docket_ead_text_len (parent, text, strlen (text));
}

xmlNodePtr
_docket_ead_el_text (DocketEadContext *ctx,
                     xmlNodePtr        parent,
                     const char       *name,
                     const char       *text)
{
  xmlNodePtr node = _docket_ead_el (ctx, parent, name);

  _docket_ead_text (node, text);
  return node;
}

void
_docket_ead_attr (xmlNodePtr  node,
                  const char *name,
                  const char *value)
{
  g_autofree char *clean = _docket_ead_clean_text (value);

  if (clean != NULL)
    xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) clean);
}

void
_docket_ead_attr_token (xmlNodePtr  node,
                        const char *name,
                        const char *value)
{
  g_autofree char *clean = _docket_ead_clean_token (value);

  if (clean != NULL)
    xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) clean);
}

void
_docket_ead_xlink_simple (DocketEadContext *ctx,
                          xmlNodePtr        node)
{
  if (!_docket_ead_is_ead3 (ctx))
    xmlSetNsProp (node, ctx->xlink, (const xmlChar *) "type", (const xmlChar *) "simple");
}

xmlNodePtr
_docket_ead_access_term (DocketEadContext *ctx,
                         xmlNodePtr        parent,
                         const char       *name,
                         const char       *term)
{
  g_autofree char *clean = _docket_ead_clean_token (term);
  g_auto(GStrv) parts = NULL;
  xmlNodePtr node;

  if (clean == NULL)
    return NULL;
  if (!_docket_ead_is_ead3 (ctx))
    return _docket_ead_el_text (ctx, parent, name, clean);

  /* EAD3 names and subjects hold their text in parts, one per subdivision
   * ("Vietnam War, 1961-1975--Peace"). */
  node = _docket_ead_el (ctx, parent, name);
  parts = g_strsplit (clean, "--", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        _docket_ead_el_text (ctx, node, "part", parts[i]);
    }
  if (node->children == NULL)
    _docket_ead_el_text (ctx, node, "part", clean);
  return node;
}

xmlNodePtr
_docket_ead_name_el (DocketEadContext *ctx,
                     xmlNodePtr        parent,
                     const char       *name,
                     const char       *text)
{
  xmlNodePtr node = _docket_ead_el (ctx, parent, name);

  if (_docket_ead_is_ead3 (ctx))
    _docket_ead_el_text (ctx, node, "part", text);
  else
    _docket_ead_text (node, text);
  return node;
}

xmlNodePtr
_docket_ead_title_el (DocketEadContext *ctx,
                      xmlNodePtr        parent,
                      const char       *text)
{
  xmlNodePtr node = _docket_ead_name_el (ctx, parent, "title", text);

  if (!_docket_ead_is_ead3 (ctx))
    xmlSetProp (node, (const xmlChar *) "render", (const xmlChar *) "italic");
  return node;
}

void
_docket_ead_paragraphs (DocketEadContext *ctx,
                        xmlNodePtr        parent,
                        const char       *text)
{
  g_autofree char *clean = _docket_ead_clean_text (text);
  const char *p;

  if (clean == NULL)
    return;
  /* Paragraphs are separated by a line with nothing but white space. */
  p = clean;
  while (*p != '\0')
    {
      const char *end = p;
      const char *next;
      g_autofree char *para = NULL;

      for (;;)
        {
          const char *nl = strchr (end, '\n');
          const char *q;

          if (nl == NULL)
            {
              end = end + strlen (end);
              next = end;
              break;
            }
          for (q = nl + 1; *q == ' ' || *q == '\t' || *q == '\r'; q++)
            ;
          if (*q == '\n')
            {
              next = q + 1;
              end = nl;
              break;
            }
          end = nl + 1;
        }
      para = g_strndup (p, end - p);
      g_strstrip (para);
      if (para[0] != '\0')
        _docket_ead_el_text (ctx, parent, "p", para);
      p = next;
    }
}

/* Elements whose content model has no text (the schemas' element-only
 * types): white space may go between their children without changing
 * anything a reader sees. Everything else is mixed content and is never
 * indented. */
static const char * const element_only_common[] = {
  "ead", "filedesc", "titlestmt", "publicationstmt", "archdesc", "did", "dsc",
  "c", "scopecontent", "bioghist", "accessrestrict", "userestrict",
  "originalsloc", "odd", "relatedmaterial", "bibliography", "controlaccess",
  NULL
};
static const char * const element_only_ead3[] = {
  "control", "maintenanceagency", "languagedeclaration",
  "conventiondeclaration", "localtypedeclaration", "rightsdeclaration",
  "maintenancehistory", "maintenanceevent", "relations", "relation",
  "descriptivenote", "langmaterial", "origination", "unitdatestructured",
  "daterange", "physdescstructured", "repository", NULL
};
static const char * const element_only_ead2002[] = {
  "eadheader", "profiledesc", "revisiondesc", "change", NULL
};

static GHashTable *
element_only_set (const char * const *specific)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; element_only_common[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) element_only_common[i]);
  for (guint i = 0; specific[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) specific[i]);
  return set;
}

static gboolean
is_element_only (DocketEadContext *ctx,
                 xmlNodePtr        node)
{
  static GHashTable *sets[2];

  if (node->type != XML_ELEMENT_NODE || node->ns != ctx->ns)
    return FALSE;
  if (g_once_init_enter (&sets[0]))
    {
      sets[1] = element_only_set (element_only_ead2002);
      g_once_init_leave (&sets[0], element_only_set (element_only_ead3));
    }
  return g_hash_table_contains (sets[_docket_ead_is_ead3 (ctx) ? 0 : 1], node->name);
}

/* A text node of a newline and @depth levels of indentation. */
static xmlNodePtr
new_indentation (int depth)
{
  char buf[64];
  int n = MIN (depth * 2, (int) sizeof buf - 2);

  buf[0] = '\n';
  memset (buf + 1, ' ', n);
  buf[n + 1] = '\0';
  return xmlNewText ((const xmlChar *) buf);
}

void
_docket_ead_indent (DocketEadContext *ctx,
                    xmlNodePtr        node,
                    int               depth)
{
  xmlNodePtr child;
  gboolean any = FALSE;

  if (!is_element_only (ctx, node))
    return;
  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        return; /* indented already, or not element-only after all */
      if (child->type == XML_ELEMENT_NODE)
        any = TRUE;
    }
  if (!any)
    return;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE && child->type != XML_COMMENT_NODE)
        continue;
      xmlAddPrevSibling (child, new_indentation (depth + 1));
      _docket_ead_indent (ctx, child, depth + 1);
    }
  xmlAddChild (node, new_indentation (depth));
}

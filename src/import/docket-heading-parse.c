/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-heading-parse"

#include "config.h"

#include "docket-heading-parse.h"

#include <string.h>

/* Document types as FRUS headings name them, longest first so that
 * "memorandum of conversation" wins over "memorandum". */
static const char *known_types[] = {
  "special national intelligence estimate",
  "intelligence information cable",
  "national intelligence estimate",
  "memorandum of conversation",
  "memorandum for the record",
  "memorandum for the files",
  "summary of conversation",
  "record of conversation",
  "informal communication",
  "intelligence memorandum",
  "information memorandum",
  "research memorandum",
  "intelligence estimate",
  "intelligence report",
  "backchannel message",
  "circular telegram",
  "intelligence note",
  "action memorandum",
  "record of meeting",
  "summary record",
  "talking points",
  "editorial note",
  "oral statement",
  "joint statement",
  "briefing paper",
  "position paper",
  "policy paper",
  "aide-mémoire",
  "aide-memoire",
  "memorandum",
  "instruction",
  "transcript",
  "communiqué",
  "statement",
  "telegram",
  "despatch",
  "dispatch",
  "airgram",
  "message",
  "minutes",
  "summary",
  "letter",
  "report",
  "record",
  "paper",
  "notes",
  "study",
  "cable",
  "draft",
  "note",
};

/* First words of an office held by a named person ("Secretary of State Rusk"). */
static const char *title_words[] = {
  "President", "President-elect", "Vice", "Secretary", "Under", "Deputy",
  "Assistant", "Acting", "Ambassador", "Chairman", "Chairmen", "Prime",
  "Foreign", "Premier", "General", "Admiral", "Senator", "Attorney",
  "Director", "Governor", "Minister", "Chancellor", "King", "Queen",
  "Emperor", "Pope", "Mayor", "Special", "Chief", "Commander", "Counselor",
  "First", "Chargé", "Representative", "Congressman", "Speaker", "Prince",
  "Marshal", "Lieutenant", "Colonel", "Major", "Captain", "Mr.", "Mrs.",
  "Miss", "Dr.", "Sir", "Lord", "Soviet", "Japanese", "British", "French",
};

/* Offices whose name goes on with "to" ("the Ambassador to Japan"), so a
 * " to " after them does not separate sender from recipient. */
static const char *to_taking_words[] = {
  "Ambassador", "Mission", "Delegation", "Representative", "Assistant",
  "Adviser", "Advisor", "Envoy", "Counselor", "Aide", "Consultant", "Liaison",
  "Minister", "Delegate", "Emissary", "Embassy", "Commissioner",
};

static gboolean
word_in (const char  *word,
         gsize        len,
         const char **list,
         gsize        n_list)
{
  for (gsize i = 0; i < n_list; i++)
    if (strlen (list[i]) == len && strncmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
at_word_start (const char *start,
               const char *p)
{
  return p == start || p[-1] == ' ';
}

static char *
find_type (const char  *heading,
           const char **out_end)
{
  /* Lowered in place of the heading: byte offsets must stay the same.
   * g_utf8_strdown() does what g_ascii_strdown() does on ASCII text, at
   * ten times the cost; most headings are ASCII. */
  g_autofree char *lower = g_str_is_ascii (heading) ? g_ascii_strdown (heading, -1)
                                                   : g_utf8_strdown (heading, -1);

  /* The type usually opens the heading; "Department of State Policy Paper"
   * puts it later, so every word start is tried, the first match wins. */
  for (const char *p = lower; *p != '\0'; p++)
    {
      if (!at_word_start (lower, p))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (known_types); i++)
        {
          gsize len;

          if (*p != known_types[i][0])
            continue;
          len = strlen (known_types[i]);
          if (strncmp (p, known_types[i], len) == 0 &&
              (p[len] == '\0' || p[len] == ' ' || g_ascii_isdigit (p[len])))
            {
              if (out_end != NULL)
                *out_end = heading + (p - lower) + len;
              return g_strdup (known_types[i]);
            }
        }
      /* Types are found in the words before the parties. */
      if (g_str_has_prefix (p, "from ") || g_str_has_prefix (p, "between "))
        break;
    }
  if (out_end != NULL)
    *out_end = NULL;
  return NULL;
}

static char *
strip_the (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_str_has_prefix (copy, "the "))
    return g_strdup (copy + 4);
  return g_steal_pointer (&copy);
}

static gboolean
starts_with_title (const char *text)
{
  const char *space = strchr (text, ' ');
  gsize len = space != NULL ? (gsize) (space - text) : strlen (text);

  return word_in (text, len, title_words, G_N_ELEMENTS (title_words));
}

static gboolean
ends_with_body_word (const char *party)
{
  static const char *body_words[] = {
    "Ministry", "Department", "Embassy", "Mission", "Committee", "Council",
    "Staff", "Group", "Office", "Agency", "Bureau", "Government", "Delegation",
    "Affairs", "Chiefs", "Service", "Command", "Commission", "Board", "Union",
    "Nations", "Center", "House", "Secretariat", "Cabinet", "Forces", "Army",
    "Navy", "Force", "Consulate", "Legation", "Ministers", "Presidium",
  };
  const char *last = strrchr (party, ' ');

  last = last != NULL ? last + 1 : party;
  return word_in (last, strlen (last), body_words, G_N_ELEMENTS (body_words));
}

static void
add_agent (GPtrArray       *agents,
           DocketAgentRole  role,
           const char      *name,
           const char      *office)
{
  if (name == NULL || name[0] == '\0')
    return;
  g_ptr_array_add (agents, docket_agent_new (role, name,
                                             office != NULL && office[0] != '\0' ? office : NULL));
}

/* One party: "the Ambassador at Large (Harriman)", "President Johnson",
 * "Chairmen Khrushchev and Brezhnev", "the Embassy in Japan". */
static void
parse_party (GPtrArray       *agents,
             DocketAgentRole  role,
             const char      *text)
{
  g_autofree char *party = strip_the (text);
  gsize len = strlen (party);

  if (len == 0)
    return;

  if (party[len - 1] == ')')
    {
      char *open = strrchr (party, '(');

      if (open != NULL)
        {
          g_autofree char *name = g_strndup (open + 1, party + len - 1 - (open + 1));
          g_autofree char *office = g_strndup (party, open - party);

          g_strstrip (office);
          g_strstrip (name);
          if (g_str_has_prefix (office, "the "))
            memmove (office, office + 4, strlen (office + 4) + 1);
          add_agent (agents, role, name, office);
          return;
        }
    }

  /* "Alfred Jenkins of the National Security Council Staff" */
  {
    const char *of = strstr (party, " of the ");
    gsize skip = 8;

    if (of != NULL && of > party && of[-1] == ',')
      {
        of--;
        skip = 9;
      }
    /* A person's name has at least two words ("Members of the …" is a body). */
    if (of != NULL && !starts_with_title (party) && !g_str_has_prefix (text, "the ") &&
        memchr (party, ' ', of - party) != NULL)
      {
        g_autofree char *name = g_strndup (party, of - party);

        add_agent (agents, role, name, of + skip);
        return;
      }
  }

  /* "the Special Group", "the Embassy in Japan", "Soviet Ministry of
   * Foreign Affairs": a body, not a person. */
  {
    const char *lead = text;

    while (*lead == ' ')
      lead++;
    if (g_str_has_prefix (lead, "the ") || ends_with_body_word (party))
      {
        add_agent (agents, role, party, NULL);
        return;
      }
  }

  if (starts_with_title (party))
    {
      g_auto(GStrv) words = NULL;
      g_autofree char *office = NULL;
      char *at;
      guint n;
      guint name_start;

      /* "Secretary of State Rusk at Geneva": the place is not the name. */
      at = strstr (party, " at ");
      if (at != NULL && g_ascii_isupper (at[4]))
        *at = '\0';
      words = g_strsplit (party, " ", -1);
      n = g_strv_length (words);
      if (n < 2)
        {
          add_agent (agents, role, party, NULL);
          return;
        }

      /* "Chairmen Khrushchev and Brezhnev": two names share the office. */
      if (n >= 4 && strcmp (words[n - 2], "and") == 0)
        name_start = n - 3;
      else
        name_start = n - 1;
      /* Initials and given names belong to the name ("John F. Kennedy"). */
      while (name_start > 1 && strlen (words[name_start - 1]) == 2 &&
             words[name_start - 1][1] == '.')
        name_start--;

      {
        char *saved = words[name_start];

        words[name_start] = NULL;
        office = g_strjoinv (" ", words);
        words[name_start] = saved;
      }
      if (g_str_has_prefix (office, "Chairmen"))
        memcpy (office, "Chairman", 8);
      if (strcmp (office, "Mr.") == 0 || strcmp (office, "Mrs.") == 0 ||
          strcmp (office, "Miss") == 0 || strcmp (office, "Dr.") == 0)
        g_clear_pointer (&office, g_free);

      if (name_start == n - 3 && strcmp (words[n - 2], "and") == 0)
        {
          add_agent (agents, role, words[n - 3], office);
          add_agent (agents, role, words[n - 1], office);
        }
      else
        {
          g_autofree char *name = g_strjoinv (" ", words + name_start);
          add_agent (agents, role, name, office);
        }
      return;
    }

  add_agent (agents, role, party, NULL);
}

/* A list of parties: "A (X) and the B (Y)" splits after a closing
 * parenthesis; a bare " and " inside one party is kept. */
static void
parse_parties (GPtrArray       *agents,
               DocketAgentRole  role,
               const char      *text)
{
  const char *start = text;
  const char *p;

  while ((p = strstr (start, ") and ")) != NULL)
    {
      g_autofree char *one = g_strndup (start, p + 1 - start);
      parse_party (agents, role, one);
      start = p + 6;
    }
  parse_party (agents, role, start);
}

/* Where sender and recipient part: the " to " after a closing parenthesis,
 * else the first " to " that does not continue an office's name. */
static const char *
find_to (const char *text)
{
  const char *p = strstr (text, ") to ");
  const char *first = NULL;

  if (p != NULL)
    return p + 1;

  for (p = strstr (text, " to "); p != NULL; p = strstr (p + 1, " to "))
    {
      const char *w = p;

      if (first == NULL)
        first = p;
      while (w > text && w[-1] != ' ')
        w--;
      if (!word_in (w, p - w, to_taking_words, G_N_ELEMENTS (to_taking_words)))
        return p;
    }
  return first;
}

static void
parse_from_to (GPtrArray  *agents,
               const char *text)
{
  const char *to = find_to (text);

  if (to == NULL)
    {
      parse_parties (agents, DOCKET_AGENT_AUTHOR, text);
      return;
    }
  {
    g_autofree char *from = g_strndup (text, to - text);
    parse_parties (agents, DOCKET_AGENT_AUTHOR, from);
  }
  parse_parties (agents, DOCKET_AGENT_RECIPIENT, to + 4);
}

DocketHeadingParse *
docket_heading_parse (const char *heading)
{
  g_autoptr(DocketHeadingParse) parse = g_new0 (DocketHeadingParse, 1);
  const char *rest = NULL;
  const char *p;

  g_return_val_if_fail (heading != NULL, NULL);

  parse->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  parse->type = find_type (heading, &rest);
  if (rest == NULL)
    rest = heading;

  /* A telegram's number ("Telegram 4858 From …") is not a party. */
  while (*rest == ' ' || g_ascii_isdigit (*rest))
    rest++;

  if ((p = strstr (rest, "From ")) != NULL || (p = strstr (rest, "from ")) != NULL)
    parse_from_to (parse->agents, p + 5);
  else if (g_str_has_prefix (rest, "by "))
    parse_from_to (parse->agents, rest + 3);
  else if (g_str_has_prefix (rest, "Between "))
    {
      const char *and = strstr (rest, ") and ");

      if (and != NULL)
        {
          g_autofree char *first = g_strndup (rest + 8, and + 1 - (rest + 8));
          parse_party (parse->agents, DOCKET_AGENT_MENTIONED, first);
          parse_party (parse->agents, DOCKET_AGENT_MENTIONED, and + 6);
        }
      else if ((and = strstr (rest, " and ")) != NULL)
        {
          g_autofree char *first = g_strndup (rest + 8, and - (rest + 8));
          parse_party (parse->agents, DOCKET_AGENT_MENTIONED, first);
          parse_party (parse->agents, DOCKET_AGENT_MENTIONED, and + 5);
        }
    }
  else if (g_str_has_prefix (rest, "Prepared by ") || g_str_has_prefix (rest, "Prepared in "))
    parse_from_to (parse->agents, rest + 12);
  else if (g_str_has_prefix (rest, "Prepared for "))
    parse_parties (parse->agents, DOCKET_AGENT_RECIPIENT, rest + 13);

  return g_steal_pointer (&parse);
}

void
docket_heading_parse_apply (const DocketHeadingParse *parse,
                            DocketRecord             *record)
{
  g_return_if_fail (parse != NULL);
  g_return_if_fail (DOCKET_IS_RECORD (record));

  if (parse->type != NULL)
    {
      g_autofree char *extent = g_strdup_printf ("1 %s", parse->type);

      docket_record_set (record, DOCKET_FIELD_TYPE, parse->type);
      docket_record_set (record, DOCKET_FIELD_EXTENT, extent);
    }
  for (guint i = 0; i < parse->agents->len; i++)
    docket_record_add_agent (record, docket_agent_copy (g_ptr_array_index (parse->agents, i)));
}

void
docket_heading_parse_free (DocketHeadingParse *parse)
{
  if (parse == NULL)
    return;
  g_free (parse->type);
  g_clear_pointer (&parse->agents, g_ptr_array_unref);
  g_free (parse);
}

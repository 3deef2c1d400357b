-- Written by hand: the prior-history check (docs/decisions/014-prior-history.md).
-- Prisma cannot declare functions or indexes on expressions, and its diff
-- ignores them, so the schema is unchanged. Trusted extensions: the owner may
-- create them.
CREATE EXTENSION IF NOT EXISTS "fuzzystrmatch";

-- A name as matching compares it: accents taken off (decomposed, then the
-- combining marks dropped; the few letters that do not decompose mapped by
-- hand), lower case, and nothing but a-z left, so "O'Brien" is "obrien" and
-- "José" is "jose". Only IMMUTABLE built-ins (unaccent() is STABLE: it reads
-- a dictionary), so indexes may use it; app/people/matching.ts's nameKey does
-- the same in TypeScript.
CREATE FUNCTION "person_name_key"(name TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT NULLIF(regexp_replace(
      replace(replace(replace(
        translate(lower(regexp_replace(normalize(name, NFD), '[\u0300-\u036f]', '', 'g')), 'łøđħı', 'lodhi'),
        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
      '[^a-z]', '', 'g'), '')
  $$;

-- Every surname a person is known by, as keys: the surname, each part of a
-- double-barrelled one (hyphen or space; parts of three letters or more, not
-- particles such as "van"), and the previous names with their parts.
-- PL/pgSQL rather than SQL: these run for every row written to Person (the
-- index below), and a SQL function that cannot be inlined plans its body
-- again on every call (a 1,000,000-case load took ten times as long).
-- SET search_path: PostgreSQL 17 maintains indexes with a search path of
-- pg_catalog only, where these functions would not find each other or
-- dmetaphone.
CREATE FUNCTION "person_surname_keys"(last TEXT, previous TEXT[]) RETURNS TEXT[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path FROM CURRENT
  AS $$
    DECLARE
      keys TEXT[] := '{}';
      name TEXT;
      part TEXT;
      k TEXT;
    BEGIN
      FOREACH name IN ARRAY array_prepend(last, coalesce(previous, '{}')) LOOP
        CONTINUE WHEN name IS NULL;
        k := "person_name_key"(name);
        IF k IS NOT NULL AND NOT k = ANY(keys) THEN keys := keys || k; END IF;
        CONTINUE WHEN name !~ '[\s-]';
        FOREACH part IN ARRAY regexp_split_to_array(name, '[\s-]+') LOOP
          k := "person_name_key"(part);
          IF length(k) >= 3 AND NOT k = ANY(keys)
             AND k NOT IN ('van', 'von', 'der', 'den', 'del', 'della', 'des', 'das', 'dos', 'abu', 'bin', 'ibn', 'bint') THEN
            keys := keys || k;
          END IF;
        END LOOP;
      END LOOP;
      RETURN keys;
    END
  $$;

-- The words a person is looked up by: for the first name with each surname,
-- the two names' sounds (double metaphone), their Soundex codes (which also
-- survive most one-letter typos), the exact first name with the surname's
-- first two letters and the exact surname with the first name's (a typo in
-- the other name). A later contact's words, with its names also swapped,
-- overlapping an earlier person's is what makes that person a candidate.
CREATE FUNCTION "person_match_tokens"(first TEXT, last TEXT, previous TEXT[]) RETURNS TEXT[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path FROM CURRENT
  AS $$
    DECLARE
      f TEXT := "person_name_key"(first);
      f_sound TEXT;
      f_code TEXT;
      s TEXT;
      tokens TEXT[] := '{}';
    BEGIN
      IF f IS NULL THEN RETURN tokens; END IF;
      f_sound := dmetaphone(f);
      f_code := soundex(f);
      FOREACH s IN ARRAY "person_surname_keys"(last, previous) LOOP
        tokens := tokens || ARRAY['p' || f_sound || ':' || dmetaphone(s), 's' || f_code || ':' || soundex(s),
                                  'f' || f || ':' || left(s, 2), 'l' || s || ':' || left(f, 2)];
      END LOOP;
      RETURN tokens;
    END
  $$;

CREATE INDEX "Person_match_tokens_idx" ON "Person" USING GIN ("person_match_tokens"("firstName", "lastName", "previousNames"));

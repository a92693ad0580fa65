-- Full-text search over what members write: a stored tsvector per searchable row, kept up to date by PostgreSQL
-- itself (generated columns), each with a GIN index. Every text is indexed twice: with English stemming ("voting"
-- finds "votes") and with the 'simple' configuration, which keeps every word as written, so Welsh words and names
-- that English would stem oddly or drop as stop words ("Will", "May") are still found. Titles weigh most (A), then
-- summaries and reasons (B), then bodies (C).

create function search_vector(document text, weight "char") returns tsvector
    language sql immutable parallel safe
    return setweight(to_tsvector('pg_catalog.english', coalesce(document, '')), weight)
        || setweight(to_tsvector('pg_catalog.simple', coalesce(document, '')), weight);

-- A tsvector holds at most 1 MB. A proposal's text may be 400,000 characters: an ordinary one fits easily, but one
-- of very many different long words (tables of codes, say) could not, and a save must never fail for search's
-- sake. Such a text is indexed by its first 50,000 characters instead.
create function proposal_search_vector(title text, summary text, body text) returns tsvector
    language plpgsql immutable parallel safe set search_path from current as $$
begin
    return search_vector(title, 'A') || search_vector(summary, 'B') || search_vector(body, 'C');
exception when program_limit_exceeded then
    return search_vector(title, 'A') || search_vector(summary, 'B') || search_vector(left(body, 50000), 'C');
end $$;

-- A proposal is found by its current revision (revisions are immutable; the proposal names its current one).
alter table proposal_revision add column search tsvector
    generated always as (proposal_search_vector(title, summary, body)) stored;
create index proposal_revision_search on proposal_revision using gin (search);

alter table amendment add column search tsvector
    generated always as (search_vector(reason, 'B') || search_vector(replacement, 'C')) stored;
create index amendment_search on amendment using gin (search);

-- A deleted comment keeps no words (its body is emptied), so it has nothing to be found by either.
alter table comment add column search tsvector
    generated always as (search_vector(body, 'C')) stored;
create index comment_search on comment using gin (search);

alter table pact add column search tsvector
    generated always as (search_vector(title, 'A')) stored;
create index pact_search on pact using gin (search);

alter table pact_revision add column search tsvector
    generated always as (search_vector(conditions, 'C')) stored;
create index pact_revision_search on pact_revision using gin (search);

alter table pact_amendment add column search tsvector
    generated always as (search_vector(reason, 'B') || search_vector(conditions, 'C')) stored;
create index pact_amendment_search on pact_amendment using gin (search);

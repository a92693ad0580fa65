-- A published document: an immutable snapshot of an agreed proposal or a ratified pact, with the SHA-256
-- fingerprint of its canonical content and the PDF made from it once, at publication, so the file anyone
-- downloads is always byte for byte the same (and its hash can be checked too).
create table publication (
    id            bigint generated always as identity primary key,
    slug          text        not null unique
                  check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100
                         and slug not in ('verify', 'feed', 'assets')),
    proposal_id   bigint      references proposal (id),
    pact_id       bigint      references pact (id),
    version       integer     not null check (version >= 1),
    -- A correction replaces exactly one earlier version, and a version is replaced at most once.
    supersedes_id bigint      unique references publication (id),
    kind          text        not null check (kind in ('Proposal', 'Pact')),
    title         text        not null check (char_length(title) between 1 and 200),
    group_name    text        not null,
    content       jsonb       not null check (jsonb_typeof(content) = 'object'),
    fingerprint   text        not null unique check (fingerprint ~ '^[0-9a-f]{64}$'),
    pdf           bytea       not null,
    pdf_sha256    text        not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    published_at  timestamptz not null default now(),
    published_by  bigint      not null references member (id),
    check ((proposal_id is null) <> (pact_id is null)),
    check ((version = 1) = (supersedes_id is null)),
    unique (proposal_id, version),
    unique (pact_id, version)
);
create index publication_newest on publication (published_at desc);
create index publication_pdf_sha256 on publication (pdf_sha256);

create function publication_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'published documents cannot be changed or deleted; publish a correction instead';
end $$;
create trigger publication_no_change before update or delete on publication
    for each row execute function publication_is_immutable();

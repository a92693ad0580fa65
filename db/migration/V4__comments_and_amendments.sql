-- Amendments to a proposal's text and comments on proposals and amendments.

create table amendment (
    id              bigint generated always as identity primary key,
    proposal_id     bigint      not null references proposal (id) on delete cascade,
    -- Numbered per proposal and cited as "A3 to lines 12–14".
    number          integer     not null check (number >= 1),
    proposer_id     bigint      not null references member (id),
    -- The revision the range refers to: moved forward when other changes are merged, unless they touch it.
    revision        integer     not null check (revision >= 1),
    range_start     integer     not null check (range_start >= 0),
    range_end       integer     not null check (range_end >= range_start),
    original        text        not null check (char_length(original) <= 400000),
    replacement     text        not null check (char_length(replacement) <= 50000),
    reason          text        not null default '' check (char_length(reason) <= 5000),
    state           text        not null default 'PROPOSED'
                    check (state in ('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'PUT_TO_VOTE')),
    -- Another merge changed the words this amendment replaces; its proposer must look again.
    outdated        boolean     not null default false,
    decided_by      bigint      references member (id),
    decided_at      timestamptz,
    decision_reason text        not null default '' check (char_length(decision_reason) <= 5000),
    merged_revision integer,
    created_at      timestamptz not null default now(),
    constraint amendment_number_unique unique (proposal_id, number)
);

create table comment (
    id              bigint generated always as identity primary key,
    proposal_id     bigint      not null references proposal (id) on delete cascade,
    amendment_id    bigint      references amendment (id) on delete cascade,
    parent_id       bigint      references comment (id),
    author_id       bigint      not null references member (id),
    -- The author's party when writing: a CAUCUS comment is for that party's members in the group only.
    author_party_id bigint      not null references party (id),
    visibility      text        not null check (visibility in ('SHARED', 'CAUCUS')),
    -- Optional anchor: a paragraph (block) or a quoted passage, always of a given revision.
    revision        integer     check (revision >= 1),
    block           integer     check (block >= 0),
    line            integer     check (line >= 1),
    quote           text        check (char_length(quote) <= 2000),
    body            text        not null check (char_length(body) <= 10000),
    created_at      timestamptz not null default now(),
    edited_at       timestamptz,
    deleted_at      timestamptz,
    constraint comment_has_words check (deleted_at is not null or char_length(btrim(body)) >= 1),
    constraint comment_anchor_has_revision check ((block is null and line is null) or revision is not null)
);
create index comment_proposal on comment (proposal_id, created_at);
create index comment_amendment on comment (amendment_id);
create index comment_parent on comment (parent_id);

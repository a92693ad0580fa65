-- Local stand-down pacts: terms per constituency and conditions, revised through amendments, ratified by every
-- party in the pact by its own ballot or by its named representative.

create table pact (
    id               bigint generated always as identity primary key,
    -- The local group that negotiates the pact; its members (and only they) see it until it is published.
    group_id         bigint      not null references groups (id),
    title            text        not null check (char_length(btrim(title)) between 1 and 200),
    state            text        not null default 'DRAFT'
                     check (state in ('DRAFT', 'NEGOTIATING', 'RATIFYING', 'RATIFIED', 'PUBLISHED', 'COLLAPSED')),
    -- The election whose results are shown beside the terms as evidence.
    election_id      bigint      references election (id) on delete set null,
    current_revision integer     not null default 1 check (current_revision >= 1),
    -- Counts the times the pact was put to ratification: each round has its own ratifications.
    round            integer     not null default 0 check (round >= 0),
    -- Why it last went back to negotiation, or collapsed.
    state_reason     text        not null default '' check (char_length(state_reason) <= 5000),
    created_by       bigint      not null references member (id),
    created_at       timestamptz not null default now(),
    -- Optimistic locking for concurrent edits of the terms.
    version          integer     not null default 0
);
create index pact_group on pact (group_id);

-- Every change to the terms or conditions is a new, immutable revision.
create table pact_revision (
    pact_id    bigint      not null references pact (id) on delete cascade,
    number     integer     not null check (number >= 1),
    -- [{"ons": "E14001234", "name": "...", "candidate": "LAB", "stances": {"GRN": "STANDS_DOWN", ...}}, ...]
    terms      jsonb       not null check (jsonb_typeof(terms) = 'array'),
    conditions text        not null default '' check (char_length(conditions) <= 20000),
    author_id  bigint      not null references member (id),
    note       text        not null default '' check (char_length(note) <= 500),
    created_at timestamptz not null default now(),
    primary key (pact_id, number)
);

create function pact_revision_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'pact revisions cannot be changed';
end $$;
create trigger pact_revision_no_update before update on pact_revision
    for each row execute function pact_revision_is_immutable();

-- Constituencies a pact covers (from its current terms), for finding the pacts of a constituency.
create table pact_constituency (
    pact_id  bigint not null references pact (id) on delete cascade,
    ons_code text   not null check (ons_code ~ '^[EWSN][0-9]{8}$'),
    primary key (pact_id, ons_code)
);
create index pact_constituency_ons on pact_constituency (ons_code);

create table pact_amendment (
    id              bigint generated always as identity primary key,
    pact_id         bigint      not null references pact (id) on delete cascade,
    number          integer     not null check (number >= 1),
    proposer_id     bigint      not null references member (id),
    -- The revision it was proposed against; accepting it when the pact has moved on is refused.
    base_revision   integer     not null check (base_revision >= 1),
    terms           jsonb       not null check (jsonb_typeof(terms) = 'array'),
    conditions      text        not null default '' check (char_length(conditions) <= 20000),
    reason          text        not null default '' check (char_length(reason) <= 5000),
    state           text        not null default 'PROPOSED' check (state in ('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
    decided_by      bigint      references member (id),
    decided_at      timestamptz,
    decision_reason text        not null default '' check (char_length(decision_reason) <= 5000),
    merged_revision integer,
    created_at      timestamptz not null default now(),
    constraint pact_amendment_number_unique unique (pact_id, number)
);

-- One row per party per ratification round: how it ratifies, and its verdict once given.
create table pact_ratification (
    pact_id           bigint      not null references pact (id) on delete cascade,
    round             integer     not null check (round >= 1),
    party_id          bigint      not null references party (id),
    method            text        not null check (method in ('BALLOT', 'REPRESENTATIVE')),
    representative_id bigint      references member (id),
    ballot_id         bigint,
    verdict           text        check (verdict in ('RATIFIED', 'REJECTED')),
    reason            text        not null default '' check (char_length(reason) <= 5000),
    decided_by        bigint      references member (id),
    decided_at        timestamptz,
    primary key (pact_id, round, party_id),
    constraint ratification_representative_named check ((method = 'REPRESENTATIVE') = (representative_id is not null)),
    constraint ratification_verdict_time check ((verdict is null) = (decided_at is null))
);

-- Comments may be on a pact instead of a proposal.
alter table comment alter column proposal_id drop not null;
alter table comment add column pact_id bigint references pact (id) on delete cascade;
alter table comment add constraint comment_has_one_subject check (num_nonnulls(proposal_id, pact_id) = 1);
create index comment_pact on comment (pact_id, created_at);

-- A ballot may be one party's ratification of a pact: only that party's members in the group vote.
alter table ballot alter column proposal_id drop not null;
alter table ballot add column pact_id bigint references pact (id) on delete cascade;
alter table ballot add column party_id bigint references party (id);
alter table ballot add constraint ballot_has_one_subject
    check ((proposal_id is not null and pact_id is null and party_id is null)
        or (proposal_id is null and pact_id is not null and party_id is not null and amendment_id is null));
create unique index ballot_one_open_per_pact_party on ballot (pact_id, party_id) where closed_at is null and pact_id is not null;
alter table pact_ratification add constraint ratification_ballot foreign key (ballot_id) references ballot (id);

-- Ballots on a proposal's final text or on one amendment; the electorate is fixed when a ballot opens.

create table ballot (
    id              bigint generated always as identity primary key,
    proposal_id     bigint      not null references proposal (id) on delete cascade,
    amendment_id    bigint      references amendment (id) on delete cascade,
    -- The text voted on: for a final-text ballot, this revision.
    revision        integer     not null check (revision >= 1),
    rule            text        not null check (rule in ('SIMPLE_MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CONCURRENT_MAJORITY')),
    secret          boolean     not null,
    overall_quorum  integer     not null check (overall_quorum between 0 and 100),
    party_quorum    integer     not null check (party_quorum between 0 and 100),
    opened_by       bigint      not null references member (id),
    opened_at       timestamptz not null default now(),
    closes_at       timestamptz,
    closed_at       timestamptz,
    closed_by       bigint      references member (id),
    passed          boolean,
    explanation     text        check (char_length(explanation) <= 20000),
    constraint ballot_closes_after_opening check (closes_at is null or closes_at > opened_at),
    constraint ballot_result_when_closed check ((closed_at is null) = (passed is null))
);
-- At most one open ballot per proposal text or amendment at a time.
create unique index ballot_one_open_per_subject on ballot (proposal_id, coalesce(amendment_id, 0)) where closed_at is null;

create table ballot_elector (
    ballot_id bigint not null references ballot (id) on delete cascade,
    member_id bigint not null references member (id),
    -- The member's party when the ballot opened: concurrent majorities count by it.
    party_id  bigint not null references party (id),
    primary key (ballot_id, member_id)
);

create table vote (
    ballot_id  bigint      not null,
    member_id  bigint      not null,
    choice     text        not null check (choice in ('FOR', 'AGAINST', 'ABSTAIN')),
    reason     text        not null default '' check (char_length(reason) <= 2000),
    cast_at    timestamptz not null default now(),
    changed_at timestamptz,
    -- One vote per member per ballot; only members of the electorate can hold one.
    primary key (ballot_id, member_id),
    foreign key (ballot_id, member_id) references ballot_elector (ballot_id, member_id) on delete cascade
);

-- A seat's unity candidate chosen by a ballot of the pact's group: instant run-off or approval among named
-- candidates. The rule, the tie-break and the seed of any lot are stated when the ballot opens and never change after.

create table unity_ballot (
    id            bigint generated always as identity primary key,
    pact_id       bigint      not null references pact (id) on delete cascade,
    -- The group whose members vote: the pact's group when the ballot opened.
    group_id      bigint      not null references groups (id),
    ons_code      text        not null check (ons_code ~ '^[EWSN][0-9]{8}$'),
    constituency  text        not null check (char_length(constituency) between 1 and 200),
    method        text        not null check (method in ('RANKED', 'APPROVAL')),
    tie_break     text        not null check (tie_break in ('BACKWARDS', 'LOT')),
    lot_seed      bigint      not null,
    opened_by     bigint      not null references member (id),
    opened_at     timestamptz not null default now(),
    closes_at     timestamptz,
    closed_at     timestamptz,
    closed_by     bigint      references member (id),
    -- The count's sentences (RankedSentences), written once at the close.
    explanation   text        check (char_length(explanation) <= 50000),
    ballots_cast  integer     check (ballots_cast >= 0),
    elected_id    bigint,
    -- The pact amendment that wrote the winner into the terms, once a convenor proposed it.
    amendment_id  bigint      references pact_amendment (id),
    constraint unity_ballot_closes_after_opening check (closes_at is null or closes_at > opened_at),
    constraint unity_ballot_result_when_closed check ((closed_at is null) = (explanation is null) and (closed_at is null) = (ballots_cast is null)),
    constraint unity_ballot_elected_only_when_closed check (elected_id is null or closed_at is not null),
    constraint unity_ballot_amendment_of_winner check (amendment_id is null or elected_id is not null)
);
-- At most one open ballot per seat of a pact.
create unique index unity_ballot_one_open_per_seat on unity_ballot (pact_id, ons_code) where closed_at is null;
create index unity_ballot_pact on unity_ballot (pact_id);

-- What was stated before the vote cannot be changed once anyone may have voted under it.
create function unity_ballot_terms_are_fixed() returns trigger language plpgsql as $$
begin
    if new.pact_id <> old.pact_id or new.group_id <> old.group_id or new.ons_code <> old.ons_code or new.method <> old.method
            or new.tie_break <> old.tie_break or new.lot_seed <> old.lot_seed or new.opened_at <> old.opened_at
            or new.closes_at is distinct from old.closes_at then
        raise exception 'a unity ballot''s rule, tie-break, seat and closing time are fixed when it opens';
    end if;
    if old.closed_at is not null and (new.closed_at is distinct from old.closed_at or new.explanation is distinct from old.explanation
            or new.elected_id is distinct from old.elected_id or new.ballots_cast is distinct from old.ballots_cast) then
        raise exception 'a closed unity ballot''s result cannot be changed';
    end if;
    return new;
end $$;
create trigger unity_ballot_fixed before update on unity_ballot
    for each row execute function unity_ballot_terms_are_fixed();

create table unity_candidate (
    id           bigint generated always as identity primary key,
    ballot_id    bigint      not null references unity_ballot (id) on delete cascade,
    -- Ballot-paper order, which also lines up tied candidates for a lot.
    position     integer     not null check (position >= 1),
    name         text        not null check (char_length(btrim(name)) between 1 and 120),
    -- The candidate's party; null for a candidate of no party.
    party_id     bigint      references party (id),
    withdrawn_at timestamptz,
    withdrawn_by bigint      references member (id),
    constraint unity_candidate_position unique (ballot_id, position),
    constraint unity_candidate_of_ballot unique (ballot_id, id),
    constraint unity_candidate_withdrawal check ((withdrawn_at is null) = (withdrawn_by is null))
);
-- No two candidates of one ballot with the same name, however spaced or capitalised.
create unique index unity_candidate_name on unity_candidate (ballot_id, lower(btrim(name)));

alter table unity_ballot add constraint unity_ballot_elected foreign key (id, elected_id) references unity_candidate (ballot_id, id);

-- The electorate, fixed when the ballot opens: the group's active members whose party counts, with that party.
create table unity_elector (
    ballot_id bigint not null references unity_ballot (id) on delete cascade,
    member_id bigint not null references member (id),
    party_id  bigint not null references party (id),
    primary key (ballot_id, member_id)
);

-- A member's marks: one row per candidate ranked (rank 1 first) or approved (rank null). One set per member,
-- replaced whole when they change it, until the close.
create table unity_mark (
    ballot_id    bigint      not null,
    member_id    bigint      not null,
    candidate_id bigint      not null,
    rank         integer     check (rank between 1 and 100),
    marked_at    timestamptz not null default now(),
    primary key (ballot_id, member_id, candidate_id),
    constraint unity_mark_one_rank unique (ballot_id, member_id, rank),
    foreign key (ballot_id, member_id) references unity_elector (ballot_id, member_id) on delete cascade,
    foreign key (ballot_id, candidate_id) references unity_candidate (ballot_id, id) on delete cascade
);

-- A ranked ballot's marks carry ranks and an approval ballot's do not; a mark names a candidate still standing when cast.
create function unity_mark_fits_its_ballot() returns trigger language plpgsql as $$
declare
    kind text;
begin
    select method into kind from unity_ballot where id = new.ballot_id;
    if (kind = 'RANKED') <> (new.rank is not null) then
        raise exception 'a ranked ballot''s marks are ranks, an approval ballot''s are not';
    end if;
    if exists (select 1 from unity_candidate where id = new.candidate_id and withdrawn_at is not null) then
        raise exception 'a withdrawn candidate cannot be marked';
    end if;
    return new;
end $$;
create trigger unity_mark_fits before insert or update on unity_mark
    for each row execute function unity_mark_fits_its_ballot();

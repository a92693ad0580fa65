-- A change of agreed text is a new agreement: correcting a document that more than one party agreed to asks them
-- again (a ballot under the same rule for a proposal; every party ratifying again for a pact). The correction waits
-- here, and is published, with the new results and signatures, only once they consent.
create table correction (
    id              bigint generated always as identity primary key,
    -- The published version it corrects.
    publication_id  bigint      not null references publication (id),
    proposal_id     bigint      references proposal (id) on delete cascade,
    pact_id         bigint      references pact (id) on delete cascade,
    body            text        not null,
    reason          text        not null check (char_length(reason) between 1 and 1000),
    proposed_by     bigint      not null references member (id),
    proposed_at     timestamptz not null default now(),
    state           text        not null default 'AWAITING_CONSENT' check (state in ('AWAITING_CONSENT', 'PUBLISHED', 'REFUSED')),
    outcome         text        not null default '' check (char_length(outcome) <= 5000),
    -- The version its consent published.
    published_id    bigint      unique references publication (id),
    decided_at      timestamptz,
    check ((proposal_id is null) <> (pact_id is null)),
    check ((state = 'AWAITING_CONSENT') = (decided_at is null)),
    check ((state = 'PUBLISHED') = (published_id is not null))
);
-- One correction of a version awaits consent at a time.
create unique index correction_one_awaiting on correction (publication_id) where state = 'AWAITING_CONSENT';

-- A proposal's correction is agreed by a ballot of the group, as its text was.
alter table ballot add column correction_id bigint references correction (id);
alter table ballot add constraint ballot_correction_is_of_a_proposal check (correction_id is null or (proposal_id is not null and amendment_id is null));

-- A pact's correction is ratified by every party again, in a round of its own: the round that starts while its
-- correction awaits consent.

-- A by-election needs a pact in days: a one-seat pact with its polling day and a time by which every party is asked
-- to have ratified. Any pact may carry such a deadline; a by-election pact always does.
alter table pact add column polling_day date;
alter table pact add column ratify_by timestamptz;
alter table pact add constraint pact_by_election_has_deadline check (polling_day is null or ratify_by is not null);
alter table pact add constraint pact_ratified_before_polling
    check (polling_day is null or ratify_by < (polling_day::timestamp at time zone 'Europe/London'));

-- Each reminder that a party has yet to ratify, sent once per round, party and step however many instances run the
-- sweep: the row is the proof it went, inserted with the audit entry that tells the party's members.
create table pact_reminder (
    pact_id  bigint      not null references pact (id) on delete cascade,
    round    integer     not null check (round >= 1),
    party_id bigint      not null references party (id),
    step     text        not null check (step in ('TWO_DAYS', 'ONE_DAY', 'LAST_HOURS')),
    sent_at  timestamptz not null default now(),
    primary key (pact_id, round, party_id, step)
);

-- A party's confirmed members in a group may elect one of themselves its delegate there, by a ballot of the party's
-- confirmed members in the group: how a party with no organiser at hand gets its first delegates.
alter table ballot
    add column group_id bigint references groups (id) on delete cascade,
    add column candidate_id bigint references member (id);
alter table ballot drop constraint ballot_has_one_subject;
alter table ballot add constraint ballot_has_one_subject
    check ((proposal_id is not null and pact_id is null and party_id is null and group_id is null and candidate_id is null)
        or (proposal_id is null and pact_id is not null and party_id is not null and amendment_id is null
            and group_id is null and candidate_id is null)
        or (proposal_id is null and pact_id is null and amendment_id is null and group_id is not null and party_id is not null
            and candidate_id is not null));
create unique index ballot_one_open_election_per_candidate on ballot (group_id, candidate_id) where closed_at is null and group_id is not null;
create index ballot_group on ballot (group_id) where group_id is not null;

-- A delegate is appointed by an organiser or delegate, or elected by such a ballot.
alter table party_delegate
    alter column appointed_by drop not null,
    add column elected_by bigint references ballot (id),
    add constraint party_delegate_appointed_or_elected check ((appointed_by is null) <> (elected_by is null));

-- Each party present in a LOCAL or ALLIANCE group speaks there through its delegates: confirmed members of that
-- party in the group, appointed by the party's organisers or its delegates there. Delegates choose how their party
-- ratifies a pact; no one else does.
create table party_delegate (
    group_id     bigint      not null references groups (id) on delete cascade,
    member_id    bigint      not null references member (id) on delete cascade,
    party_id     bigint      not null references party (id),
    appointed_by bigint      not null references member (id),
    appointed_at timestamptz not null default now(),
    primary key (group_id, member_id)
);
create index party_delegate_group_party on party_delegate (group_id, party_id);
create index party_delegate_member on party_delegate (member_id);

-- A delegate is, while they are one, an active member of a local or alliance group whom their party has confirmed.
create function delegate_is_confirmed_member() returns trigger language plpgsql as $$
begin
    -- A group restore writes delegations as they were, as it writes memberships and confirmations.
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if not exists (select 1 from member m
                   join party p on p.id = m.party_id
                   join group_membership gm on gm.member_id = m.id and gm.group_id = new.group_id and gm.status = 'ACTIVE'
                   join groups g on g.id = new.group_id and g.kind in ('LOCAL', 'ALLIANCE')
                   where m.id = new.member_id and m.party_id = new.party_id and m.party_confirmed_at is not null
                     and p.code <> 'NONE') then
        raise exception 'member % is not a confirmed member of party % active in group %', new.member_id, new.party_id, new.group_id
            using errcode = 'CG003';
    end if;
    return new;
end $$;
create trigger party_delegate_confirmed before insert or update on party_delegate
    for each row execute function delegate_is_confirmed_member();

-- Leaving the group, changing party or losing the party's confirmation ends being its delegate.
create function membership_end_stops_delegating() returns trigger language plpgsql as $$
begin
    delete from party_delegate where group_id = old.group_id and member_id = old.member_id;
    return null;
end $$;
create trigger group_membership_left_stops_delegating after delete on group_membership
    for each row execute function membership_end_stops_delegating();
create trigger group_membership_inactive_stops_delegating after update of status on group_membership
    for each row when (new.status <> 'ACTIVE') execute function membership_end_stops_delegating();

create function unconfirmed_stops_delegating() returns trigger language plpgsql as $$
begin
    delete from party_delegate where member_id = new.id;
    return null;
end $$;
create trigger member_unconfirmed_stops_delegating after update of party_confirmed_at, party_id on member
    for each row when (new.party_confirmed_at is null) execute function unconfirmed_stops_delegating();

-- A party's ratification plan is its delegates' choice, made after the pact goes to ratification: until then the
-- method is null ("waiting for GRN to choose how it ratifies"). Decided rows from before this change keep the plan
-- they were decided by; undecided ones are reset below.
alter table pact_ratification
    alter column method drop not null,
    add column chosen_by bigint references member (id),
    add column chosen_at timestamptz;
update pact_ratification set chosen_at = coalesce(decided_at, now());
alter table pact_ratification
    add constraint ratification_chosen_when_method check ((method is null) = (chosen_at is null)),
    add constraint ratification_representative_only_with_method check (method is not null or representative_id is null),
    add constraint ratification_verdict_needs_plan check (verdict is null or method is not null),
    add constraint ratification_ballot_needs_method check (ballot_id is null or method = 'BALLOT');

-- The plan is chosen by one of that party's delegates in the pact's group, and a representative is one of them too.
create function ratification_plan_by_delegates() returns trigger language plpgsql as $$
declare
    pact_group bigint;
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    select group_id into pact_group from pact where id = new.pact_id;
    if new.chosen_by is null
        or not exists (select 1 from party_delegate where group_id = pact_group and member_id = new.chosen_by and party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % in group %', new.chosen_by, new.party_id, pact_group using errcode = 'CG004';
    end if;
    if new.method = 'REPRESENTATIVE'
        and not exists (select 1 from party_delegate where group_id = pact_group and member_id = new.representative_id and party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % in group %', new.representative_id, new.party_id, pact_group using errcode = 'CG004';
    end if;
    return new;
end $$;
create trigger ratification_plan_chosen_by_delegate before update of method, representative_id on pact_ratification
    for each row when (new.method is not null
        and (old.method is distinct from new.method or old.representative_id is distinct from new.representative_id))
    execute function ratification_plan_by_delegates();

-- A plan a convenor chose for another party before this change is not that party's choice, and its open ballot may
-- hold votes from accounts the party never confirmed: pacts still being ratified start choosing again.
update ballot set closed_at = now(), passed = false,
                  explanation = 'Cancelled: each party now chooses how it ratifies, by its delegates in the group.'
    where pact_id is not null and closed_at is null;
update pact_ratification r set method = null, representative_id = null, ballot_id = null, chosen_at = null, chosen_by = null
    from pact k
    where k.id = r.pact_id and r.round = k.round and k.state = 'RATIFYING' and r.verdict is null;

-- Only the representative named signs, and only while still one of the party's delegates there.
create function signature_by_delegate() returns trigger language plpgsql as $$
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if new.decided_by is distinct from new.representative_id
        or not exists (select 1 from party_delegate d join pact p on p.group_id = d.group_id
                       where p.id = new.pact_id and d.member_id = new.decided_by and d.party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % for pact %', new.decided_by, new.party_id, new.pact_id using errcode = 'CG004';
    end if;
    return new;
end $$;
create trigger signature_needs_delegate before update of verdict on pact_ratification
    for each row when (new.method = 'REPRESENTATIVE' and new.verdict is not null and old.verdict is null)
    execute function signature_by_delegate();

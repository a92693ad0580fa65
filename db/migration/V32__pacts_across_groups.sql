-- Pacts across groups (issue 21). A pact's home group stays pact.group_id (the group that started it); other LOCAL
-- groups join it when a convenor of the home group invites them and a convenor of theirs accepts. An ALLIANCE
-- group's pact is read, and commented on, by the LOCAL groups whose constituencies it covers.
create table pact_joined_group (
    pact_id     bigint      not null references pact (id) on delete cascade,
    group_id    bigint      not null references groups (id) on delete cascade,
    -- INVITED: asked by a convenor of the home group; JOINED: a convenor of this group accepted. Declining or
    -- leaving deletes the row (the audit trail keeps who did it and when), so the group can be asked again.
    state       text        not null check (state in ('INVITED', 'JOINED')),
    invited_by  bigint      not null references member (id),
    invited_at  timestamptz not null default now(),
    accepted_by bigint      references member (id),
    accepted_at timestamptz,
    -- One row per group and pact: a group cannot be invited to, or join, the same pact twice.
    primary key (pact_id, group_id),
    constraint pact_joined_group_accepted check ((state = 'JOINED') = (accepted_at is not null) and (accepted_at is null) = (accepted_by is null))
);
create index pact_joined_group_group on pact_joined_group (group_id);

-- The home group is never also a joined one, and only LOCAL groups join.
create function pact_group_is_another_local_group() returns trigger language plpgsql as $$
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if exists (select 1 from pact where id = new.pact_id and group_id = new.group_id) then
        raise exception 'group % is the home group of pact %', new.group_id, new.pact_id using errcode = 'CG004';
    end if;
    if not exists (select 1 from groups where id = new.group_id and kind = 'LOCAL') then
        raise exception 'group % is not a local group', new.group_id using errcode = 'CG004';
    end if;
    return new;
end $$;
create trigger pact_group_checked before insert or update of group_id on pact_joined_group
    for each row execute function pact_group_is_another_local_group();

-- Every group with a part in a pact, and which part: HOME (started it), JOINED, INVITED (not yet accepted), SEATS (a
-- LOCAL group covering one of an ALLIANCE pact's constituencies). The groups that ratify it are HOME and JOINED.
create view pact_part as
select k.id as pact_id, k.group_id, 'HOME'::text as part
from pact k
union all
select g.pact_id, g.group_id, g.state
from pact_joined_group g
union
select pc.pact_id, gc.group_id, 'SEATS'
from pact k
join groups a on a.id = k.group_id and a.kind = 'ALLIANCE'
join pact_constituency pc on pc.pact_id = k.id
join group_constituency gc on gc.ons_code = pc.ons_code
join groups l on l.id = gc.group_id and l.kind = 'LOCAL';

-- Who may read a pact before it is published (DESIGN.md, "Who may see what"), written once for every route:
-- PactGuard asks it, as do search, the ledger, the pacts of a seat or group, and who hears of a change. The active
-- members of its groups; of a group only invited, its convenors (who decide whether to join).
create view pact_reader as
select p.pact_id, gm.member_id, gm.role = 'CONVENOR' and p.part in ('HOME', 'JOINED') as convenes
from pact_part p
join group_membership gm on gm.group_id = p.group_id and gm.status = 'ACTIVE'
where p.part <> 'INVITED' or gm.role = 'CONVENOR';

-- A party's plan is chosen by one of its delegates in any group that ratifies the pact, and a representative is one
-- of them too (V18 said: in the pact's one group).
create or replace function ratification_plan_by_delegates() returns trigger language plpgsql as $$
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if new.chosen_by is null
        or not exists (select 1 from party_delegate d join pact_part p on p.group_id = d.group_id and p.part in ('HOME', 'JOINED')
                       where p.pact_id = new.pact_id and d.member_id = new.chosen_by and d.party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % for pact %', new.chosen_by, new.party_id, new.pact_id using errcode = 'CG004';
    end if;
    if new.method = 'REPRESENTATIVE'
        and not exists (select 1 from party_delegate d join pact_part p on p.group_id = d.group_id and p.part in ('HOME', 'JOINED')
                        where p.pact_id = new.pact_id and d.member_id = new.representative_id and d.party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % for pact %', new.representative_id, new.party_id, new.pact_id using errcode = 'CG004';
    end if;
    return new;
end $$;

create or replace function signature_by_delegate() returns trigger language plpgsql as $$
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if new.decided_by is distinct from new.representative_id
        or not exists (select 1 from party_delegate d join pact_part p on p.group_id = d.group_id and p.part in ('HOME', 'JOINED')
                       where p.pact_id = new.pact_id and d.member_id = new.decided_by and d.party_id = new.party_id) then
        raise exception 'member % is not a delegate of party % for pact %', new.decided_by, new.party_id, new.pact_id using errcode = 'CG004';
    end if;
    return new;
end $$;

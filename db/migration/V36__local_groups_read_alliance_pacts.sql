-- Issue 21: an ALLIANCE group's pact over seats anywhere is read and commented on by the local groups of those seats,
-- while only its own groups (HOME and JOINED) ratify it. V34 removed V32's automatic readership (any local group
-- listing one of the seats read the pact from its draft on), because a group's seats are whatever its creator types:
-- anyone could list all 650 and read every alliance's drafts. Readership is now given, not claimed: a convenor of the
-- alliance pact invites a LOCAL group whose constituencies include one of its seats as a READER, and a convenor of
-- that group accepts. Its active members then read the pact and take part in its discussion; it has no convenor's
-- say in the pact, no delegates' say in ratifying it, and no place in its ballots' electorates (every rule that
-- ratifies, steers or counts electors asks for HOME or JOINED, and still does).

-- READER_INVITED: asked to read; READING: a convenor of the group accepted. Stopping reading, withdrawing the
-- invitation or declining it deletes the row (the audit trail keeps who did it and when), so the group can be asked
-- again. The primary key still holds one row per pact and group: a group has one part in a pact, whichever it is.
alter table pact_joined_group drop constraint pact_joined_group_state_check;
alter table pact_joined_group add constraint pact_joined_group_state_check
    check (state in ('INVITED', 'JOINED', 'READER_INVITED', 'READING'));
alter table pact_joined_group drop constraint pact_joined_group_accepted;
alter table pact_joined_group add constraint pact_joined_group_accepted
    check ((state in ('JOINED', 'READING')) = (accepted_at is not null) and (accepted_at is null) = (accepted_by is null));

-- As V32 (another LOCAL group than the home one), and for a reader: the pact is an alliance's, and the group lists one
-- of its seats when invited (later revisions may drop that seat; the group keeps reading until it stops or is asked to).
create or replace function pact_group_is_another_local_group() returns trigger language plpgsql as $$
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
    if new.state in ('READER_INVITED', 'READING') then
        if not exists (select 1 from pact k join groups a on a.id = k.group_id and a.kind = 'ALLIANCE' where k.id = new.pact_id) then
            raise exception 'pact % is not an alliance''s: groups join it rather than read it', new.pact_id using errcode = 'CG004';
        end if;
        if tg_op = 'INSERT' and not exists (select 1 from group_constituency gc join pact_constituency pc on pc.ons_code = gc.ons_code
                                            where gc.group_id = new.group_id and pc.pact_id = new.pact_id) then
            raise exception 'group % lists none of pact %''s seats', new.group_id, new.pact_id using errcode = 'CG004';
        end if;
    end if;
    return new;
end $$;

-- An invitation is answered in its own kind: an invitation to join is never turned into reading, nor the reverse.
create function pact_group_part_moves_forward() returns trigger language plpgsql as $$
begin
    if current_setting('commonground.restoring', true) = 'on' or new.state = old.state then
        return new;
    end if;
    if not ((old.state = 'INVITED' and new.state = 'JOINED') or (old.state = 'READER_INVITED' and new.state = 'READING')) then
        raise exception 'a group''s part in pact % cannot go from % to %', new.pact_id, old.state, new.state using errcode = 'CG004';
    end if;
    return new;
end $$;
create trigger pact_group_part_checked before update of state on pact_joined_group
    for each row execute function pact_group_part_moves_forward();

drop view pact_reader;
drop view pact_part;

-- Every group with a part in a pact, and which part: HOME (started it), JOINED, INVITED (to join, not yet accepted),
-- READING (an alliance pact's local group, reading and commenting), READER_INVITED (asked to, not yet accepted).
-- The groups that ratify it are HOME and JOINED, never READING.
create view pact_part as
select k.id as pact_id, k.group_id, 'HOME'::text as part
from pact k
union all
select g.pact_id, g.group_id, g.state
from pact_joined_group g;

-- Who may read a pact before it is published (DESIGN.md, "Who may see what"), written once for every route:
-- PactGuard asks it, as do search, the ledger, the pacts of a seat or group, and who hears of a change. The active
-- members of its groups, a reading group's among them; of a group only invited (to join or to read), its convenors,
-- who decide whether to accept. Only the convenors of HOME and JOINED groups steer the pact (convenes).
create view pact_reader as
select p.pact_id, gm.member_id, gm.role = 'CONVENOR' and p.part in ('HOME', 'JOINED') as convenes
from pact_part p
join group_membership gm on gm.group_id = p.group_id and gm.status = 'ACTIVE'
where p.part not in ('INVITED', 'READER_INVITED') or gm.role = 'CONVENOR';

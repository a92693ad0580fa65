-- V32 let every LOCAL group listing one of an ALLIANCE pact's constituencies read the pact from its draft on. A local
-- group's constituencies are whatever its creator typed, and its creator is its convenor at once: anyone could list
-- all 650 seats and read every alliance's unpublished pacts (and flag "contradictions" on others' pages with a
-- pact of their own). An alliance pact is now read, like any pact, by the members of its own group and of the
-- local groups it invites (a convenor of each accepts); no group reads it for the seats it claims.
drop view pact_reader;
drop view pact_part;

-- Every group with a part in a pact, and which part: HOME (started it), JOINED, INVITED (not yet accepted). The
-- groups that ratify it are HOME and JOINED.
create view pact_part as
select k.id as pact_id, k.group_id, 'HOME'::text as part
from pact k
union all
select g.pact_id, g.group_id, g.state
from pact_joined_group g;

-- Who may read a pact before it is published (DESIGN.md, "Who may see what"), written once for every route:
-- PactGuard asks it, as do search, the ledger, the pacts of a seat or group, and who hears of a change. The active
-- members of its groups; of a group only invited, its convenors (who decide whether to join).
create view pact_reader as
select p.pact_id, gm.member_id, gm.role = 'CONVENOR' and p.part in ('HOME', 'JOINED') as convenes
from pact_part p
join group_membership gm on gm.group_id = p.group_id and gm.status = 'ACTIVE'
where p.part <> 'INVITED' or gm.role = 'CONVENOR';

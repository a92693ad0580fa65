-- Who may read a proposal (DESIGN.md, "Who may see what"), written once for every query that needs it: search, and
-- who hears of a change. A view, so the planner inlines it and a member's or a proposal's readers come by index.
-- ProposalAccessRules.canRead is its pure mirror; ProposalReadersAgreeTest holds the two together, state by state.
create view proposal_reader as
select p.id as proposal_id, gm.member_id
from proposal p
join group_membership gm on gm.group_id = p.group_id and gm.status = 'ACTIVE'
-- Only an active member of the group reads: an author or convenor who has left keeps nothing.
where p.state not in ('DRAFT', 'WITHDRAWN')
   or p.state = 'WITHDRAWN' and p.discussed_at is not null
   or gm.role = 'CONVENOR'
   or exists (select 1 from proposal_author pa where pa.proposal_id = p.id and pa.member_id = gm.member_id);

-- An amendment still open when the final vote decides its proposal lapses: nothing can take it up any more, and it
-- says so (with the reason in decision_reason) instead of still reading "Proposed". Returning a proposal that was not
-- agreed to discussion does not revive it: its proposer proposes again on the redraft.
alter table amendment drop constraint amendment_state_check;
alter table amendment add constraint amendment_state_check
    check (state in ('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'PUT_TO_VOTE', 'LAPSED'));

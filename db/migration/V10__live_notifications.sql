-- Live updates across app instances: every audited change (the audit trail records them all, in the same
-- transaction) is announced on one channel. PostgreSQL delivers a NOTIFY only when its transaction commits, and
-- never if it rolls back. The payload is ids and the action only, never content: listeners re-read through the
-- services, with the reader's rights. A ballot's events are announced for its proposal or pact too.
create function audit_event_announce() returns trigger language plpgsql as $$
declare
    owner record;
begin
    perform pg_notify('common_ground_live', new.subject_type || ':' || coalesce(new.subject_id, 0) || ':' || new.action);
    if new.subject_type = 'ballot' then
        select proposal_id, pact_id into owner from ballot where id = new.subject_id;
        if owner.proposal_id is not null then
            perform pg_notify('common_ground_live', 'proposal:' || owner.proposal_id || ':' || new.action);
        elsif owner.pact_id is not null then
            perform pg_notify('common_ground_live', 'pact:' || owner.pact_id || ':' || new.action);
        end if;
    end if;
    return null;
end $$;
create trigger audit_event_announced after insert on audit_event
    for each row execute function audit_event_announce();

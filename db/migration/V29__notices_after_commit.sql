-- Notices are not fanned out in the transaction of the change (a ballot's opening or closing reaches its whole
-- electorate, thousands at a mass meeting): that transaction records here that its audit entry awaits fan-out, and
-- the fan-out follows the commit. A fan-out first takes the row for a while (attempts + 1, next_attempt_at later, in a
-- short transaction of its own), then writes the notifications and deletes the row in one transaction: each notice is
-- told exactly once, and one whose fan-out failed or whose instance stopped is taken up again when its time comes.
create table notice_pending (
    audit_id        bigint primary key references audit_event (id),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index notice_pending_due on notice_pending (next_attempt_at);

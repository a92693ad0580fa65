-- Notices are not fanned out in the transaction of the change (a ballot's opening or closing reaches its whole
-- electorate, thousands at a mass meeting): that transaction records here that its audit entry awaits fan-out, and the fan-out runs after the commit, in a transaction of its own that
-- writes the notifications and marks the row, so each is told exactly once. A row left pending by a crash between the
-- two is taken up by the next sweep.
create table notice_pending (
    audit_id        bigint primary key references audit_event (id),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index notice_pending_due on notice_pending (next_attempt_at);

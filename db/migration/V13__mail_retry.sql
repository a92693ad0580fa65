-- Mail that could not be sent is tried again later and later, and given up after a number of attempts, so a
-- failing message neither hammers the SMTP server nor holds up the mail queued after it.
alter table mail_outbox
    add column attempts        integer     not null default 0 check (attempts >= 0),
    add column next_attempt_at timestamptz not null default now();

drop index mail_outbox_unsent;
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;

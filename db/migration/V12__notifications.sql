-- Notifications: in the app (a bell with the unread count) and by email, at once or as a daily digest. Written in
-- the transaction of the change that causes them; the text names only what its recipient may read.
create table notification (
    id           bigint generated always as identity primary key,
    member_id    bigint      not null references member (id) on delete cascade,
    kind         text        not null check (kind in ('REPLY', 'MENTION', 'AMENDMENT', 'STATE', 'BALLOT', 'RATIFICATION')),
    text         text        not null check (char_length(text) between 1 and 500),
    link         text        not null check (link ~ '^[a-z0-9/]+$' and char_length(link) <= 200),
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    -- Set once the notification has gone out by email (at once or in a digest), so it is never sent twice.
    emailed_at   timestamptz
);
create index notification_member on notification (member_id, created_at desc);
create index notification_undigested on notification (member_id) where emailed_at is null;

alter table member add column email_notifications text not null default 'IMMEDIATE'
    check (email_notifications in ('IMMEDIATE', 'DAILY', 'NEVER'));

-- Members follow proposals and pacts without commenting.
create table watch (
    member_id    bigint not null references member (id) on delete cascade,
    subject_type text   not null check (subject_type in ('proposal', 'pact')),
    subject_id   bigint not null,
    primary key (member_id, subject_type, subject_id)
);
create index watch_subject on watch (subject_type, subject_id);

-- The key that signs unsubscribe links: made once, shared by every app instance.
create table app_secret (
    name  text  primary key,
    value bytea not null check (octet_length(value) >= 32)
);
-- gen_random_uuid() draws from a cryptographically strong source: two of them give 244 random bits.
insert into app_secret (name, value)
values ('unsubscribe', decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));

-- The bell updates live: a new notification is announced to its member's open pages, on every instance.
create function notification_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('common_ground_live', 'member:' || new.member_id || ':NOTIFIED');
    return null;
end $$;
create trigger notification_announced after insert on notification
    for each row execute function notification_announce();

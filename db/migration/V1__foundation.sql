-- Foundation: parties, members, groups and memberships, sign-in support, mail outbox, audit trail.
-- Limits live here as well as in the forms, so no code path can store what a form would refuse.

create table party (
    id          bigint generated always as identity primary key,
    code        text        not null check (code ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name        text        not null check (char_length(btrim(name)) between 1 and 100),
    colour      text        not null check (colour ~ '^#[0-9A-Fa-f]{6}$'),
    created_at  timestamptz not null default now(),
    constraint party_code_unique unique (code)
);
create unique index party_name_unique on party (lower(name));

insert into party (code, name, colour) values
    ('LAB',  'Labour',              '#E4003B'),
    ('GRN',  'Green',               '#02A95B'),
    ('LD',   'Liberal Democrats',   '#FAA61A'),
    ('SNP',  'Scottish National Party', '#FDF38E'),
    ('PC',   'Plaid Cymru',         '#005B54'),
    ('WEP',  'Women''s Equality',   '#5E2A84'),
    ('NONE', 'Non-party',           '#6B7280');

create table member (
    id              bigint generated always as identity primary key,
    email           text        not null check (char_length(email) between 3 and 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    display_name    text        not null check (char_length(btrim(display_name)) between 1 and 100),
    party_id        bigint      not null references party (id),
    password_hash   text        not null check (char_length(password_hash) between 20 and 500),
    admin           boolean     not null default false,
    locale          text        not null default 'en-GB' check (char_length(locale) between 2 and 35),
    created_at      timestamptz not null default now()
);
-- Case-insensitive uniqueness: 'Ann@X.org' and 'ann@x.org' are one account.
create unique index member_email_unique on member (lower(email));
create index member_party on member (party_id);

create table groups (
    id          bigint generated always as identity primary key,
    name        text        not null check (char_length(btrim(name)) between 1 and 120),
    kind        text        not null check (kind in ('PARTY', 'LOCAL', 'ALLIANCE')),
    party_id    bigint      references party (id),
    description text        not null default '' check (char_length(description) <= 2000),
    line_width  integer     not null default 80 check (line_width between 40 and 200),
    created_by  bigint      not null references member (id),
    created_at  timestamptz not null default now(),
    -- A PARTY group belongs to exactly one party; cross-party groups to none.
    constraint groups_party_matches_kind check ((kind = 'PARTY') = (party_id is not null))
);
create unique index groups_name_unique on groups (lower(name));

create table group_constituency (
    group_id    bigint not null references groups (id) on delete cascade,
    position    integer not null check (position >= 0),
    name        text   not null check (char_length(btrim(name)) between 1 and 100),
    ons_code    text   check (ons_code ~ '^[EWSN][0-9]{8}$'),
    primary key (group_id, position)
);
create unique index group_constituency_name_unique on group_constituency (group_id, lower(name));

create table group_membership (
    group_id        bigint      not null references groups (id) on delete cascade,
    member_id       bigint      not null references member (id) on delete cascade,
    status          text        not null check (status in ('REQUESTED', 'ACTIVE')),
    role            text        not null default 'MEMBER' check (role in ('MEMBER', 'CONVENOR')),
    requested_at    timestamptz not null default now(),
    joined_at       timestamptz,
    decided_by      bigint      references member (id),
    -- One row per member and group: a second request or a double approval cannot add another.
    primary key (group_id, member_id),
    constraint membership_active_has_join_time check ((status = 'ACTIVE') = (joined_at is not null)),
    constraint membership_convenor_is_active check (role = 'MEMBER' or status = 'ACTIVE')
);
create index group_membership_member on group_membership (member_id);

create table group_invitation (
    id          bigint generated always as identity primary key,
    group_id    bigint      not null references groups (id) on delete cascade,
    email       text        not null check (char_length(email) between 3 and 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    invited_by  bigint      not null references member (id),
    created_at  timestamptz not null default now(),
    accepted_at timestamptz,
    declined_at timestamptz
);
-- At most one open invitation per address and group.
create unique index group_invitation_open_unique on group_invitation (group_id, lower(email))
    where accepted_at is null and declined_at is null;
create index group_invitation_email on group_invitation (lower(email));

create table password_reset_token (
    id          bigint generated always as identity primary key,
    member_id   bigint      not null references member (id) on delete cascade,
    -- Only a SHA-256 of the emailed token is stored, so a database reader cannot reset passwords.
    token_hash  text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_reset_token_member on password_reset_token (member_id);

create table mail_outbox (
    id          bigint generated always as identity primary key,
    recipient   text        not null check (char_length(recipient) between 3 and 254),
    subject     text        not null check (char_length(subject) between 1 and 300),
    body        text        not null check (char_length(body) <= 20000),
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    last_error  text
);
create index mail_outbox_unsent on mail_outbox (created_at) where sent_at is null;

create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor_id     bigint      references member (id),
    action       text        not null check (char_length(action) between 1 and 100),
    subject_type text        not null check (char_length(subject_type) between 1 and 50),
    subject_id   bigint,
    detail       text        not null default '' check (char_length(detail) <= 4000)
);
create index audit_event_subject on audit_event (subject_type, subject_id, occurred_at);

-- Append-only: the audit trail cannot be edited or deleted through the application's connection.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- An account's address is verified by an emailed link before its owner may take part: join a group, accept an
-- invitation, comment, vote or sign. Accounts made before this are unverified until their owner follows a link.
alter table member add column email_verified_at timestamptz;

create table email_verification_token (
    id          bigint generated always as identity primary key,
    member_id   bigint      not null references member (id) on delete cascade,
    -- The address the link went to: it verifies that address, never one the account has changed to since.
    email       text        not null check (char_length(email) between 3 and 254),
    -- Only a SHA-256 of the emailed token is stored, so a database reader cannot verify addresses.
    token_hash  text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null check (expires_at > created_at),
    used_at     timestamptz
);
create index email_verification_token_member on email_verification_token (member_id, created_at);

-- Under the services' own checks: a row that makes a member take part needs that member's address verified.
-- The column naming the member is the trigger's argument. A group's restore (which sets commonground.restoring in
-- its transaction) writes history as it was, by members who have yet to verify in this database.
create function require_verified_member() returns trigger language plpgsql as $$
declare
    who bigint := (to_jsonb(new) ->> tg_argv[0])::bigint;
begin
    if current_setting('commonground.restoring', true) = 'on' then
        return new;
    end if;
    if who is not null and not exists (select 1 from member where id = who and email_verified_at is not null) then
        raise exception 'member % has not verified their email address', who using errcode = 'CG001';
    end if;
    return new;
end $$;

create trigger membership_needs_verified_member before insert or update of status on group_membership
    for each row execute function require_verified_member('member_id');
create trigger comment_needs_verified_author before insert on comment
    for each row execute function require_verified_member('author_id');
create trigger vote_needs_verified_voter before insert or update on vote
    for each row execute function require_verified_member('member_id');
create trigger signature_needs_verified_representative before update of verdict on pact_ratification
    for each row when (new.method = 'REPRESENTATIVE' and new.verdict is not null)
    execute function require_verified_member('decided_by');

-- Policy proposals: a proposal belongs to a group; every save is an immutable revision.

create table proposal (
    id               bigint generated always as identity primary key,
    group_id         bigint      not null references groups (id),
    title            text        not null check (char_length(btrim(title)) between 1 and 200),
    summary          text        not null default '' check (char_length(summary) <= 2000),
    state            text        not null default 'DRAFT'
                     check (state in ('DRAFT', 'DISCUSSION', 'VOTING', 'AGREED', 'NOT_AGREED', 'PUBLISHED', 'WITHDRAWN')),
    -- The optimistic lock: a save names the revision it started from and succeeds only if that is still current.
    current_revision integer     not null default 1 check (current_revision >= 1),
    -- Set when the group first sees the proposal; a draft withdrawn before that stays private to its authors.
    discussed_at     timestamptz,
    created_by       bigint      not null references member (id),
    created_at       timestamptz not null default now(),
    state_changed_at timestamptz not null default now(),
    state_changed_by bigint      not null references member (id)
);
create index proposal_group on proposal (group_id, state);

create table proposal_author (
    proposal_id bigint      not null references proposal (id) on delete cascade,
    member_id   bigint      not null references member (id),
    added_by    bigint      not null references member (id),
    added_at    timestamptz not null default now(),
    primary key (proposal_id, member_id)
);
create index proposal_author_member on proposal_author (member_id);

create table proposal_revision (
    proposal_id bigint      not null references proposal (id) on delete cascade,
    number      integer     not null check (number >= 1),
    title       text        not null check (char_length(btrim(title)) between 1 and 200),
    summary     text        not null default '' check (char_length(summary) <= 2000),
    -- A 50,000-word party manifesto is about 330,000 characters: one fits, a megabyte does not.
    body        text        not null check (char_length(body) <= 400000),
    note        text        not null default '' check (char_length(note) <= 500),
    author_id   bigint      not null references member (id),
    created_at  timestamptz not null default now(),
    primary key (proposal_id, number)
);

create function proposal_revision_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'proposal revisions cannot be changed';
end $$;
create trigger proposal_revision_no_update before update on proposal_revision
    for each row execute function proposal_revision_is_immutable();

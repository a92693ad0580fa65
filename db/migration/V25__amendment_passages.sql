-- An amendment changes one or more passages of the revision it was proposed on ("A3 to lines 12–14 and 20"):
-- each passage is a range of that revision's source and the words that replace it. Re-basing, collisions and
-- merging work per passage; the amendment is outdated as a whole when any of its passages' words are gone.
create table amendment_passage (
    amendment_id    bigint      not null references amendment (id) on delete cascade,
    position        integer     not null check (position >= 1),
    range_start     integer     not null check (range_start >= 0),
    range_end       integer     not null check (range_end >= range_start),
    original        text        not null check (char_length(original) <= 400000),
    replacement     text        not null check (char_length(replacement) <= 50000),
    primary key (amendment_id, position)
);

insert into amendment_passage (amendment_id, position, range_start, range_end, original, replacement)
select id, 1, range_start, range_end, original, replacement from amendment;

alter table amendment drop column range_start, drop column range_end, drop column original;
-- amendment.replacement stays as the lines of all its passages as amended, joined: it is what search indexes (a
-- generated column cannot read another table) and it never changes after the amendment is proposed.
comment on column amendment.replacement is 'The lines of all passages as amended, joined, for search; the passages are in amendment_passage.';

-- A compromise is an amendment that offers to replace several others. Each of their proposers answers: ACCEPTED
-- withdraws theirs in the compromise's favour, KEPT keeps it for the vote (with a comment).
alter table amendment add column compromise boolean not null default false;
create table compromise_offer (
    compromise_id   bigint      not null references amendment (id) on delete cascade,
    amendment_id    bigint      not null references amendment (id) on delete cascade,
    answer          text        not null default 'ASKED' check (answer in ('ASKED', 'ACCEPTED', 'KEPT')),
    comment         text        not null default '' check (char_length(comment) <= 5000),
    answered_by     bigint      references member (id),
    answered_at     timestamptz,
    primary key (compromise_id, amendment_id),
    constraint compromise_offer_not_itself check (compromise_id <> amendment_id)
);
create index compromise_offer_amendment on compromise_offer (amendment_id);

-- The voting list: where an amendment stands in the order of what will be voted on (null: by its number, after
-- those a convenor has placed). The final text is always voted on last.
alter table amendment add column vote_position integer check (vote_position >= 1);

-- A comment anchored to a selection covers lines line–last_line (a single line when last_line is null).
alter table comment add column last_line integer;
alter table comment add constraint comment_anchor_range check (last_line is null or (line is not null and last_line >= line));

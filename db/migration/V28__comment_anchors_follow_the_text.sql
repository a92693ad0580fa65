-- A comment on a paragraph or passage holds the characters anchor_start–anchor_end of revision `revision` (null for
-- comments made before this, whose lines are read instead). Each new revision moves them with their words, as it
-- moves amendments' passages, and `revision`, `block`, `line` and `last_line` with them. When those words were
-- changed, passage_changed_in names the revision that changed them and the anchor stays where it was.
alter table comment add column anchor_start integer, add column anchor_end integer, add column passage_changed_in integer;
alter table comment add constraint comment_anchor_offsets check (
    (anchor_start is null) = (anchor_end is null)
    and (anchor_start is null or (line is not null and anchor_start >= 0 and anchor_end >= anchor_start)));
alter table comment add constraint comment_passage_changed check (
    passage_changed_in is null or (line is not null and passage_changed_in > revision));

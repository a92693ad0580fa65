-- A proposal keeps the line width it was drafted with: comments and amendments cite its line numbers, and the
-- group's setting changing later must not move them. Set from the group's width when the proposal is made (also
-- when a group record from before this column is restored).
alter table proposal add column line_width integer check (line_width between 40 and 200);
update proposal p set line_width = g.line_width from groups g where g.id = p.group_id;

create function proposal_takes_group_line_width() returns trigger
    language plpgsql as $$
begin
    if new.line_width is null then
        select line_width into new.line_width from groups where id = new.group_id;
    end if;
    return new;
end;
$$;
create trigger proposal_line_width before insert on proposal
    for each row execute function proposal_takes_group_line_width();

alter table proposal alter column line_width set not null;

-- Only a party's confirmed members count for it (issue 16): a member whose party is only claimed is left out of a
-- ballot's electorate when it opens, and the ballot says how many were.
alter table ballot add column left_out_claimed integer not null default 0 check (left_out_claimed >= 0);

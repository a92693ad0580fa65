-- When the member's password last changed (a reset): sessions signed in before then are ended on their next
-- request, so a reset locks out whoever else knew the old password. Null: never changed since this was added.
alter table member add column credentials_changed_at timestamptz;

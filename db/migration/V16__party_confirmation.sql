-- A member's party, other than non-party, is claimed until someone of that party confirms it. Trust has a root: an
-- admin names each party's first organisers; from then on its organisers, and the convenors of its PARTY groups
-- (each a confirmed member), confirm its members. The audit trail keeps every confirmation and revocation.
alter table member
    add column party_confirmed_at timestamptz,
    add column party_confirmed_by bigint references member (id),
    add constraint member_party_confirmation_whole check ((party_confirmed_at is null) = (party_confirmed_by is null)),
    add constraint member_party_not_self_confirmed check (party_confirmed_by <> id);

create table party_organiser (
    party_id     bigint      not null references party (id),
    member_id    bigint      not null references member (id) on delete cascade,
    appointed_by bigint      not null references member (id),
    appointed_at timestamptz not null default now(),
    primary key (party_id, member_id)
);
create index party_organiser_member on party_organiser (member_id);

-- An organiser is a confirmed member of the party they organise.
create function organiser_is_confirmed_member() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from member where id = new.member_id and party_id = new.party_id and party_confirmed_at is not null) then
        raise exception 'member % is not a confirmed member of party %', new.member_id, new.party_id using errcode = 'CG002';
    end if;
    return new;
end $$;
create trigger party_organiser_confirmed before insert or update on party_organiser
    for each row execute function organiser_is_confirmed_member();

-- Changing one's party makes it claimed again, and ends organising the old one.
create function party_change_unconfirms() returns trigger language plpgsql as $$
begin
    new.party_confirmed_at := null;
    new.party_confirmed_by := null;
    delete from party_organiser where member_id = new.id;
    return new;
end $$;
create trigger member_party_change_unconfirms before update of party_id on member
    for each row when (old.party_id is distinct from new.party_id) execute function party_change_unconfirms();

-- Nor does anyone whose confirmation is revoked go on organising.
create function unconfirmed_stops_organising() returns trigger language plpgsql as $$
begin
    delete from party_organiser where member_id = new.id;
    return new;
end $$;
create trigger member_unconfirmed_stops_organising after update of party_confirmed_at on member
    for each row when (new.party_confirmed_at is null and old.party_confirmed_at is not null)
    execute function unconfirmed_stops_organising();

-- Which election and alliance the public seat pages use: one setting, chosen and published by an admin. Each choice
-- is a new row (the newest is the setting), so the date it was chosen is its own and earlier choices stay on record.
create table public_election (
    id               bigint generated always as identity primary key,
    election_id      bigint      not null references election (id) on delete cascade,
    -- Party codes as Alliance.parse reads them, normalised and comma-separated: "LAB,LD,GRN".
    alliance_parties text        not null check (alliance_parties ~ '^[A-Z][A-Z0-9]{0,19}(,[A-Z][A-Z0-9]{0,19})*$'),
    chosen_by        bigint      not null references member (id),
    chosen_at        timestamptz not null default now()
);
create index public_election_newest on public_election (chosen_at desc, id desc);

-- A constituency's earlier names under the same ONS code, kept when an import renames it, so that the public search
-- still finds it by the name people knew.
create table constituency_former_name (
    ons_code text not null references constituency (ons_code),
    name     text not null check (char_length(btrim(name)) between 1 and 200),
    primary key (ons_code, name)
);

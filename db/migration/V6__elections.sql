-- Election results imported from the House of Commons Library's "results by constituency" files, and the hexagon
-- map of constituencies. Re-importing an election replaces it whole, in one transaction.

create table election (
    id          bigint generated always as identity primary key,
    -- A short name such as GE2024, unique regardless of case.
    code        text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    name        text        not null check (char_length(btrim(name)) between 1 and 200),
    -- Party codes in the file's column order (the "other candidates" column excluded).
    parties     text[]      not null,
    imported_by bigint      references member (id),
    imported_at timestamptz not null default now()
);
create unique index election_code_unique on election (lower(code));

-- A constituency by its ONS code; the latest import's name, region and country win.
create table constituency (
    ons_code text primary key check (ons_code ~ '^[EWSN][0-9]{8}$'),
    name     text not null check (char_length(btrim(name)) between 1 and 200),
    region   text not null default '' check (char_length(region) <= 200),
    country  text not null default '' check (char_length(country) <= 100)
);

create table election_result (
    election_id        bigint  not null references election (id) on delete cascade,
    ons_code           text    not null references constituency (ons_code),
    -- The row's place in the file: analyses list constituencies in the file's order.
    position           integer not null check (position >= 0),
    electorate         integer not null check (electorate >= 0),
    valid_votes        integer not null check (valid_votes >= 0),
    invalid_votes      integer not null check (invalid_votes >= 0),
    majority           integer not null check (majority >= 0),
    winner             text    not null check (char_length(winner) between 1 and 20),
    second_party       text    not null default '' check (char_length(second_party) <= 20),
    result             text    not null default '' check (char_length(result) <= 200),
    member_name        text    not null default '' check (char_length(member_name) <= 200),
    -- Party code -> votes; "OTHER" holds all other candidates.
    votes              jsonb   not null check (jsonb_typeof(votes) = 'object'),
    other_winner_votes integer not null check (other_winner_votes >= 0),
    primary key (election_id, ons_code)
);
create index election_result_constituency on election_result (ons_code);

-- The hexagon map (one layout for the app: the current boundaries), imported from a HexJSON file.
create table hex_map (
    id          smallint primary key check (id = 1),
    layout      text        not null check (layout in ('odd-r', 'even-r', 'odd-q', 'even-q')),
    imported_by bigint      references member (id),
    imported_at timestamptz not null default now()
);

create table hex_cell (
    ons_code text    primary key check (ons_code ~ '^[EWSN][0-9]{8}$'),
    name     text    not null check (char_length(name) <= 200),
    q        integer not null,
    r        integer not null
);

-- Second factors (issue 17): passkeys through Spring Security's own WebAuthn tables, and TOTP with recovery codes.

-- Spring Security's PostgreSQL schema for JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository,
-- as shipped (org/springframework/security/user-*-schema*.sql), so its repositories work unchanged. A user entity's
-- name is the member's email, as Spring Security's sign-in knows them.
create table user_entities (
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);
create unique index user_entities_name on user_entities (lower(name));

create table user_credentials (
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);
create index user_credentials_user on user_credentials (user_entity_user_id);

-- One authenticator app per member. The secret must be readable to check codes, so it is stored as it is; the last
-- step used is kept so that a code seen once (over a shoulder, in a proxy log) cannot be replayed in its window.
create table member_totp (
    member_id      bigint      primary key references member (id) on delete cascade,
    secret         bytea       not null check (octet_length(secret) = 20),
    last_used_step bigint      not null default 0,
    created_at     timestamptz not null default now()
);

-- One-time recovery codes, hashed like passwords: the list is shown once, when made.
create table member_recovery_code (
    id         bigint generated always as identity primary key,
    member_id  bigint      not null references member (id) on delete cascade,
    code_hash  text        not null check (char_length(code_hash) between 20 and 500),
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
create index member_recovery_code_member on member_recovery_code (member_id) where used_at is null;

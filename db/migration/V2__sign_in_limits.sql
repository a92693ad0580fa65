-- Token buckets for failed sign-ins (bucket4j), shared by every app instance.
-- Keys are 'account:<lower-case email>' or 'address:<client address>'; expires_at lets old rows be swept.
create table sign_in_bucket (
    id         text   primary key check (char_length(id) <= 300),
    state      bytea,
    expires_at bigint
);
create index sign_in_bucket_expires on sign_in_bucket (expires_at);

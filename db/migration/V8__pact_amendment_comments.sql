-- An amendment to a pact's terms has its own discussion, as a proposal's amendments do.
alter table comment add column pact_amendment_id bigint references pact_amendment (id) on delete cascade;
alter table comment add constraint comment_pact_amendment_on_pact check (pact_amendment_id is null or pact_id is not null);
create index comment_pact_amendment on comment (pact_amendment_id);

-- A profile-wide job may be registered before anyone knows how many mailboxes it has (profile-service answers 202
-- before mailbox-service fans it out): such a job is not complete at total 0 until its size is known.
alter table job add column size_known boolean not null default true;

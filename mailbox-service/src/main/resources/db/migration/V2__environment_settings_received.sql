-- An environment becomes usable here once its email settings have arrived (they follow EnvironmentRegistered on the
-- same partition): before that, a new mailbox would get no default profile.
alter table environment_view add column settings_received boolean not null default false;

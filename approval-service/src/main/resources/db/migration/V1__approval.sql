-- Read models, kept from exsync.profile.events and exsync.mailbox.events (never from another service's database).
create table environment (
    id            uuid         primary key,
    tenant_id     varchar(200) not null,
    name          varchar(100) not null,
    deployment    varchar(20)  not null,
    version       varchar(64)  not null,
    created_by    uuid,
    registered_on timestamptz  not null
);

-- The approval switches of the org email settings (EmailSettingsChanged); absent means the defaults.
create table email_settings (
    environment_id                          uuid    primary key,
    process_emails_only_for_approved_users  boolean not null,
    process_emails_only_for_approved_queues boolean not null,
    require_privilege_to_self_approve       boolean not null
);

-- Only what the permission model needs of a profile: its server type (Exchange Online vs on-premises class).
create table profile (
    id             uuid        primary key,
    environment_id uuid        not null,
    server_type    varchar(40) not null
);

create table directory_user (
    environment_id      uuid         not null,
    id                  uuid         not null,
    user_principal_name varchar(320) not null,
    primary key (environment_id, id)
);

create table mailbox (
    id               uuid         primary key,
    environment_id   uuid         not null,
    email_address    varchar(320) not null,
    regarding_type   varchar(10)  not null,
    regarding_id     uuid,
    regarding_name   varchar(200),
    profile_id       uuid,
    owner_id         uuid,
    state            varchar(10)  not null,
    approval_status  varchar(20)  not null,
    requested_on     timestamptz
);
create index mailbox_environment_approval on mailbox (environment_id, approval_status);

-- Owned by this service: security roles, privileges, teams, assignments, approval history.
create table security_role (
    id             uuid         primary key,
    environment_id uuid         not null,
    name           varchar(100) not null,
    built_in       boolean      not null,
    created_on     timestamptz  not null
);
create unique index security_role_name on security_role (environment_id, lower(name));

create table role_privilege (
    role_id uuid        not null references security_role (id) on delete cascade,
    name    varchar(80) not null,
    depth   varchar(20) not null,
    primary key (role_id, name)
);

create table team (
    id             uuid         primary key,
    environment_id uuid         not null,
    name           varchar(100) not null,
    created_on     timestamptz  not null
);
create unique index team_name on team (environment_id, lower(name));

create table role_assignment (
    environment_id uuid        not null,
    principal_type varchar(10) not null,
    principal_id   uuid        not null,
    role_id        uuid        not null references security_role (id) on delete cascade,
    assigned_by    uuid,
    assigned_on    timestamptz not null,
    primary key (environment_id, principal_type, principal_id, role_id)
);
create index role_assignment_role on role_assignment (role_id);

create table approval_history (
    id             uuid        primary key,
    environment_id uuid        not null,
    mailbox_id     uuid        not null,
    decision       varchar(10) not null,
    path           varchar(30) not null,
    rule           varchar(10) not null,
    actor_id       uuid,
    at             timestamptz not null
);
create index approval_history_mailbox on approval_history (mailbox_id, at);

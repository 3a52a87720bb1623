-- Read models kept from other services' events (never read from their databases).
create table environment_view (
    id                                      uuid         primary key,
    tenant_id                               varchar(200) not null,
    deployment                              varchar(20)  not null,
    version                                 varchar(64)  not null,
    default_profile_id                      uuid,
    incoming_delivery_method                varchar(20)  not null default 'SERVER_SIDE_SYNC',
    outgoing_delivery_method                varchar(20)  not null default 'SERVER_SIDE_SYNC',
    act_delivery_method                     varchar(20)  not null default 'SERVER_SIDE_SYNC',
    process_emails_only_for_approved_users  boolean      not null default true,
    process_emails_only_for_approved_queues boolean      not null default true
);

create table profile_view (
    id             uuid         primary key,
    environment_id uuid         not null,
    name           varchar(100) not null,
    server_type    varchar(40)  not null,
    state          varchar(10)  not null,
    owner_id       uuid
);
create index profile_view_environment on profile_view (environment_id);

create table environment_role (
    environment_id uuid         not null,
    user_id        uuid         not null,
    role_name      varchar(100) not null,
    primary key (environment_id, user_id, role_name)
);

-- Owned data.
create table app_user (
    id                  uuid         primary key,
    environment_id      uuid         not null references environment_view (id),
    full_name           varchar(200) not null,
    email               varchar(320) not null,
    user_principal_name varchar(320) not null,
    created_on          timestamptz  not null
);

create table queue (
    id             uuid         primary key,
    environment_id uuid         not null references environment_view (id),
    name           varchar(200) not null,
    email          varchar(320) not null,
    owner_id       uuid         not null,
    created_on     timestamptz  not null
);

create table mailbox (
    id                              uuid          primary key,
    environment_id                  uuid          not null references environment_view (id),
    regarding_type                  varchar(10)   not null,
    regarding_id                    uuid          not null,
    regarding_name                  varchar(200)  not null,
    owner_id                        uuid          not null,
    email_address                   varchar(320)  not null,
    profile_id                      uuid,
    incoming_delivery_method        varchar(20)   not null,
    outgoing_delivery_method        varchar(20)   not null,
    act_delivery_method             varchar(20)   not null,
    incoming_email_status           varchar(10)   not null default 'NOT_RUN',
    outgoing_email_status           varchar(10)   not null default 'NOT_RUN',
    act_status                      varchar(10)   not null default 'NOT_RUN',
    mailbox_status                  varchar(10)   not null default 'NOT_RUN',
    email_address_approval          varchar(20)   not null,
    enabled_for_incoming_email      boolean       not null default false,
    enabled_for_outgoing_email      boolean       not null default false,
    enabled_for_act                 boolean       not null default false,
    sync_items_only_from_this_org   boolean       not null default true,
    process_email_received_after    timestamptz,
    last_test_completed_on          timestamptz,
    last_test_job_id                uuid,
    last_error_code                 varchar(100),
    last_error_message              varchar(2000),
    last_error_occurred_on          timestamptz,
    last_error_transient            boolean,
    transient_failure_count         integer       not null default 0,
    postponed_until                 timestamptz,
    state                           varchar(10)   not null,
    credentials_username            varchar(320),
    credentials_password_ciphertext text,
    credentials_key_id              varchar(64),
    created_on                      timestamptz   not null,
    modified_on                     timestamptz   not null,
    version                         bigint        not null default 0
);
-- Two active mailboxes of an environment never share an address.
create unique index mailbox_active_address on mailbox (environment_id, lower(email_address)) where state = 'ACTIVE';
create unique index mailbox_regarding on mailbox (regarding_id);
create index mailbox_environment on mailbox (environment_id, email_address);
create index mailbox_profile on mailbox (profile_id) where state = 'ACTIVE';

-- Alert walls: one row per (regarding, code, workload); a repeat raises count and updated_on.
create table alert (
    id             uuid          primary key,
    environment_id uuid          not null,
    level          varchar(15)   not null,
    code           varchar(100)  not null,
    workload       varchar(10),
    message        varchar(4000) not null,
    regarding_type varchar(10)   not null,
    regarding_id   uuid          not null,
    recipient_ids  uuid[]        not null,
    count          integer       not null,
    created_on     timestamptz   not null,
    updated_on     timestamptz   not null
);
create unique index alert_identity on alert (regarding_id, code, coalesce(workload, ''));
create index alert_recipients on alert using gin (recipient_ids);
create index alert_environment_updated on alert (environment_id, updated_on desc);

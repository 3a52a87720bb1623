create table environment (
    id                        uuid         primary key,
    tenant_id                 varchar(200) not null,
    name                      varchar(100) not null,
    deployment                varchar(20)  not null,
    version                   varchar(64)  not null,
    exchange_online_tenant_id varchar(200),
    created_by                uuid,
    created_on                timestamptz  not null
);

create table email_server_profile (
    id                                         uuid          primary key,
    environment_id                             uuid          not null references environment (id),
    name                                       varchar(100)  not null,
    server_type                                varchar(40)   not null,
    authentication_type                        varchar(40)   not null,
    protocol                                   varchar(20)   not null,
    server_authority                           varchar(20)   not null,
    default_server_location                    varchar(2048),
    authority_host                             varchar(2048),
    autodiscover_url                           varchar(2048),
    use_autodiscover                           boolean       not null,
    incoming_host                              varchar(255),
    incoming_port                              integer,
    incoming_use_ssl                           boolean,
    outgoing_host                              varchar(255),
    outgoing_port                              integer,
    outgoing_use_ssl                           boolean,
    use_impersonation                          boolean       not null,
    exchange_online_tenant_id                  varchar(200),
    client_id                                  varchar(200),
    username                                   varchar(320),
    password_ciphertext                        text,
    password_key_id                            varchar(64),
    client_secret_ciphertext                   text,
    client_secret_key_id                       varchar(64),
    process_emails_received_after              timestamptz,
    min_polling_interval_minutes               integer       not null check (min_polling_interval_minutes between 0 and 1440),
    max_concurrent_connections                 integer       not null check (max_concurrent_connections between 1 and 300),
    move_failed_emails_to_undeliverable_folder boolean       not null,
    send_alert_email_to_owner                  boolean       not null,
    timeout_mailbox_connection                 boolean       not null,
    timeout_mailbox_connection_after_ms        integer       not null check (timeout_mailbox_connection_after_ms between 0 and 100000),
    owner_id                                   uuid          not null,
    state                                      varchar(10)   not null,
    created_on                                 timestamptz   not null,
    modified_on                                timestamptz   not null,
    version                                    bigint        not null default 0
);
-- Names are unique per environment, whatever their case or state.
create unique index email_server_profile_name on email_server_profile (environment_id, lower(name));

create table email_settings (
    environment_id                         uuid        primary key references environment (id),
    default_profile_id                     uuid        references email_server_profile (id),
    incoming_delivery_method               varchar(20) not null,
    outgoing_delivery_method               varchar(20) not null,
    act_delivery_method                    varchar(20) not null,
    process_emails_only_for_approved_users boolean     not null,
    process_emails_only_for_approved_queues boolean    not null,
    require_privilege_to_self_approve      boolean     not null,
    notify_mailbox_owner                   boolean     not null,
    modified_on                            timestamptz not null
);

create table environment_role (
    environment_id uuid         not null,
    user_id        uuid         not null,
    role_name      varchar(100) not null,
    primary key (environment_id, user_id, role_name)
);

-- Read models fed by exsync.profile.events: which tenant owns an environment (tenant checks on job reads) and a
-- profile's name and owner (alert texts and recipients). Never secrets: connections are fetched over HTTP.
create table environment_tenant (
    environment_id uuid primary key,
    tenant_id      varchar(200) not null
);

create table profile_info (
    profile_id     uuid primary key,
    environment_id uuid not null,
    name           varchar(200),
    owner_id       uuid
);

-- A Test & Enable job: created by PUT /internal/jobs/{id} (QUEUED) or on the first TestAndEnableRequested.
create table job (
    id             uuid primary key,
    environment_id uuid         not null,
    kind           varchar(20)  not null,
    profile_id     uuid,
    state          varchar(20)  not null,
    total          integer      not null,
    requested_by   uuid,
    created_on     timestamptz  not null,
    started_on     timestamptz,
    finished_on    timestamptz
);

-- One row per (job, mailbox): the request snapshot, the work state (the queue, polled by due_at, so scheduled
-- retries survive a restart) and the result. The unique key is what reports a mailbox once per job.
create table job_mailbox (
    id                 uuid primary key,
    job_id             uuid         not null references job (id),
    mailbox_id         uuid         not null,
    email_address      varchar(320),
    request            text         not null,
    state              varchar(20)  not null,
    due_at             timestamptz  not null,
    claim_id           uuid,
    lease_until        timestamptz,
    attempts           integer      not null default 0,
    transient_failures integer      not null default 0,
    throttle_waits     integer      not null default 0,
    outcome            varchar(20),
    incoming_status    varchar(20),
    outgoing_status    varchar(20),
    act_status         varchar(20),
    mailbox_status     varchar(20),
    error_code         varchar(100),
    message            text,
    completed_on       timestamptz,
    constraint job_mailbox_once unique (job_id, mailbox_id)
);

create index job_mailbox_due on job_mailbox (due_at) where state in ('QUEUED', 'RETRYING');
create index job_mailbox_lease on job_mailbox (lease_until) where state = 'RUNNING';
create index job_mailbox_job_completed on job_mailbox (job_id, completed_on);

-- Shared by every ExSync service: add "classpath:db/exsync-outbox" to quarkus.flyway.locations.
-- Versions here are V0_x so they always sort before a service's own V1+ migrations.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published by OutboxRelay, then marked sent (and purged after the retention period).
create table outbox_event (
    seq            bigserial    primary key,
    id             uuid         not null unique,
    topic          varchar(255) not null,
    aggregate_id   varchar(255) not null,
    type           varchar(255) not null,
    environment_id varchar(255),
    payload        text         not null,
    created_at     timestamptz  not null default now(),
    sent_at        timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Idempotent consumer ("inbox"): an effect and its row commit together; a redelivered
-- event finds its row and has no second effect.
create table processed_message (
    consumer     varchar(200) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- The probe's "effect": deliberately without a unique key, so only the inbox can keep it to one row per event.
create table probe_effect (
    id           bigserial    primary key,
    event_id     uuid         not null,
    aggregate_id varchar(255) not null,
    name         varchar(255)
);

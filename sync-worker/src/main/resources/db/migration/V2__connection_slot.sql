-- Concurrency caps across worker instances: a cap of N for a key is N rows (key, 0..N-1); an instance holds a slot
-- while it talks to the server. A lease (not a session lock) so a killed instance's slots free themselves.
create table connection_slot (
    key         varchar(400) not null,
    slot        integer      not null,
    holder      uuid         not null,
    lease_until timestamptz  not null,
    primary key (key, slot)
);

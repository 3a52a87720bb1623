-- Run once by the postgres image on an empty volume: the role and one database per service.
create role exsync login password 'exsync';
create database exsync_profile owner exsync;
create database exsync_mailbox owner exsync;
create database exsync_approval owner exsync;
create database exsync_worker owner exsync;

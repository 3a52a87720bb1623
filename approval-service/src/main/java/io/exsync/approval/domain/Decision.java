package io.exsync.approval.domain;

public enum Decision { APPROVED, REJECTED }

package io.exsync.approval.domain;

public enum PrincipalType { USER, TEAM }

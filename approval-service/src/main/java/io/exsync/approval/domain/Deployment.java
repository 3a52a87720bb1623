package io.exsync.approval.domain;

public enum Deployment { ONLINE, ON_PREMISES }

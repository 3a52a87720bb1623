package io.exsync.simulator.domain;

import java.util.Map;

/** A directory tenant with its registered apps (client id → client secret). */
public record Tenant(String id, Map<String, String> appSecrets) {
}

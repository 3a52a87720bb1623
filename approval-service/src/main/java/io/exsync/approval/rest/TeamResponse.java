package io.exsync.approval.rest;

import io.exsync.approval.domain.Team;

import java.time.OffsetDateTime;
import java.util.UUID;

public record TeamResponse(UUID id, String name, OffsetDateTime createdOn) {

    public static TeamResponse of(Team team) {
        return new TeamResponse(team.id, team.name, team.createdOn);
    }
}

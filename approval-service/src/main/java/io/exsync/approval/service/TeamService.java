package io.exsync.approval.service;

import io.exsync.approval.domain.Team;
import io.exsync.approval.repository.TeamRepository;
import io.exsync.approval.rest.TeamRequest;
import io.exsync.approval.rest.TeamResponse;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final EnvironmentAccess access;

    public TeamService(TeamRepository teams, EnvironmentAccess access) {
        this.teams = teams;
        this.access = access;
    }

    @Transactional
    public TeamResponse create(UUID environmentId, TeamRequest request) {
        access.securityAdministrable(environmentId);
        String name = request.name().strip();
        if (teams.nameTaken(environmentId, name)) {
            throw new ApiException(409, "TeamNameTaken", "A team named '" + name + "' already exists in this "
                    + "environment.");
        }
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.environmentId = environmentId;
        team.name = name;
        team.createdOn = OffsetDateTime.now(ZoneOffset.UTC);
        teams.persist(team);
        return TeamResponse.of(team);
    }

    @Transactional
    public Page<TeamResponse> list(UUID environmentId, PageParams paging) {
        access.readable(environmentId);
        PanacheQuery<Team> query = teams.list(environmentId).page(paging.page, paging.size);
        return new Page<>(query.list().stream().map(TeamResponse::of).toList(), paging.page, paging.size,
                query.count());
    }
}

package io.exsync.approval.repository;

import io.exsync.approval.domain.Team;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public Optional<Team> findInEnvironment(UUID environmentId, UUID teamId) {
        return find("id = ?1 and environmentId = ?2", teamId, environmentId).firstResultOptional();
    }

    public boolean nameTaken(UUID environmentId, String name) {
        return count("environmentId = ?1 and lower(name) = lower(?2)", environmentId, name) > 0;
    }

    public PanacheQuery<Team> list(UUID environmentId) {
        return find("environmentId", Sort.by("name").and("id"), environmentId);
    }
}

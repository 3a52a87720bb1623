package io.exsync.profile.repository;

import io.exsync.profile.domain.EmailServerProfile;
import io.exsync.profile.domain.ProfileState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<EmailServerProfile, UUID> {

    public Optional<EmailServerProfile> findInEnvironment(UUID environmentId, UUID profileId) {
        return find("id = ?1 and environmentId = ?2", profileId, environmentId).firstResultOptional();
    }

    public boolean nameTaken(UUID environmentId, String name, UUID exceptId) {
        return count("environmentId = ?1 and lower(name) = lower(?2) and id <> ?3", environmentId, name,
                exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    public PanacheQuery<EmailServerProfile> list(UUID environmentId, ProfileState state) {
        Sort sort = Sort.by("name").and("id");
        return state == null
                ? find("environmentId", sort, environmentId)
                : find("environmentId = ?1 and state = ?2", sort, environmentId, state);
    }
}

package io.exsync.approval.repository;

import io.exsync.approval.domain.DirectoryUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DirectoryUserRepository implements PanacheRepositoryBase<DirectoryUser, DirectoryUser.Key> {

    public Optional<DirectoryUser> find(UUID environmentId, UUID userId) {
        return findByIdOptional(new DirectoryUser.Key(environmentId, userId));
    }
}

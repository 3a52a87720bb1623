package io.exsync.worker.service;

import io.exsync.events.AlertEvent.AlertRaised;
import io.exsync.events.Regarding;
import io.exsync.events.outbox.Outbox;
import io.exsync.worker.domain.ProfileInfo;
import io.exsync.worker.repository.ProfileAlertRepository;
import io.exsync.worker.repository.ProfileAlertRepository.FailureRate;
import io.exsync.worker.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SPEC §6: when more than half of a profile's mailboxes fail within an hour and the profile's
 * {@code sendAlertEmailToOwner} is on, one profile-level alert (not one per mailbox) goes to the profile owner.
 * Decided in the transaction that records a failed result, so the alert and the result commit together; at most one
 * per profile per hour, across instances (the {@code profile_alert} row is locked while deciding).
 */
@ApplicationScoped
public class ProfileAlerts {

    static final String CODE = "ProfileMailboxesFailing";
    static final Duration WINDOW = Duration.ofHours(1);

    private final ReadModelRepository readModels;
    private final ProfileAlertRepository alerts;
    private final Outbox outbox;

    public ProfileAlerts(ReadModelRepository readModels, ProfileAlertRepository alerts, Outbox outbox) {
        this.readModels = readModels;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    /** A mailbox of the profile has just failed (its result is flushed in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mailboxFailed(UUID environmentId, UUID profileId, OffsetDateTime now) {
        Optional<ProfileInfo> profile = readModels.profile(profileId);
        if (profile.isEmpty() || !profile.get().sendAlertEmailToOwner || profile.get().ownerId == null) {
            return;
        }
        OffsetDateTime since = now.minus(WINDOW);
        if (alerts.raisedOn(profileId).filter(at -> at.isAfter(since)).isPresent()
                || alerts.lockRaisedOn(profileId).filter(at -> at.isAfter(since)).isPresent()) {
            return;
        }
        FailureRate rate = alerts.failureRate(profileId, since);
        if (rate.failed() * 2 <= rate.total()) {
            return;
        }
        alerts.raised(profileId, now);
        ProfileInfo info = profile.get();
        outbox.append(new AlertRaised(environmentId, UUID.randomUUID(), "ERROR", CODE, null, message(info.name, rate),
                new Regarding("PROFILE", profileId, info.name), List.of(info.ownerId), 1));
    }

    static String message(String profileName, FailureRate rate) {
        return "More than half of the mailboxes of the email server profile " + profileName + " failed their test "
                + "in the last hour (" + rate.failed() + " of " + rate.total() + "). Check the profile's server "
                + "location and credentials and whether the mail server is reachable; each mailbox's own alert names "
                + "its root cause.";
    }
}

package io.exsync.mailbox.service;

import io.exsync.events.outbox.Outbox;
import io.exsync.mailbox.domain.Alert;
import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.AlertLevel;
import io.exsync.mailbox.domain.Enums.Approval;
import io.exsync.mailbox.domain.Enums.MailboxState;
import io.exsync.mailbox.domain.Enums.TestStatus;
import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.domain.ProfileView;
import io.exsync.mailbox.repository.AlertRepository;
import io.exsync.mailbox.repository.MailboxRepository;
import io.exsync.mailbox.repository.ReadModelRepository;
import io.exsync.mailbox.rest.Dtos.AlertResponse;
import io.exsync.mailbox.rest.Dtos.CredentialsRequest;
import io.exsync.mailbox.rest.Dtos.CredentialsResponse;
import io.exsync.mailbox.rest.Dtos.MailboxPatch;
import io.exsync.mailbox.rest.Dtos.MailboxResponse;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.secrets.EncryptedSecret;
import io.exsync.support.secrets.SecretCipher;
import io.exsync.support.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One mailbox at a time: read, list, configure, its own credentials, its alerts. */
@ApplicationScoped
public class MailboxService {

    /** Filters of {@code GET /mailboxes}; null means "any". */
    public record MailboxFilter(MailboxState state, UUID profileId, Approval approval, TestStatus incomingStatus,
                                TestStatus outgoingStatus, TestStatus actStatus, TestStatus mailboxStatus,
                                String errorCode, Boolean enabled, String q) {
    }

    private final MailboxAccess access;
    private final MailboxRepository mailboxes;
    private final ReadModelRepository readModels;
    private final AlertRepository alerts;
    private final SecretCipher cipher;
    private final Outbox outbox;
    private final Caller caller;

    public MailboxService(MailboxAccess access, MailboxRepository mailboxes, ReadModelRepository readModels,
                          AlertRepository alerts, SecretCipher cipher, Outbox outbox, Caller caller) {
        this.access = access;
        this.mailboxes = mailboxes;
        this.readModels = readModels;
        this.alerts = alerts;
        this.cipher = cipher;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public MailboxResponse get(UUID environmentId, UUID mailboxId) {
        access.readable(environmentId);
        return MailboxViews.response(find(environmentId, mailboxId));
    }

    @Transactional
    public Page<MailboxResponse> list(UUID environmentId, MailboxFilter filter, PageParams paging) {
        access.readable(environmentId);
        StringBuilder query = new StringBuilder("environmentId = :env");
        Parameters parameters = Parameters.with("env", environmentId);
        condition(query, parameters, "state", filter.state());
        condition(query, parameters, "profileId", filter.profileId());
        condition(query, parameters, "emailAddressApproval", filter.approval());
        condition(query, parameters, "incomingEmailStatus", filter.incomingStatus());
        condition(query, parameters, "outgoingEmailStatus", filter.outgoingStatus());
        condition(query, parameters, "actStatus", filter.actStatus());
        condition(query, parameters, "mailboxStatus", filter.mailboxStatus());
        condition(query, parameters, "lastErrorCode", filter.errorCode());
        if (filter.enabled() != null) {
            query.append(filter.enabled()
                    ? " and (enabledForIncomingEmail = true or enabledForOutgoingEmail = true or enabledForAct = true)"
                    : " and enabledForIncomingEmail = false and enabledForOutgoingEmail = false and enabledForAct = false");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            query.append(" and (lower(emailAddress) like :q or lower(regardingName) like :q)");
            parameters.and("q", "%" + filter.q().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var page = mailboxes.find(query.toString(), Sort.by("emailAddress").and("id"), parameters)
                .page(paging.page, paging.size);
        return new Page<>(page.list(), paging.page, paging.size, page.count()).map(MailboxViews::response);
    }

    @Transactional
    public MailboxResponse patch(UUID environmentId, UUID mailboxId, MailboxPatch patch) {
        EnvironmentView environment = access.visible(environmentId);
        Mailbox mailbox = find(environmentId, mailboxId);
        access.requireWrite(environment, mailbox);
        List<String> changed = new ArrayList<>();
        if (patch.profileId() != null && !patch.profileId().equals(mailbox.profileId)) {
            ProfileView profile = usableProfile(environmentId, patch.profileId());
            mailbox.profileId = profile.id;
            changed.add("profileId");
            if (profile.hasNoAct() && patch.actDeliveryMethod() == null
                    && mailbox.actDeliveryMethod != ActDeliveryMethod.NONE) {
                mailbox.actDeliveryMethod = ActDeliveryMethod.NONE;
                changed.add("actDeliveryMethod");
            }
        }
        if (patch.incomingDeliveryMethod() != null && patch.incomingDeliveryMethod() != mailbox.incomingDeliveryMethod) {
            mailbox.incomingDeliveryMethod = patch.incomingDeliveryMethod();
            changed.add("incomingDeliveryMethod");
        }
        if (patch.outgoingDeliveryMethod() != null && patch.outgoingDeliveryMethod() != mailbox.outgoingDeliveryMethod) {
            mailbox.outgoingDeliveryMethod = patch.outgoingDeliveryMethod();
            changed.add("outgoingDeliveryMethod");
        }
        if (patch.actDeliveryMethod() != null && patch.actDeliveryMethod() != mailbox.actDeliveryMethod) {
            mailbox.actDeliveryMethod = patch.actDeliveryMethod();
            changed.add("actDeliveryMethod");
        }
        requireActPossible(mailbox);
        if (patch.syncItemsOnlyFromThisOrg() != null && patch.syncItemsOnlyFromThisOrg() != mailbox.syncItemsOnlyFromThisOrg) {
            mailbox.syncItemsOnlyFromThisOrg = patch.syncItemsOnlyFromThisOrg();
            changed.add("syncItemsOnlyFromThisOrg");
        }
        if (patch.processEmailReceivedAfter() != null
                && !Objects.equals(patch.processEmailReceivedAfter(), mailbox.processEmailReceivedAfter)) {
            mailbox.processEmailReceivedAfter = patch.processEmailReceivedAfter();
            changed.add("processEmailReceivedAfter");
        }
        if (!changed.isEmpty()) {
            mailbox.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
            outbox.append(MailboxViews.configured(mailbox, changed));
        }
        return MailboxViews.response(mailbox);
    }

    @Transactional
    public void putCredentials(UUID environmentId, UUID mailboxId, CredentialsRequest request) {
        EnvironmentView environment = access.visible(environmentId);
        Mailbox mailbox = find(environmentId, mailboxId);
        access.requireWrite(environment, mailbox);
        EncryptedSecret secret = cipher.encrypt(request.password(), aad(mailbox.id));
        mailbox.credentialsUsername = request.username();
        mailbox.credentialsPasswordCiphertext = secret.ciphertext();
        mailbox.credentialsKeyId = secret.keyId();
        mailbox.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.append(MailboxViews.configured(mailbox, List.of("credentials")));
    }

    /** For connectors: the mailbox's own credentials, decrypted. Service tokens only. */
    @Transactional
    public CredentialsResponse credentials(UUID mailboxId) {
        if (!caller.isService()) {
            throw ApiException.forbidden("Only ExSync services may read a mailbox's credentials.");
        }
        Mailbox mailbox = mailboxes.findByIdOptional(mailboxId)
                .orElseThrow(() -> ApiException.notFound("Mailbox " + mailboxId));
        if (mailbox.credentialsPasswordCiphertext == null) {
            throw new ApiException(404, "MailboxHasNoCredentials", "The mailbox has no credentials of its own.");
        }
        return new CredentialsResponse(mailbox.id, mailbox.credentialsUsername, cipher.decrypt(
                new EncryptedSecret(mailbox.credentialsKeyId, mailbox.credentialsPasswordCiphertext), aad(mailbox.id)));
    }

    @Transactional
    public Page<AlertResponse> alertsOfMailbox(UUID environmentId, UUID mailboxId, PageParams paging) {
        access.readable(environmentId);
        find(environmentId, mailboxId);
        var page = alerts.find("regardingId", Sort.descending("updatedOn").and("id"), mailboxId)
                .page(paging.page, paging.size);
        return new Page<>(page.list(), paging.page, paging.size, page.count()).map(MailboxViews::response);
    }

    /** The alert wall of a user: alerts on their mailboxes and on profiles they own (they are recipients of both). */
    @Transactional
    public Page<AlertResponse> alertWall(UUID environmentId, UUID recipientId, AlertLevel level,
                                         OffsetDateTime since, PageParams paging) {
        access.readable(environmentId);
        StringBuilder where = new StringBuilder("where environment_id = :env");
        if (recipientId != null) {
            where.append(" and recipient_ids @> array[cast(:recipient as uuid)]");
        }
        if (level != null) {
            where.append(" and level = :level");
        }
        if (since != null) {
            where.append(" and updated_on >= :since");
        }
        var entityManager = alerts.getEntityManager();
        var select = entityManager.createNativeQuery("select * from alert " + where
                + " order by updated_on desc, id limit :limit offset :offset", Alert.class);
        var count = entityManager.createNativeQuery("select count(*) from alert " + where);
        for (var query : List.of(select, count)) {
            query.setParameter("env", environmentId);
            if (recipientId != null) {
                query.setParameter("recipient", recipientId.toString());
            }
            if (level != null) {
                query.setParameter("level", level.name());
            }
            if (since != null) {
                query.setParameter("since", since);
            }
        }
        select.setParameter("limit", paging.size).setParameter("offset", (long) paging.page * paging.size);
        @SuppressWarnings("unchecked")
        List<Alert> items = select.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(items, paging.page, paging.size, total).map(MailboxViews::response);
    }

    Mailbox find(UUID environmentId, UUID mailboxId) {
        return mailboxes.findInEnvironment(environmentId, mailboxId)
                .orElseThrow(() -> ApiException.notFound("Mailbox " + mailboxId));
    }

    /** A profile of this environment that is active; 400 if unknown here, 409 if inactive. */
    ProfileView usableProfile(UUID environmentId, UUID profileId) {
        ProfileView profile = readModels.profile(profileId);
        if (profile == null || !profile.environmentId.equals(environmentId)) {
            throw ApiException.validation("profileId", "is not a profile of this environment");
        }
        if (!profile.isActive()) {
            throw new ApiException(409, "ProfileInactive", "An inactive profile cannot be given to mailboxes.");
        }
        return profile;
    }

    void requireActPossible(Mailbox mailbox) {
        ProfileView profile = mailbox.profileId == null ? null : readModels.profile(mailbox.profileId);
        if (profile != null && profile.hasNoAct() && mailbox.actDeliveryMethod == ActDeliveryMethod.SERVER_SIDE_SYNC) {
            throw ApiException.validation("actDeliveryMethod",
                    "IMAP and POP3 profiles have no appointments, contacts and tasks: use NONE");
        }
    }

    private static void condition(StringBuilder query, Parameters parameters, String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }

    static String aad(UUID mailboxId) {
        return "mailbox:" + mailboxId + ":password";
    }
}

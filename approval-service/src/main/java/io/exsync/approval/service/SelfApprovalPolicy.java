package io.exsync.approval.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Self-approval (SPEC §5): a user may approve their own mailbox when every condition holds. Through Test &amp;
 * Enable the privilege condition is replaced by "the self-approval switch is off": the run approves the mailbox
 * without the privilege (path SELF_VIA_TEST_AND_ENABLE).
 */
public final class SelfApprovalPolicy {

    public record Facts(String userPrincipalName, String mailboxEmailAddress, boolean queueMailbox,
                        boolean requirePrivilegeToSelfApprove, boolean holdsApprovePrivilege,
                        boolean holdsMailboxWrite) {
    }

    record Condition(String reason, Predicate<Facts> holds) {
    }

    static final Condition OWN_ADDRESS = new Condition(
            "your user principal name must equal the mailbox's email address",
            facts -> facts.userPrincipalName() != null && facts.userPrincipalName().toLowerCase(Locale.ROOT)
                    .equals(facts.mailboxEmailAddress().toLowerCase(Locale.ROOT)));
    static final Condition PRIVILEGE_WHEN_REQUIRED = new Condition(
            "the email settings require the privilege " + ApprovalPolicy.PRIVILEGE + " to self-approve",
            facts -> !facts.requirePrivilegeToSelfApprove() || facts.holdsApprovePrivilege());
    static final Condition SWITCH_OFF = new Condition(
            "the email settings require the privilege " + ApprovalPolicy.PRIVILEGE + " to self-approve, so Test & "
                    + "Enable does not approve the mailbox",
            facts -> !facts.requirePrivilegeToSelfApprove());
    static final Condition MAILBOX_WRITE = new Condition(
            "the privilege MailboxWrite (USER depth or more) is required",
            Facts::holdsMailboxWrite);
    static final Condition NOT_A_QUEUE = new Condition(
            "a queue's mailbox cannot be self-approved",
            facts -> !facts.queueMailbox());

    static final List<Condition> DIRECT = List.of(OWN_ADDRESS, PRIVILEGE_WHEN_REQUIRED, MAILBOX_WRITE, NOT_A_QUEUE);
    static final List<Condition> VIA_TEST_AND_ENABLE = List.of(OWN_ADDRESS, SWITCH_OFF, MAILBOX_WRITE, NOT_A_QUEUE);

    private SelfApprovalPolicy() {
    }

    /** The reasons self-approval is refused; empty when it is allowed. */
    public static List<String> unmetForDirectApproval(Facts facts) {
        return unmet(DIRECT, facts);
    }

    public static List<String> unmetForTestAndEnable(Facts facts) {
        return unmet(VIA_TEST_AND_ENABLE, facts);
    }

    private static List<String> unmet(List<Condition> conditions, Facts facts) {
        List<String> reasons = new ArrayList<>();
        for (Condition condition : conditions) {
            if (!condition.holds().test(facts)) {
                reasons.add(condition.reason());
            }
        }
        return reasons;
    }
}

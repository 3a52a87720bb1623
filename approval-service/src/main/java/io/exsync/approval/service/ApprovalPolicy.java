package io.exsync.approval.service;

import io.exsync.approval.domain.ApprovalPath;
import io.exsync.approval.domain.Deployment;
import io.exsync.approval.domain.ServerClass;
import io.exsync.support.security.Caller;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The approval permission model of SPEC §5 as data: who may approve or reject a mailbox's email address through
 * their roles. {@link #decide} checks the privilege first, then walks {@link #RULES} top to bottom; the first row
 * whose situation matches and whose requirements the caller meets allows, naming its rule and path. When no row
 * allows, the answer names the rule that applies to the situation and what the caller lacks.
 *
 * <p>Service administrator and the tenant roles on their own grant nothing: no row is satisfied without System
 * Administrator. Self-approval and the programmatic path are further paths built on top of this
 * ({@link SelfApprovalPolicy}, {@link ApprovalService}).
 */
public final class ApprovalPolicy {

    public static final String PRIVILEGE = "ApproveEmailAddressesForUsersOrQueues";
    public static final String SYSTEM_ADMINISTRATOR = "System Administrator";
    public static final String DELEGATED_MAILBOX_APPROVER = "Delegated Mailbox Approver";

    /** What the decision looks at; gathered by {@link ApprovalService} from the token, the roles and the read models. */
    public record Facts(Deployment deployment, ServerClass serverClass, Set<String> tenantRoles,
                        Set<String> environmentRoles, boolean holdsApprovePrivilege,
                        boolean delegatedApproverAvailable) {
    }

    /** The answer: allowed or not, by which rule (R1/R2) and path, and why. */
    public record Verdict(boolean allowed, String rule, ApprovalPath path, String reason) {
    }

    /** The situations of the SPEC §5 table rows. */
    enum Situation {
        ONLINE_EXCHANGE_ONLINE(Deployment.ONLINE, ServerClass.EXCHANGE_ONLINE),
        ONLINE_ON_PREMISES(Deployment.ONLINE, ServerClass.ON_PREMISES),
        ON_PREMISES_EXCHANGE_ONLINE(Deployment.ON_PREMISES, ServerClass.EXCHANGE_ONLINE),
        ON_PREMISES_ON_PREMISES(Deployment.ON_PREMISES, ServerClass.ON_PREMISES);

        final Deployment deployment;
        final ServerClass serverClass;

        Situation(Deployment deployment, ServerClass serverClass) {
            this.deployment = deployment;
            this.serverClass = serverClass;
        }

        static Situation of(Facts facts) {
            for (Situation situation : values()) {
                if (situation.deployment == facts.deployment() && situation.serverClass == facts.serverClass()) {
                    return situation;
                }
            }
            throw new IllegalArgumentException("no situation for " + facts.deployment() + "/" + facts.serverClass());
        }
    }

    /** What a row asks of the caller, besides System Administrator. */
    enum Requirement {
        GLOBAL_ADMINISTRATOR("the GlobalAdministrator directory role",
                facts -> facts.tenantRoles().contains(Caller.GLOBAL_ADMINISTRATOR)),
        EXCHANGE_ADMINISTRATOR("the ExchangeAdministrator directory role",
                facts -> facts.tenantRoles().contains(Caller.EXCHANGE_ADMINISTRATOR)),
        DELEGATED_MAILBOX_APPROVER_AT_VERSION("the Delegated Mailbox Approver role (environment version 9.2.22104.00170 or later)",
                facts -> facts.environmentRoles().contains(DELEGATED_MAILBOX_APPROVER)
                        && facts.delegatedApproverAvailable()),
        NOTHING_MORE("nothing more", facts -> true);

        final String description;
        final Predicate<Facts> met;

        Requirement(String description, Predicate<Facts> met) {
            this.description = description;
            this.met = met;
        }
    }

    /** One row: in this situation, System Administrator plus this requirement allows, by this rule and path. */
    record Rule(String name, Situation situation, Requirement requirement, ApprovalPath path) {
    }

    /** SPEC §5, one row per "yes" cell. Everything not listed is "no". */
    static final List<Rule> RULES = List.of(
            new Rule("R1", Situation.ONLINE_EXCHANGE_ONLINE, Requirement.GLOBAL_ADMINISTRATOR, ApprovalPath.ROLE),
            new Rule("R1", Situation.ONLINE_EXCHANGE_ONLINE, Requirement.EXCHANGE_ADMINISTRATOR, ApprovalPath.ROLE),
            new Rule("R1", Situation.ONLINE_EXCHANGE_ONLINE, Requirement.DELEGATED_MAILBOX_APPROVER_AT_VERSION,
                    ApprovalPath.DELEGATED_APPROVER),
            new Rule("R2", Situation.ONLINE_ON_PREMISES, Requirement.NOTHING_MORE, ApprovalPath.ROLE),
            new Rule("R2", Situation.ON_PREMISES_EXCHANGE_ONLINE, Requirement.NOTHING_MORE, ApprovalPath.ROLE),
            new Rule("R2", Situation.ON_PREMISES_ON_PREMISES, Requirement.NOTHING_MORE, ApprovalPath.ROLE));

    private ApprovalPolicy() {
    }

    public static Verdict decide(Facts facts) {
        Situation situation = Situation.of(facts);
        List<Rule> applicable = RULES.stream().filter(rule -> rule.situation() == situation).toList();
        String ruleName = applicable.get(0).name();
        if (!facts.holdsApprovePrivilege()) {
            return new Verdict(false, ruleName, null, ruleName + ": the privilege " + PRIVILEGE
                    + " is required in one of your security roles.");
        }
        boolean systemAdministrator = facts.environmentRoles().contains(SYSTEM_ADMINISTRATOR);
        for (Rule rule : applicable) {
            if (systemAdministrator && rule.requirement().met.test(facts)) {
                return new Verdict(true, rule.name(), rule.path(), rule.name() + ": allowed by the System "
                        + "Administrator role with " + rule.requirement().description + ".");
            }
        }
        return new Verdict(false, ruleName, null, ruleName + ": " + needs(situation, applicable));
    }

    private static String needs(Situation situation, List<Rule> applicable) {
        String where = "a " + situation.deployment + " environment and a mailbox on an "
                + (situation.serverClass == ServerClass.EXCHANGE_ONLINE ? "Exchange Online" : "on-premises")
                + " profile";
        if (applicable.size() == 1 && applicable.get(0).requirement() == Requirement.NOTHING_MORE) {
            return "with " + where + ", the System Administrator role of the environment is required.";
        }
        return "with " + where + ", the System Administrator role of the environment is required together with "
                + applicable.stream().map(rule -> rule.requirement().description)
                .collect(Collectors.joining(", or ")) + ".";
    }
}

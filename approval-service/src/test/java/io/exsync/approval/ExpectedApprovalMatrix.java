package io.exsync.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * SPEC §5 written out by hand, one line per (deployment, profile class, tenant roles, environment roles), for a
 * caller who holds the privilege ApproveEmailAddressesForUsersOrQueues. The last two columns are the answer when
 * the environment's version is at the Delegated Mailbox Approver gate (9.2.22104.00170) and below it:
 * {@code no}, or the path that allows ({@code ROLE}, {@code DELEGATED_APPROVER}). Without the privilege every
 * answer is {@code no} (SPEC §5: the privilege is needed "and" a cell that says yes).
 *
 * <p>Tenant roles: {@code -} none, {@code GA} GlobalAdministrator, {@code EA} ExchangeAdministrator, {@code SVC}
 * ServiceAdministrator, {@code GA+EA} both. Environment roles: {@code -} none, {@code SA} System Administrator,
 * {@code DMA} Delegated Mailbox Approver, {@code SA+DMA} both.
 */
public final class ExpectedApprovalMatrix {

    public static final String TABLE = """
            # deployment  class            tenant  env     rule  at-gate             below-gate
            ONLINE        EXCHANGE_ONLINE  -       -       R1    no                  no
            ONLINE        EXCHANGE_ONLINE  -       SA      R1    no                  no
            ONLINE        EXCHANGE_ONLINE  -       DMA     R1    no                  no
            ONLINE        EXCHANGE_ONLINE  -       SA+DMA  R1    DELEGATED_APPROVER  no
            ONLINE        EXCHANGE_ONLINE  GA      -       R1    no                  no
            ONLINE        EXCHANGE_ONLINE  GA      SA      R1    ROLE                ROLE
            ONLINE        EXCHANGE_ONLINE  GA      DMA     R1    no                  no
            ONLINE        EXCHANGE_ONLINE  GA      SA+DMA  R1    ROLE                ROLE
            ONLINE        EXCHANGE_ONLINE  EA      -       R1    no                  no
            ONLINE        EXCHANGE_ONLINE  EA      SA      R1    ROLE                ROLE
            ONLINE        EXCHANGE_ONLINE  EA      DMA     R1    no                  no
            ONLINE        EXCHANGE_ONLINE  EA      SA+DMA  R1    ROLE                ROLE
            ONLINE        EXCHANGE_ONLINE  SVC     -       R1    no                  no
            ONLINE        EXCHANGE_ONLINE  SVC     SA      R1    no                  no
            ONLINE        EXCHANGE_ONLINE  SVC     DMA     R1    no                  no
            ONLINE        EXCHANGE_ONLINE  SVC     SA+DMA  R1    DELEGATED_APPROVER  no
            ONLINE        EXCHANGE_ONLINE  GA+EA   -       R1    no                  no
            ONLINE        EXCHANGE_ONLINE  GA+EA   SA      R1    ROLE                ROLE
            ONLINE        EXCHANGE_ONLINE  GA+EA   DMA     R1    no                  no
            ONLINE        EXCHANGE_ONLINE  GA+EA   SA+DMA  R1    ROLE                ROLE
            ONLINE        ON_PREMISES      -       -       R2    no                  no
            ONLINE        ON_PREMISES      -       SA      R2    ROLE                ROLE
            ONLINE        ON_PREMISES      -       DMA     R2    no                  no
            ONLINE        ON_PREMISES      -       SA+DMA  R2    ROLE                ROLE
            ONLINE        ON_PREMISES      GA      -       R2    no                  no
            ONLINE        ON_PREMISES      GA      SA      R2    ROLE                ROLE
            ONLINE        ON_PREMISES      GA      DMA     R2    no                  no
            ONLINE        ON_PREMISES      GA      SA+DMA  R2    ROLE                ROLE
            ONLINE        ON_PREMISES      EA      -       R2    no                  no
            ONLINE        ON_PREMISES      EA      SA      R2    ROLE                ROLE
            ONLINE        ON_PREMISES      EA      DMA     R2    no                  no
            ONLINE        ON_PREMISES      EA      SA+DMA  R2    ROLE                ROLE
            ONLINE        ON_PREMISES      SVC     -       R2    no                  no
            ONLINE        ON_PREMISES      SVC     SA      R2    ROLE                ROLE
            ONLINE        ON_PREMISES      SVC     DMA     R2    no                  no
            ONLINE        ON_PREMISES      SVC     SA+DMA  R2    ROLE                ROLE
            ONLINE        ON_PREMISES      GA+EA   -       R2    no                  no
            ONLINE        ON_PREMISES      GA+EA   SA      R2    ROLE                ROLE
            ONLINE        ON_PREMISES      GA+EA   DMA     R2    no                  no
            ONLINE        ON_PREMISES      GA+EA   SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  -       -       R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  -       SA      R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  -       DMA     R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  -       SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  GA      -       R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  GA      SA      R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  GA      DMA     R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  GA      SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  EA      -       R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  EA      SA      R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  EA      DMA     R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  EA      SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  SVC     -       R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  SVC     SA      R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  SVC     DMA     R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  SVC     SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  GA+EA   -       R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  GA+EA   SA      R2    ROLE                ROLE
            ON_PREMISES   EXCHANGE_ONLINE  GA+EA   DMA     R2    no                  no
            ON_PREMISES   EXCHANGE_ONLINE  GA+EA   SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      -       -       R2    no                  no
            ON_PREMISES   ON_PREMISES      -       SA      R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      -       DMA     R2    no                  no
            ON_PREMISES   ON_PREMISES      -       SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      GA      -       R2    no                  no
            ON_PREMISES   ON_PREMISES      GA      SA      R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      GA      DMA     R2    no                  no
            ON_PREMISES   ON_PREMISES      GA      SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      EA      -       R2    no                  no
            ON_PREMISES   ON_PREMISES      EA      SA      R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      EA      DMA     R2    no                  no
            ON_PREMISES   ON_PREMISES      EA      SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      SVC     -       R2    no                  no
            ON_PREMISES   ON_PREMISES      SVC     SA      R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      SVC     DMA     R2    no                  no
            ON_PREMISES   ON_PREMISES      SVC     SA+DMA  R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      GA+EA   -       R2    no                  no
            ON_PREMISES   ON_PREMISES      GA+EA   SA      R2    ROLE                ROLE
            ON_PREMISES   ON_PREMISES      GA+EA   DMA     R2    no                  no
            ON_PREMISES   ON_PREMISES      GA+EA   SA+DMA  R2    ROLE                ROLE
            """;

    /** One cell of the walk: a row of the table with the privilege and the version fixed. */
    public record Cell(String deployment, String serverClass, String tenant, String env, boolean privilege,
                       boolean atGate, String rule, String expected) {

        public Set<String> tenantGroups() {
            return switch (tenant) {
                case "-" -> Set.of();
                case "GA" -> Set.of("GlobalAdministrator");
                case "EA" -> Set.of("ExchangeAdministrator");
                case "SVC" -> Set.of("ServiceAdministrator");
                case "GA+EA" -> Set.of("GlobalAdministrator", "ExchangeAdministrator");
                default -> throw new IllegalArgumentException(tenant);
            };
        }

        public Set<String> environmentRoles() {
            return switch (env) {
                case "-" -> Set.of();
                case "SA" -> Set.of("System Administrator");
                case "DMA" -> Set.of("Delegated Mailbox Approver");
                case "SA+DMA" -> Set.of("System Administrator", "Delegated Mailbox Approver");
                default -> throw new IllegalArgumentException(env);
            };
        }

        public boolean allowed() {
            return !"no".equals(expected);
        }

        @Override
        public String toString() {
            return deployment + "/" + serverClass + " tenant=" + tenant + " env=" + env
                    + (privilege ? " with" : " without") + " privilege, version " + (atGate ? "at" : "below")
                    + " gate";
        }
    }

    private ExpectedApprovalMatrix() {
    }

    /** Every combination: 80 rows x privilege present/absent x version at/below the gate = 320 cells. */
    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String line : TABLE.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] c = line.split("\\s+");
            if (c.length != 7) {
                throw new IllegalStateException("bad table line: " + Arrays.toString(c));
            }
            for (boolean privilege : new boolean[]{true, false}) {
                cells.add(new Cell(c[0], c[1], c[2], c[3], privilege, true, c[4], privilege ? c[5] : "no"));
                cells.add(new Cell(c[0], c[1], c[2], c[3], privilege, false, c[4], privilege ? c[6] : "no"));
            }
        }
        return cells;
    }
}

package io.exsync.approval.service;

import io.exsync.approval.ExpectedApprovalMatrix;
import io.exsync.approval.ExpectedApprovalMatrix.Cell;
import io.exsync.approval.domain.Deployment;
import io.exsync.approval.domain.ServerClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision table alone, against every cell of SPEC §5 as written out in {@link ExpectedApprovalMatrix}. */
class ApprovalPolicyTest {

    @Test
    void everyCellOfTheSpecMatrixGetsTheSpecAnswer() {
        List<Cell> cells = ExpectedApprovalMatrix.cells();
        assertThat(cells).hasSize(320);
        List<String> failures = new ArrayList<>();
        for (Cell cell : cells) {
            ApprovalPolicy.Verdict verdict = ApprovalPolicy.decide(new ApprovalPolicy.Facts(
                    Deployment.valueOf(cell.deployment()), ServerClass.valueOf(cell.serverClass()),
                    cell.tenantGroups(), cell.environmentRoles(), cell.privilege(), cell.atGate()));
            String answer = verdict.allowed() ? verdict.path().name() : "no";
            if (!answer.equals(cell.expected()) || !verdict.rule().equals(cell.rule())
                    || !verdict.reason().startsWith(cell.rule() + ":")) {
                failures.add(cell + ": expected " + cell.expected() + " by " + cell.rule() + ", got " + answer
                        + " by " + verdict.rule() + " (" + verdict.reason() + ")");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aDenialNamesTheMissingPrivilegeOrRoles() {
        ApprovalPolicy.Verdict noPrivilege = ApprovalPolicy.decide(new ApprovalPolicy.Facts(Deployment.ONLINE,
                ServerClass.EXCHANGE_ONLINE, Set.of("GlobalAdministrator"), Set.of("System Administrator"), false,
                true));
        assertThat(noPrivilege.reason()).contains("ApproveEmailAddressesForUsersOrQueues");

        ApprovalPolicy.Verdict systemAdministratorAlone = ApprovalPolicy.decide(new ApprovalPolicy.Facts(
                Deployment.ONLINE, ServerClass.EXCHANGE_ONLINE, Set.of(), Set.of("System Administrator"), true, true));
        assertThat(systemAdministratorAlone.reason()).startsWith("R1:").contains("GlobalAdministrator")
                .contains("ExchangeAdministrator").contains("Delegated Mailbox Approver");
    }
}

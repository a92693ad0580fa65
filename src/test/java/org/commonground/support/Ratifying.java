package org.commonground.support;

import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Component;

/** Sending a pact to ratification in tests whose subject is what comes after it. */
@Component
public class Ratifying {

    private final TestMembers testMembers;
    private final PactRatificationService ratification;

    Ratifying(TestMembers testMembers, PactRatificationService ratification) {
        this.testMembers = testMembers;
        this.ratification = ratification;
    }

    /**
     * Makes each representative their party's delegate in the group; the convenor sends the pact to ratification,
     * and each representative chooses to sign for their party. The convenor is signed in afterwards.
     */
    public void byRepresentatives(long group, long pact, SignedInMember convenor, SignedInMember... representatives) {
        for (SignedInMember representative : representatives) {
            testMembers.appointDelegate(group, representative);
        }
        TestMembers.signIn(convenor);
        ratification.startRatification(pact);
        for (SignedInMember representative : representatives) {
            TestMembers.signIn(representative);
            ratification.choosePlan(pact, representative.partyCode(), RatificationPlan.byRepresentative(representative.id()));
        }
        TestMembers.signIn(convenor);
    }
}

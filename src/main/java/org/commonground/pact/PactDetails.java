package org.commonground.pact;

import java.util.List;

import org.commonground.pact.terms.PactTerms;

/**
 * A pact as one member sees it, with what that member may do.
 *
 * @param parties       every party the current terms name (each must ratify)
 * @param offered       the parties a change to the terms may name: those named, and those with members in the group
 * @param constituencies ONS code to name, the group's constituencies a change to the terms may cover
 * @param myParty       the reader's party code
 * @param involved      the reader's party is named in the terms: they may comment and amend while negotiating
 * @param signFor       the parties whose pending ratification the reader signs as named representative
 * @param chooseFor     the reader's party, while its plan for ratifying is still to be chosen (or the delegate it
 *                      named to sign is one no longer) and the reader is one of its delegates in the group
 * @param correcting    the pact is published, and the round of ratification is on a correction of it
 * @param groups        the groups with a part in the pact: home, joined, invited, covering its seats
 */
public record PactDetails(PactSummary summary, Long electionId, PactTerms terms, List<String> parties, List<String> offered,
                          java.util.Map<String, String> constituencies, String stateReason,
                          List<PactRevision> revisions, List<PactAmendment> amendments, int round, List<Ratification> ratifications,
                          String myParty, boolean convenor, boolean involved, List<String> signFor, List<String> chooseFor,
                          boolean correcting, List<PactGroup> groups) {

    public PactState state() {
        return summary.state();
    }

    public boolean canEditTerms() {
        return convenor && (state() == PactState.DRAFT || state() == PactState.NEGOTIATING);
    }

    public boolean canAmend() {
        return involved && state() == PactState.NEGOTIATING;
    }

    /** A convenor publishes a ratified pact, and publishes corrections of a published one. */
    public boolean canPublish() {
        return convenor && (state() == PactState.RATIFIED || state() == PactState.PUBLISHED);
    }

    public boolean canCollapse() {
        return convenor && state() != PactState.PUBLISHED && state() != PactState.COLLAPSED && !correcting;
    }

    public boolean canComment() {
        return (involved || convenor) && (state() == PactState.NEGOTIATING || state() == PactState.RATIFYING || state() == PactState.DRAFT);
    }
}

package org.commonground.proposal;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * Something another feature shows on a proposal's page, between its text and its amendments (the ballots' voting
 * list): that feature depends on proposals, so the page knows it only by this.
 */
public interface ProposalPagePart {

    /**
     * What to show for the proposal as the reader sees it, if anything. A part that changes the proposal in place
     * calls {@code changedInPlace} after, so the page does not announce the reader's own change as news.
     */
    Optional<Component> part(ProposalDetails details, Runnable changedInPlace);
}

package org.commonground.proposal;

/** What an author types: the proposal's title, summary and Markdown body, and a note about this save. */
public record ProposalDraft(String title, String summary, String body, String note) {
}

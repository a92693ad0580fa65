package org.commonground.search;

/**
 * One thing found: what it is, where it lives (a proposal or a pact), its title and group, and a passage with the
 * matching words highlighted.
 *
 * @param id         the proposal's, amendment's, comment's or pact's own id
 * @param proposalId the proposal it belongs to (or is), null for pacts and what belongs to them
 * @param pactId     the pact it belongs to (or is), null for proposals and what belongs to them
 * @param number     an amendment's number ("A3"), null for the rest
 * @param caucus     a comment kept to its author's party
 */
public record SearchResult(SearchKind kind, long id, Long proposalId, Long pactId, Integer number, String title,
                           String groupName, boolean caucus, double rank, Snippet snippet) {

    /** Where the result is read: its proposal's page or its pact's page. */
    public String link() {
        return proposalId != null ? "proposals/" + proposalId : "pacts/" + pactId;
    }

    /** "Proposal", "Amendment A3", "Caucus comment", "Pact amendment A2", … */
    public String label() {
        return switch (kind) {
            case AMENDMENT, PACT_AMENDMENT -> kind.label() + " A" + number;
            case COMMENT -> caucus ? "Caucus comment" : "Comment";
            default -> kind.label();
        };
    }
}

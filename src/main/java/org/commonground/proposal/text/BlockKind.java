package org.commonground.proposal.text;

/** The Markdown structure a numbered line belongs to, so every rendering keeps it. */
public enum BlockKind {
    HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CODE,
    /** A row of a pipe table; the first line of a TABLE block is its header row. */
    TABLE
}

package org.commonground.proposal.text;

/** The Markdown structure a numbered line belongs to, so every rendering keeps it. */
public enum BlockKind {
    HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CODE
}

package org.commonground.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DESIGN.md's "Who may see what", as the access-matrix tests try them, and the words their tables use.
 * Parties are chosen so that the caucus rule shows: the author, the member and the member of another group are
 * Greens, the member of another party a Lib Dem, the convenor Labour, the admin non-party.
 */
enum Who {
    /** Not signed in. */
    PUBLIC("public"),
    /** An active member of the group from another party than the author's (Lib Dem). */
    OTHER_PARTY("other-party"),
    /** An active member of the group from the author's party (Green). */
    MEMBER("member"),
    /** The author (Green); for a pact, the proposer of its amendment and the Greens' named representative. */
    AUTHOR("author"),
    /** A convenor of the group (Labour). */
    CONVENOR("convenor"),
    /** An administrator who is in no group. */
    ADMIN("admin"),
    /** A Green who convenes another local group covering the same seat. */
    OTHER_GROUP("other-group"),
    /**
     * A Lib Dem who convenes a third local group (Bristol Central). Where a table's pact spans several groups, that
     * group has joined it: a member of a joined group. Elsewhere, like {@link #OTHER_GROUP}, a member of an unrelated group.
     */
    JOINED("joined-group"),
    /** A Green who was in the group (and co-authored its proposals) but has left it. */
    LEFT("left"),
    /**
     * An active member of the group whose party (Green) is only claimed: the Greens have not confirmed them. The
     * attacker's second account of issue 16.
     */
    CLAIMED("claimed");

    final String word;

    Who(String word) {
        this.word = word;
    }

    /** Every active member of the group. */
    static final Set<Who> GROUP = EnumSet.of(OTHER_PARTY, MEMBER, AUTHOR, CONVENOR, CLAIMED);
    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(PUBLIC));

    /** A table cell: role words, or {@code group}, {@code signed-in}, {@code anyone}, {@code nobody}. */
    static Set<Who> parse(String cell) {
        Set<Who> who = EnumSet.noneOf(Who.class);
        for (String word : cell.strip().split("\\s+")) {
            switch (word) {
                case "", "nobody" -> { }
                case "group" -> who.addAll(GROUP);
                case "signed-in" -> who.addAll(SIGNED_IN);
                case "anyone" -> who.addAll(EnumSet.allOf(Who.class));
                default -> who.add(byWord(word));
            }
        }
        return who;
    }

    private static Who byWord(String word) {
        for (Who w : values()) {
            if (w.word.equals(word)) {
                return w;
            }
        }
        throw new IllegalArgumentException("No role called \"" + word + "\" in an access table");
    }

    static String words(Set<Who> who) {
        return who.isEmpty() ? "nobody" : String.join(" ", who.stream().map(w -> w.word).toList());
    }
}

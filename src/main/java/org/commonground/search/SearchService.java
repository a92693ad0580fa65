package org.commonground.search;

import java.util.List;
import java.util.regex.Pattern;

import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search over proposals, amendments, comments and pacts, for the signed-in member: only what they may read
 * is found (the repository's SQL filters it), ranked, with the matching words highlighted.
 */
@Service
public class SearchService {

    public static final int MAX_QUERY = 200;
    public static final int MAX_RESULTS = 100;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final SearchRepository repository;
    private final CurrentMember currentMember;

    SearchService(SearchRepository repository, CurrentMember currentMember) {
        this.repository = repository;
        this.currentMember = currentMember;
    }

    /**
     * The best matches for the typed words (at most {@code limit}, and at most {@value #MAX_RESULTS}). Words are
     * matched with English stemming ("voting" finds "votes") and as written (Welsh words, names); "quoted words"
     * match as a phrase, {@code or} between words finds either, and {@code -word} leaves out what has it.
     *
     * @throws InvalidInputException on the field "query" when there is nothing to search for, or too much
     */
    @Transactional(readOnly = true)
    public List<SearchResult> search(String query, int limit) {
        SignedInMember me = currentMember.require();
        String words = checked(query);
        return repository.search(words, me.id(), currentMember.caucusPartyOf(me), Math.clamp(limit, 1, MAX_RESULTS));
    }

    static String checked(String query) {
        String words = query == null ? "" : CONTROL.matcher(query).replaceAll(" ").strip();
        if (words.isEmpty()) {
            throw new InvalidInputException("query", "Type a word or two to search for.");
        }
        if (words.length() > MAX_QUERY) {
            throw new InvalidInputException("query", "A search can be at most " + MAX_QUERY + " characters (this one has "
                    + words.length() + "). Try a few distinctive words.");
        }
        if (words.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("query", "Search for words, names or numbers: punctuation alone finds nothing.");
        }
        return words;
    }
}

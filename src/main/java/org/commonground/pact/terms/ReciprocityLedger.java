package org.commonground.pact.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who gave way where, across ratified pacts: per party, the seats where it stood down and the seats where others
 * stood down for its candidate, and the balance (received minus given). Paper candidates (a party stands but does
 * not campaign) are listed apart, both ways: a party still on the ballot has not given the seat away, so they do not
 * count in the balance. Pure.
 */
public final class ReciprocityLedger {

    /** One ratified pact's terms, as the ledger reads them. */
    public record RatifiedPact(long id, String title, List<SeatTerms> seats) {
    }

    /** A seat in a party's column: which pact, which constituency, and the other party involved. */
    public record Entry(long pactId, String pactTitle, String onsCode, String constituency, String otherParty) {
    }

    /**
     * One party's account: where it stood down and where others stood down for it; where it ran a paper candidate
     * for another party's candidate, and where others ran one for its candidate.
     */
    public record PartyAccount(String party, List<Entry> stoodDown, List<Entry> stoodDownFor,
                               List<Entry> paperCandidates, List<Entry> paperCandidatesFor) {
        public int balance() {
            return stoodDownFor.size() - stoodDown.size();
        }
    }

    private ReciprocityLedger() {
    }

    public static List<PartyAccount> of(List<RatifiedPact> pacts) {
        Map<String, PartyAccount> accounts = new TreeMap<>();
        for (RatifiedPact pact : pacts) {
            for (SeatTerms seat : pact.seats()) {
                for (Map.Entry<String, Stance> stance : seat.stances().entrySet()) {
                    String party = stance.getKey();
                    switch (stance.getValue()) {
                        case STANDS_DOWN -> {
                            account(accounts, party).stoodDown().add(entry(pact, seat, seat.candidate()));
                            account(accounts, seat.candidate()).stoodDownFor().add(entry(pact, seat, party));
                        }
                        case PAPER_CANDIDATE -> {
                            account(accounts, party).paperCandidates().add(entry(pact, seat, seat.candidate()));
                            account(accounts, seat.candidate()).paperCandidatesFor().add(entry(pact, seat, party));
                        }
                        case STANDS -> {
                            // A party contesting the seat in earnest neither gives nor receives anything here.
                        }
                    }
                }
            }
        }
        return List.copyOf(accounts.values());
    }

    private static Entry entry(RatifiedPact pact, SeatTerms seat, String otherParty) {
        return new Entry(pact.id(), pact.title(), seat.onsCode(), seat.constituency(), otherParty);
    }

    private static PartyAccount account(Map<String, PartyAccount> accounts, String party) {
        return accounts.computeIfAbsent(party, p -> new PartyAccount(p, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
}

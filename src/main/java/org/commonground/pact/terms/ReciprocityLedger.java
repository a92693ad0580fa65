package org.commonground.pact.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who gave way where, across ratified pacts: per party, the seats where it stood down and the seats where others
 * stood down for its candidate, and the balance (received minus given). Only real stand-downs count in the
 * balance. Paper candidates (a party stands but does not campaign) and late withdrawals (a candidate withdraws after
 * nominations closed, so the name stays on the ballot paper) are listed apart, both ways: a party still on the
 * ballot has not given the seat away. A party "not standing" never contests the seat, so it gives nothing and
 * appears nowhere. A stand-down for an independent is the giver's; no party receives it. Pure.
 */
public final class ReciprocityLedger {

    /** One ratified pact's terms, as the ledger reads them. */
    public record RatifiedPact(long id, String title, List<SeatTerms> seats) {
    }

    /**
     * A seat in a party's column: which pact, which constituency, and the other side: a party's code, or the named
     * candidate in words ("Jane Smith (independent)") for a stand-down in a named person's favour.
     */
    public record Entry(long pactId, String pactTitle, String onsCode, String constituency, String otherParty) {
    }

    /**
     * One party's account: where it stood down and where others stood down for it; where it ran a paper candidate
     * for another party's candidate, and where others ran one for its candidate; where its candidate withdrew late,
     * and where others' did for its candidate.
     */
    public record PartyAccount(String party, List<Entry> stoodDown, List<Entry> stoodDownFor,
                               List<Entry> paperCandidates, List<Entry> paperCandidatesFor,
                               List<Entry> lateWithdrawals, List<Entry> lateWithdrawalsFor) {
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
                if (seat.candidate() == null) {
                    continue;
                }
                String beneficiary = seat.candidate().partyCode().orElse(null);
                for (Map.Entry<String, Stance> stance : seat.stances().entrySet()) {
                    String party = stance.getKey();
                    switch (stance.getValue()) {
                        case STANDS_DOWN -> record(accounts, pact, seat, party, beneficiary, PartyAccount::stoodDown, PartyAccount::stoodDownFor);
                        case PAPER_CANDIDATE -> record(accounts, pact, seat, party, beneficiary, PartyAccount::paperCandidates, PartyAccount::paperCandidatesFor);
                        case WITHDRAWS_AFTER_NOMINATIONS -> record(accounts, pact, seat, party, beneficiary, PartyAccount::lateWithdrawals,
                                PartyAccount::lateWithdrawalsFor);
                        case STANDS, NOT_STANDING -> {
                            // Contesting in earnest, or never contesting at all: nothing given, nothing owed.
                        }
                    }
                }
            }
        }
        return List.copyOf(accounts.values());
    }

    private static void record(Map<String, PartyAccount> accounts, RatifiedPact pact, SeatTerms seat, String giver, String beneficiary,
                               java.util.function.Function<PartyAccount, List<Entry>> given,
                               java.util.function.Function<PartyAccount, List<Entry>> received) {
        given.apply(account(accounts, giver)).add(entry(pact, seat, beneficiary == null ? seat.candidate().inWords() : beneficiary));
        if (beneficiary != null) {
            received.apply(account(accounts, beneficiary)).add(entry(pact, seat, giver));
        }
    }

    private static Entry entry(RatifiedPact pact, SeatTerms seat, String otherParty) {
        return new Entry(pact.id(), pact.title(), seat.onsCode(), seat.constituency(), otherParty);
    }

    private static PartyAccount account(Map<String, PartyAccount> accounts, String party) {
        return accounts.computeIfAbsent(party, p -> new PartyAccount(p, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>()));
    }
}

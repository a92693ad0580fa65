package org.commonground.pact.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who gave way where, across ratified pacts: per party, the seats where it stood down and the seats where others
 * stood down for its candidate, and the balance (received minus given). Pure.
 */
public final class ReciprocityLedger {

    /** One ratified pact's terms, as the ledger reads them. */
    public record RatifiedPact(long id, String title, List<SeatTerms> seats) {
    }

    /** A seat in a party's column: which pact, which constituency, and the other party involved. */
    public record Entry(long pactId, String pactTitle, String onsCode, String constituency, String otherParty) {
    }

    public record PartyAccount(String party, List<Entry> stoodDown, List<Entry> stoodDownFor) {
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
                for (String party : seat.standingDown()) {
                    account(accounts, party).stoodDown().add(new Entry(pact.id(), pact.title(), seat.onsCode(), seat.constituency(), seat.candidate()));
                    account(accounts, seat.candidate()).stoodDownFor().add(new Entry(pact.id(), pact.title(), seat.onsCode(), seat.constituency(), party));
                }
            }
        }
        return List.copyOf(accounts.values());
    }

    private static PartyAccount account(Map<String, PartyAccount> accounts, String party) {
        return accounts.computeIfAbsent(party, p -> new PartyAccount(p, new ArrayList<>(), new ArrayList<>()));
    }
}

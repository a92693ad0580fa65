package org.commonground.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.commonground.CommonGroundApplication;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.search.SearchResult;
import org.commonground.search.SearchService;
import org.commonground.security.SignedInMember;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 7's search number: typical searches over 100,000 comments through the service, as a member who may read
 * some of them (target: under 100 ms). A fresh database gets 20 groups of 10 proposals (8 in discussion, 2
 * drafts) and 100,000 comments of 10–60 words spread over them, written by five parties' members, 15% of them
 * caucus comments and 2% deleted. Words are drawn with a skewed frequency from about 1,500 (policy words, Welsh
 * words and names first, then a long tail), so, as in real text, a few words are in a third of all comments and
 * most in under 1%. The searcher is an ordinary member of half the groups. Each search runs 10 times to warm up,
 * then 50 times timed; the page asks for 50 results, so does this. Run it with bench/run-search.
 */
public final class SearchBenchmark {

    private static final int COMMENTS = 100_000;
    private static final int GROUPS = 20;
    private static final int PROPOSALS_PER_GROUP = 10;
    private static final int WARM_UPS = 10;
    private static final int RUNS = 50;
    private static final int LIMIT = 50;

    /** Function words: English drops them, the 'simple' configuration keeps them. */
    private static final String[] FUNCTION_WORDS = ("the and of to we is in that for it on with as our this be are will not "
            + "but they should at by from all more can their have has would if so").split(" ");

    /** Real words first (the most frequent first), then invented ones for the long tail. */
    private static final String[] POLICY_WORDS = ("people local council support party need plan housing homes vote agree "
            + "community transport change young public work jobs services climate energy schools health care rent "
            + "fair votes green rivers water buses train fares councils funding tax cost living wages workers town "
            + "city rural villages farmers food land planning developers affordable social tenants landlords "
            + "pollution sewage flooding floods coast nature trees parks cycling walking roads traffic parking "
            + "libraries youth elderly carers nurses doctors hospital waiting lists mental hospitals teachers "
            + "students universities colleges apprenticeships skills training unions strike pay pensions benefits "
            + "poverty food banks childcare nurseries families children disabled access equality women refugees "
            + "migrants borders trade europe democracy reform proportional representation electoral system voting "
            + "referendum elections campaign candidates leaflets hustings canvassing volunteers donations pact "
            + "alliance tactical constituency seat majority marginal swing turnout polling labour greens liberal "
            + "democrats plaid snp conservatives reform independents coalition manifesto policy amendment motion "
            + "ballot consensus compromise caucus agreement draft revision heat pumps insulation solar wind turbines "
            + "nuclear renewable grid bills prices energy-efficient retrofit net zero emissions carbon targets air "
            + "quality clean ulez tram metro rail electrification broadband digital high street shops businesses "
            + "tourism fishing ports steel manufacturing investment bank borrowing deficit austerity cuts "
            + "Caerdydd Abertawe Casnewydd Llywodraeth Cymru Senedd Gwynedd Ceredigion cymuned iaith ysgolion "
            + "Glasgow Edinburgh Holyrood Bristol Manchester Leeds Sheffield Birmingham Liverpool Newcastle "
            + "Will Jones May Patel Rhiannon Dafydd Siân Morgan Ahmed Okafor Kowalski Nguyen Murphy Campbell").split(" ");

    /** Searches as members type them: one to four words, a name, a phrase, a word left out, one that finds nothing. */
    private static final List<String> TYPICAL = List.of("housing", "flooding", "voting reform", "affordable homes for tenants",
            "Caerdydd", "Llywodraeth Cymru", "Will Jones", "\"proportional representation\"", "renewable energy -nuclear",
            "sewage rivers", "bus fares");

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(), "--logging.level.root=warn")) {
            TestMembers members = TestMembers.of(app);
            DSLContext db = app.getBean(DSLContext.class);
            GroupService groups = app.getBean(GroupService.class);
            ProposalService proposals = app.getBean(ProposalService.class);
            SearchService search = app.getBean(SearchService.class);

            SignedInMember convenor = members.register("Bench convenor", "GRN");
            SignedInMember searcher = members.register("Bench searcher", "LAB");
            List<SignedInMember> authors = new ArrayList<>();
            for (String party : List.of("LAB", "GRN", "LD", "SNP", "PC")) {
                authors.add(members.register("Bench author " + party, party));
            }
            List<Long> proposalIds = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                TestMembers.signIn(convenor);
                long group = groups.create(new NewGroup("Bench group " + g + " " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
                if (g % 2 == 0) {
                    TestMembers.signIn(searcher);
                    groups.requestToJoin(group);
                    TestMembers.signIn(convenor);
                    groups.approve(group, searcher.id());
                }
                for (int p = 0; p < PROPOSALS_PER_GROUP; p++) {
                    long id = proposals.create(group, new ProposalDraft("Bench proposal " + g + "." + p, "",
                            "We will build homes, run buses and clean the rivers in group " + g + ".", ""));
                    if (p < 8) {
                        proposals.move(id, ProposalState.DISCUSSION);
                    }
                    proposalIds.add(id);
                }
            }
            TestMembers.signOut();

            String[] vocabulary = vocabulary(1_500, new Random(42));
            long start = System.nanoTime();
            db.execute("select setseed(0.42)");
            db.execute("""
                    insert into comment (proposal_id, author_id, author_party_id, visibility, body, deleted_at)
                    select (?::bigint[])[1 + n % cardinality(?::bigint[])],
                           (?::bigint[])[1 + n % 5], (?::bigint[])[1 + n % 5],
                           case when n % 100 < 15 then 'CAUCUS' else 'SHARED' end,
                           case when n % 50 = 7 then '' else b.body end,
                           case when n % 50 = 7 then now() end
                    from generate_series(1, ?) n
                    cross join lateral (
                        select string_agg(case when random() < 0.45
                                    then (?::text[])[1 + floor(random() * cardinality(?::text[]))::int]
                                    else (?::text[])[1 + floor(power(random(), 2) * cardinality(?::text[]))::int] end, ' ') as body
                        from generate_series(1, 10 + (n * 7919) % 51) k
                        where n > 0
                    ) b
                    """, ids(proposalIds), ids(proposalIds),
                    ids(authors.stream().map(SignedInMember::id).toList()), ids(authors.stream().map(SignedInMember::partyId).toList()),
                    COMMENTS, FUNCTION_WORDS, FUNCTION_WORDS, vocabulary, vocabulary);
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            db.execute("vacuum analyze comment");
            db.execute("analyze");
            System.out.printf("%,d comments inserted in %.1f s (tsvectors and GIN index included), vacuum and analyze %.1f s%n",
                    COMMENTS, insertSeconds, (System.nanoTime() - start) / 1e9);
            System.out.printf("comments table %s, its search index %s; the searcher reads %d of %d groups, LAB caucus only%n",
                    db.fetchValue("select pg_size_pretty(pg_total_relation_size('comment'))"),
                    db.fetchValue("select pg_size_pretty(pg_relation_size('comment_search'))"), (GROUPS + 1) / 2, GROUPS);

            TestMembers.signIn(searcher);
            System.out.printf("%n%-38s %17s %8s %9s %9s%n", "search", "matching comments", "results", "median", "p95");
            List<Double> all = new ArrayList<>();
            double slowestMedian = 0;
            for (String query : TYPICAL) {
                double[] ms = measure(search, db, query);
                Arrays.stream(ms).forEach(all::add);
                slowestMedian = Math.max(slowestMedian, ms[RUNS / 2]);
            }
            all.sort(null);
            System.out.printf("%ntypical searches, all %d runs: median %.1f ms, p95 %.1f ms; slowest search's median %.1f ms "
                    + "(target < 100 ms)%n", all.size(), all.get(all.size() / 2), all.get((int) Math.ceil(all.size() * 0.95) - 1), slowestMedian);
            double p95 = all.get((int) Math.ceil(all.size() * 0.95) - 1);
            Summary.line("run-search", "typical searches over 100,000 comments, p95 of " + all.size(), "< 100 ms", Summary.ms(p95), p95 < 100);
            Summary.line("run-search", "the slowest typical search, median", "< 100 ms", Summary.ms(slowestMedian), slowestMedian < 100);
            System.out.println("\nthe broadest searches, for scale (the commonest word, in over a third of all comments, and a stop word):");
            measure(search, db, "people");
            measure(search, db, "the");
            TestMembers.signOut();
        }
    }

    /** Times one search; returns the sorted run times in milliseconds. */
    private static double[] measure(SearchService search, DSLContext db, String query) {
        long matching = ((Number) db.fetchValue("select count(*) from comment where search @@ (websearch_to_tsquery('english', ?) "
                + "|| websearch_to_tsquery('simple', ?))", query, query)).longValue();
        List<SearchResult> results = List.of();
        for (int i = 0; i < WARM_UPS; i++) {
            results = search.search(query, LIMIT);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            results = search.search(query, LIMIT);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-38s %17s %8d %6.1f ms %6.1f ms%n", query, String.format("%,d", matching), results.size(), ms[RUNS / 2],
                ms[(int) Math.ceil(RUNS * 0.95) - 1]);
        return ms;
    }

    private static Long[] ids(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    /** The policy words, then pronounceable invented words up to {@code size}. */
    private static String[] vocabulary(int size, Random random) {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(POLICY_WORDS));
        String consonants = "bcdfglmnprstvw";
        String vowels = "aeiou";
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int s = 0, syllables = 2 + random.nextInt(2); s < syllables; s++) {
                w.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
            }
            words.add(w.append(consonants.charAt(random.nextInt(consonants.length()))).toString());
        }
        return words.toArray(String[]::new);
    }

    private SearchBenchmark() {
    }
}

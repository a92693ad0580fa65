package org.commonground.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.member.Member;
import org.commonground.member.MemberRepository;
import org.commonground.member.MemberService;
import org.commonground.member.Registration;
import org.commonground.pact.PactDetails;
import org.commonground.pact.PactService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.Ratification;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.party.PartyConfirmationRepository;
import org.commonground.party.PartyRepository;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.publishing.PublishingService;
import org.commonground.comment.Visibility;
import org.commonground.security.SecondFactorRepository;
import org.commonground.security.SignedInMember;
import org.commonground.security.Totp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo} (the {@code demo} profile), fills an empty database with believable content. Everything is
 * created through the services, acting as each demo member in turn, so the demo obeys the same rules as people do.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String DOMAIN = "@demo.commonground.test";

    /** Display name, party code. The password of each is its first name in lower case + "-common-ground". */
    static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("Amara Okafor", "LAB");
        PEOPLE.put("Ben Hughes", "LAB");
        PEOPLE.put("Liam O'Neill", "LAB");
        PEOPLE.put("Chloe Davies", "GRN");
        PEOPLE.put("Dev Patel", "GRN");
        PEOPLE.put("Kate Brennan", "GRN");
        PEOPLE.put("Eleanor Price", "LD");
        PEOPLE.put("Hannah Cole", "LD");
        PEOPLE.put("Fergus Reid", "SNP");
        PEOPLE.put("Gwen Morgan", "PC");
        PEOPLE.put("Isla Campbell", "WEP");
        PEOPLE.put("Jamal Ahmed", "NONE");
    }

    private final MemberService memberService;
    private final MemberRepository members;
    private final PartyRepository parties;
    private final PartyConfirmationRepository confirmations;
    private final GroupService groups;
    private final ProposalService proposals;
    private final AmendmentService amendments;
    private final CommentService comments;
    private final ElectionService elections;
    private final PactService pacts;
    private final PactRatificationService ratification;
    private final DelegationService delegations;
    private final BallotService ballots;
    private final PublishingService publishing;

    private final SecondFactorRepository secondFactors;
    private final DemoRegionalPacts regionalPacts;
    private final PublicElectionService publicElection;

    public DemoData(MemberService memberService, MemberRepository members, PartyRepository parties, GroupService groups,
                    ProposalService proposals, AmendmentService amendments, CommentService comments, ElectionService elections,
                    PactService pacts, PactRatificationService ratification, DelegationService delegations, BallotService ballots,
                    PublishingService publishing, PartyConfirmationRepository confirmations, SecondFactorRepository secondFactors,
                    DemoRegionalPacts regionalPacts, PublicElectionService publicElection) {
        this.publicElection = publicElection;
        this.secondFactors = secondFactors;
        this.regionalPacts = regionalPacts;
        this.ratification = ratification;
        this.delegations = delegations;
        this.confirmations = confirmations;
        this.publishing = publishing;
        this.elections = elections;
        this.pacts = pacts;
        this.ballots = ballots;
        this.memberService = memberService;
        this.members = members;
        this.parties = parties;
        this.groups = groups;
        this.proposals = proposals;
        this.amendments = amendments;
        this.comments = comments;
    }

    /** The organisers each party named (here, to Amara as operator); who of each party they confirmed. */
    static final Map<String, String> ORGANISERS = Map.of("LAB", "Ben Hughes", "GRN", "Chloe Davies", "LD", "Eleanor Price",
            "SNP", "Fergus Reid", "PC", "Gwen Morgan", "WEP", "Isla Campbell");
    /** Whose party is still only claimed, to show what that looks like. */
    static final String STILL_CLAIMED = "Amara Okafor";

    /**
     * Each party's organiser, named by the operator, confirms the party's other demo members but one. Written
     * straight to the database, as demo accounts are verified: nobody could act through the pages for them.
     */
    private void confirmParties(Map<String, SignedInMember> people) {
        SignedInMember operator = people.get("Amara Okafor");
        ORGANISERS.forEach((code, name) -> {
            SignedInMember organiser = people.get(name);
            confirmations.confirm(organiser.id(), organiser.partyId(), operator.id(), OffsetDateTime.now());
            confirmations.addOrganiser(organiser.partyId(), organiser.id(), operator.id());
        });
        people.forEach((name, member) -> {
            String organiser = ORGANISERS.get(member.partyCode());
            if (organiser != null && !organiser.equals(name) && !name.equals(STILL_CLAIMED)) {
                confirmations.confirm(member.id(), member.partyId(), people.get(organiser).id(), OffsetDateTime.now());
            }
        });
    }

    static String email(String name) {
        return firstName(name) + DOMAIN;
    }

    static String password(String name) {
        return firstName(name) + "-common-ground";
    }

    private static String firstName(String name) {
        return name.substring(0, name.indexOf(' ')).toLowerCase();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (members.findByEmail(email("Amara Okafor")).isEmpty()) {
            if (members.count() > 1) {
                log.warn("Demo profile: the database already has members, so no demo content was added.");
                return;
            }
            create();
        }
        StringBuilder table = new StringBuilder("Demo accounts (email / password):");
        PEOPLE.forEach((name, party) -> table.append(String.format("%n  %-38s %-26s %s, %s", email(name), password(name), name, party)));
        log.info(table.toString());
    }

    private void create() {
        Map<String, SignedInMember> people = new LinkedHashMap<>();
        PEOPLE.forEach((name, code) -> {
            Member m = memberService.register(new Registration(email(name), name,
                    parties.findByCode(code).orElseThrow().id(), password(name))).orElseThrow();
            // Demo accounts are verified: nobody can follow a link to a demo address.
            members.markVerified(m.id(), OffsetDateTime.now());
            people.put(name, new SignedInMember(m.id(), m.email(), m.displayName(), m.partyId(), code, "#000000", m.admin(), null));
        });
        confirmParties(people);

        long alliance = as(people.get("Amara Okafor"), () -> groups.create(new NewGroup("Progressive Alliance UK", GroupKind.ALLIANCE,
                "The national cross-party table: a common platform on fair votes, climate and public services, agreed party by party.", null)));
        long labour = as(people.get("Ben Hughes"), () -> groups.create(new NewGroup("Labour for a Progressive Alliance", GroupKind.PARTY,
                "Labour members who want the party to work with others for fair votes.", null)));
        long greens = as(people.get("Chloe Davies"), () -> groups.create(new NewGroup("Greens for Cooperation", GroupKind.PARTY,
                "Green Party members coordinating our part in alliance talks.", null)));
        long libDems = as(people.get("Eleanor Price"), () -> groups.create(new NewGroup("Liberal Democrats for Electoral Reform", GroupKind.PARTY,
                "Lib Dems preparing the party's position for pact negotiations.", null)));
        long bristol = as(people.get("Chloe Davies"), () -> groups.create(new NewGroup("Bristol Progressives", GroupKind.LOCAL,
                "Labour, Green and Lib Dem members across Bristol talking about who stands where.",
                "Bristol Central (E14001131)\nBristol East (E14001132)\nBristol North West (E14001134)\nBristol South (E14001135)")));
        long cardiff = as(people.get("Gwen Morgan"), () -> groups.create(new NewGroup("Cardiff and the Vale Together", GroupKind.LOCAL,
                "Plaid, Labour, Green and Lib Dem members in Cardiff and the Vale of Glamorgan. Croeso!",
                "Cardiff North (W07000090)\nCardiff West (W07000092)\nVale of Glamorgan (W07000110)")));

        join(people, alliance, "Amara Okafor", List.of("Chloe Davies", "Eleanor Price", "Fergus Reid", "Gwen Morgan", "Ben Hughes", "Dev Patel"));
        join(people, labour, "Ben Hughes", List.of("Amara Okafor", "Liam O'Neill"));
        join(people, greens, "Chloe Davies", List.of("Dev Patel", "Kate Brennan"));
        join(people, libDems, "Eleanor Price", List.of("Hannah Cole"));
        join(people, bristol, "Chloe Davies", List.of("Liam O'Neill", "Hannah Cole", "Kate Brennan"));
        join(people, cardiff, "Gwen Morgan", List.of("Ben Hughes", "Dev Patel", "Eleanor Price"));
        as(people.get("Amara Okafor"), () -> groups.promote(alliance, people.get("Chloe Davies").id()));
        as(people.get("Chloe Davies"), () -> groups.promote(bristol, people.get("Liam O'Neill").id()));
        // Kate, once a Green delegate in Bristol, names Chloe.
        appointDelegates(people, bristol, List.of("Chloe Davies", "Kate Brennan", "Kate Brennan", "Chloe Davies", "Ben Hughes", "Liam O'Neill",
                "Eleanor Price", "Hannah Cole"));
        // Cardiff's Plaid, Labour and Lib Dem organisers are members there and delegates themselves; Chloe names Dev for the Greens.
        appointDelegates(people, cardiff, List.of("Gwen Morgan", "Gwen Morgan", "Ben Hughes", "Ben Hughes", "Eleanor Price", "Eleanor Price",
                "Chloe Davies", "Dev Patel"));

        // Something for a convenor to act on: pending requests and an open invitation.
        as(people.get("Jamal Ahmed"), () -> groups.requestToJoin(bristol));
        as(people.get("Hannah Cole"), () -> groups.requestToJoin(alliance));
        as(people.get("Amara Okafor"), () -> groups.invite(alliance, email("Isla Campbell")));

        fairVotes(people, alliance);
        cleanRivers(people, bristol);
        agreedInBristol(people, bristol, "Safer school streets", """
                # Safer school streets

                Every primary school in Bristol gets a school street: no through traffic at the start and end of the day.

                ## How

                - The council consults each school's parents and neighbours first.
                - Blue badge holders and residents keep access.
                """, true);
        agreedInBristol(people, bristol, "Bus franchising for the West of England", """
                The West of England Mayor should take the buses into public control through franchising, as Manchester has,
                with one fare and one ticket across Bristol, Bath and South Gloucestershire.
                """, false);
        long election = demoElection(people.get("Amara Okafor"));
        bristolPact(people, bristol, election);
        cardiffPact(people, cardiff, election);
        regionalPacts.create(people, bristol, cardiff, election);
        log.info("Demo content created: {} members, 6 groups, 2 proposals in discussion, 2 agreed (one published), a 12-seat election, "
                + "a ratified pact, one being ratified, a regional pact across both local groups with a unity-candidate ballot open, "
                + "and a by-election pact.",
                PEOPLE.size());
    }

    /** A national proposal with an accepted amendment, two conflicting open ones, one of two passages, and shared and caucus comments. */
    private void fairVotes(Map<String, SignedInMember> people, long alliance) {
        long id = as(people.get("Chloe Davies"), () -> proposals.create(alliance, new ProposalDraft("Fair votes for Westminster",
                "A common position on electoral reform for every party in the alliance.", """
                # Fair votes for Westminster

                Every vote should count, wherever it is cast.

                We will replace first past the post with a proportional system.

                A citizens' assembly will recommend the system by 2027.

                - Votes at 16 in all UK elections
                - Automatic voter registration
                - An end to voter ID at polling stations

                The House of Lords will be replaced by an elected second chamber.
                """, "First draft")));
        as(people.get("Chloe Davies"), () -> proposals.addCoAuthor(id, people.get("Eleanor Price").id()));
        as(people.get("Amara Okafor"), () -> {
            proposals.move(id, ProposalState.DISCUSSION);
            return null;
        });
        Amendment dated = as(people.get("Ben Hughes"), () -> amendments.propose(id, 1, 4, 4,
                "A citizens' assembly will recommend the system within a year of the election.",
                "A date that does not depend on when the election falls."));
        as(people.get("Chloe Davies"), () -> amendments.accept(dated.id()));
        as(people.get("Fergus Reid"), () -> amendments.propose(id, 2, 5, 6,
                "Votes at 16 in all UK elections, as in Scotland and Wales\n- Automatic voter registration at 16",
                "Scotland and Wales show it works."));
        as(people.get("Dev Patel"), () -> amendments.propose(id, 2, 6, 6,
                "Automatic voter registration, with same-day registration as a fallback", "Nobody should be turned away."));
        // Proposed by editing the text: one amendment changing two separate passages.
        as(people.get("Eleanor Price"), () -> {
            String text = proposals.details(id).current().body();
            return amendments.proposeByEdit(id, 2, text.replace("Every vote should count,", "Every vote should count equally,")
                            .replace("by an elected second chamber.", "by an elected senate of the nations and regions."),
                    "Equal votes is the principle; a senate of the nations and regions gives Scotland, Wales and the regions a voice.");
        });

        as(people.get("Ben Hughes"), () -> comments.post(id, new NewComment(null, null, Visibility.SHARED, 2, 3, null, false,
                "Labour members will want to see the detail of the system before we sign up to it.")));
        long greens = as(people.get("Dev Patel"), () -> comments.post(id, new NewComment(null, null, Visibility.CAUCUS, null, null, null, false,
                "Greens: let's hold firm on **PR as the headline**. We can give ground on the Lords timetable.")));
        as(people.get("Chloe Davies"), () -> comments.post(id, new NewComment(null, greens, Visibility.CAUCUS, null, null, null, false,
                "Agreed. I'll say so at the next meeting.")));
        as(people.get("Gwen Morgan"), () -> comments.post(id, new NewComment(null, null, Visibility.SHARED, 2, 5, 7, true,
                "Wales already has votes at 16 for the Senedd: worth saying so.")));
        as(people.get("Eleanor Price"), () -> comments.post(id, NewComment.onProposal(Visibility.SHARED,
                "Liberal Democrats are happy with this wording.")));
    }

    /** A local proposal with an open amendment and comments from three parties. */
    private void cleanRivers(Map<String, SignedInMember> people, long bristol) {
        long id = as(people.get("Liam O'Neill"), () -> proposals.create(bristol, new ProposalDraft("Clean rivers for Bristol",
                "What all three parties will campaign for on water, whoever stands.", """
                # Clean rivers for Bristol

                No more sewage in the Avon, the Frome or the Trym.

                We will press Wessex Water to publish every spill within an hour.

                Fines paid by the water company will fund river restoration.
                """, "")));
        as(people.get("Chloe Davies"), () -> {
            proposals.move(id, ProposalState.DISCUSSION);
            return null;
        });
        as(people.get("Hannah Cole"), () -> amendments.propose(id, 1, 3, 3,
                "We will press Wessex Water to publish every spill in real time, with its volume.", "An hour is too slow for swimmers."));
        as(people.get("Hannah Cole"), () -> comments.post(id, new NewComment(null, null, Visibility.SHARED, 1, 4, null, false,
                "Should the fines go to a community trust rather than the council?")));
        as(people.get("Kate Brennan"), () -> comments.post(id, new NewComment(null, null, Visibility.CAUCUS, null, null, null, false,
                "Green members: we should ask for public ownership here too, but not block the rest.")));
    }

    /** A proposal the Bristol group agreed by concurrent majority; published by its convenor, or left for the demo's user to publish. */
    private void agreedInBristol(Map<String, SignedInMember> people, long bristol, String title, String body, boolean publish) {
        SignedInMember chloe = people.get("Chloe Davies");
        long id = as(people.get("Kate Brennan"), () -> proposals.create(bristol, new ProposalDraft(title, "", body, "")));
        long ballot = as(chloe, () -> {
            proposals.move(id, ProposalState.DISCUSSION);
            proposals.move(id, ProposalState.VOTING);
            return ballots.open(id, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, true, 50, 50, null));
        });
        for (String voter : List.of("Chloe Davies", "Kate Brennan", "Liam O'Neill", "Hannah Cole")) {
            as(people.get(voter), () -> {
                ballots.vote(ballot, Choice.FOR, "");
                return null;
            });
        }
        as(chloe, () -> ballots.close(ballot));
        if (publish) {
            as(chloe, () -> publishing.publishProposal(id));
        }
    }

    /**
     * Imports twelve constituencies' real 2024 results (House of Commons Library, Open Parliament Licence), a small
     * fixture (the full file is imported as the README shows), as the demo's admin. The map is the one shipped in the
     * jar, so nothing is imported for it. An admin may import only with a second factor, which the demo admin
     * is to add themselves at their first sign-in (the Security page shows them how), so they are lent a throwaway
     * one for the import alone.
     */
    private long demoElection(SignedInMember admin) {
        secondFactors.saveTotp(admin.id(), Totp.newSecret(), 0);
        try {
            return importDemoElection(admin);
        } finally {
            secondFactors.deleteTotp(admin.id());
        }
    }

    private long importDemoElection(SignedInMember admin) {
        return as(admin, () -> {
            try (var in = getClass().getResourceAsStream("/demo/demo-election-2024.csv")) {
                long id = elections.importResults("DEMO2024", "General election 2024 (12 demo seats)", in.readAllBytes(), percent -> { }).id();
                // The public seat pages (/p/seats) show it, with DESIGN.md's alliance.
                publicElection.choose(id, "LAB,LD,GRN,PC,SNP");
                return id;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static SeatTerms seat(String ons, String name, String candidate, Object... partyStance) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        for (int i = 0; i < partyStance.length; i += 2) {
            stances.put((String) partyStance[i], (Stance) partyStance[i + 1]);
        }
        return new SeatTerms(ons, name, candidate, stances);
    }

    /** Bristol: the Greens stand down in North West, Labour in Central; ratified by representatives and a Green ballot. */
    private void bristolPact(Map<String, SignedInMember> people, long bristol, long election) {
        SignedInMember chloe = people.get("Chloe Davies");
        long id = as(chloe, () -> pacts.start(bristol, "Bristol Central and North West: give and take", List.of("E14001131", "E14001134"), election));
        PactTerms terms = new PactTerms(List.of(
                seat("E14001131", "Bristol Central", "GRN", "LAB", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE),
                seat("E14001134", "Bristol North West", "LAB", "GRN", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE)),
                "- Joint leaflets in both seats name the other party's candidate.\n- Both candidates pledge to vote for proportional representation.");
        as(chloe, () -> pacts.revise(id, 1, terms, "Terms from the March meeting"));
        as(chloe, () -> {
            pacts.openNegotiation(id);
            return null;
        });
        as(people.get("Hannah Cole"), () -> comments.postOnPact(id, NewComment.onProposal(Visibility.SHARED,
                "We can live with paper candidates in both, if the leaflets mention fair votes.")));
        as(people.get("Kate Brennan"), () -> comments.postOnPact(id, NewComment.onProposal(Visibility.CAUCUS,
                "Greens: North West is a real sacrifice for us; let's make sure it is on the ledger.")));
        as(chloe, () -> {
            ratification.startRatification(id);
            return null;
        });
        SignedInMember kate = people.get("Kate Brennan");
        as(kate, () -> {
            ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(null));
            return null;
        });
        for (String name : List.of("Liam O'Neill", "Hannah Cole")) {
            SignedInMember delegate = people.get(name);
            as(delegate, () -> {
                ratification.choosePlan(id, delegate.partyCode(), RatificationPlan.byRepresentative(delegate.id()));
                ratification.sign(id, delegate.partyCode(), true, delegate.partyCode().equals("LAB") ? "Agreed at the constituency Labour party meeting." : "");
                return null;
            });
        }
        long greenBallot = as(chloe, () -> pacts.details(id)).ratifications().stream().filter(r -> r.party().equals("GRN"))
                .findFirst().map(Ratification::ballotId).orElseThrow();
        for (String green : List.of("Chloe Davies", "Kate Brennan")) {
            as(people.get(green), () -> {
                ballots.vote(greenBallot, Choice.FOR, "");
                return null;
            });
        }
        as(kate, () -> ballots.close(greenBallot));
    }

    /**
     * Cardiff and the Vale: Plaid has signed, Labour's ballot is open, the Lib Dems' delegate has yet to sign, and the
     * Greens' delegate has yet to choose how the Greens ratify.
     */
    private void cardiffPact(Map<String, SignedInMember> people, long cardiff, long election) {
        SignedInMember gwen = people.get("Gwen Morgan");
        long id = as(gwen, () -> pacts.start(cardiff, "Cardiff North and the Vale", List.of("W07000090", "W07000110"), election));
        PactTerms terms = new PactTerms(List.of(
                seat("W07000090", "Cardiff North", "LAB", "PC", Stance.STANDS_DOWN, "GRN", Stance.STANDS_DOWN, "LD", Stance.STANDS),
                seat("W07000110", "Vale of Glamorgan", "LAB", "PC", Stance.STANDS_DOWN, "GRN", Stance.PAPER_CANDIDATE, "LD", Stance.PAPER_CANDIDATE)),
                "Labour backs Plaid's candidate in the next Senedd by-election in return. Ni fydd neb yn sefyll yn erbyn y cytundeb hwn.");
        as(gwen, () -> pacts.revise(id, 1, terms, "First draft"));
        as(gwen, () -> {
            pacts.openNegotiation(id);
            return null;
        });
        as(gwen, () -> {
            ratification.startRatification(id);
            ratification.choosePlan(id, "PC", RatificationPlan.byRepresentative(gwen.id()));
            ratification.sign(id, "PC", true, "Plaid Cymru's local executive agreed.");
            return null;
        });
        SignedInMember eleanor = people.get("Eleanor Price");
        as(eleanor, () -> {
            ratification.choosePlan(id, "LD", RatificationPlan.byRepresentative(eleanor.id()));
            return null;
        });
        as(people.get("Ben Hughes"), () -> {
            ratification.choosePlan(id, "LAB", RatificationPlan.byBallot(null));
            return null;
        });
        PactDetails details = as(gwen, () -> pacts.details(id));
        long labourBallot = details.ratifications().stream().filter(r -> r.party().equals("LAB")).findFirst().map(Ratification::ballotId).orElseThrow();
        as(people.get("Ben Hughes"), () -> {
            ballots.vote(labourBallot, Choice.FOR, "Worth it for the Vale.");
            return null;
        });
    }

    /** Pairs of appointer (an organiser, or a delegate already) and the delegate of their party they name, in order. */
    private void appointDelegates(Map<String, SignedInMember> people, long groupId, List<String> appointerThenDelegate) {
        for (int i = 0; i < appointerThenDelegate.size(); i += 2) {
            long delegate = people.get(appointerThenDelegate.get(i + 1)).id();
            as(people.get(appointerThenDelegate.get(i)), () -> {
                delegations.appoint(groupId, delegate);
                return null;
            });
        }
    }

    private void join(Map<String, SignedInMember> people, long groupId, String convenor, List<String> joiners) {
        for (String name : joiners) {
            as(people.get(name), () -> groups.requestToJoin(groupId));
            as(people.get(convenor), () -> groups.approve(groupId, people.get(name).id()));
        }
    }

    static <T> T as(SignedInMember member, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}

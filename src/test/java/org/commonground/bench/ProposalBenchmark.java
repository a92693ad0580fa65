package org.commonground.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.commonground.CommonGroundApplication;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.security.SignedInMember;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3's numbers: line-numbering and word-diffing a 50,000-word text (target: under 100 ms each), and the
 * server work of opening a proposal with 500 comments and 100 amendments (target: under 300 ms): every service
 * call the proposal page makes, and the HTML of its numbered text. Run it with bench/run-proposals.
 */
public final class ProposalBenchmark {

    private static final String[] WORDS = ("we will build homes for rent across every region and nation with fair votes "
            + "clean rivers public transport warm homes green jobs local councils schools hospitals care workers pay "
            + "rises carbon targets renewable energy cooperatives community land trusts Cymru dŵr glân ŷd").split(" ");

    public static void main(String[] args) throws Exception {
        String manifesto = manifesto(50_000, new Random(42));
        String edited = edit(manifesto, new Random(7));
        System.out.printf("text: %,d words, %,d characters%n", manifesto.split("\\s+").length, manifesto.length());
        double numbering = median(() -> LineNumbering.number(manifesto, 80));
        System.out.printf("line numbering (80 characters):   median %.1f ms%n", numbering);
        Summary.line("run-proposals", "line numbering, 50,000 words, median", "< 100 ms", Summary.ms(numbering), numbering < 100);
        double diff = median(() -> WordDiff.diff(manifesto, edited));
        System.out.printf("word diff against a 1%%-edited copy: median %.1f ms%n", diff);
        Summary.line("run-proposals", "word diff, 50,000 words with 1% changed, median", "< 100 ms", Summary.ms(diff), diff < 100);
        System.out.printf("numbered-text HTML:                 median %.1f ms%n",
                median(() -> TextHtml.numbered(LineNumbering.number(manifesto, 80))));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(), "--logging.level.root=warn")) {
            openBusyProposal(app);
        }
    }

    private static void openBusyProposal(ConfigurableApplicationContext app) {
        TestMembers members = TestMembers.of(app);
        GroupService groups = app.getBean(GroupService.class);
        ProposalService proposals = app.getBean(ProposalService.class);
        AmendmentService amendments = app.getBean(AmendmentService.class);
        CommentService comments = app.getBean(CommentService.class);

        List<SignedInMember> people = new ArrayList<>();
        for (String party : List.of("LAB", "GRN", "LD", "SNP", "PC")) {
            people.add(members.register("Bench " + party, party));
        }
        TestMembers.signIn(people.getFirst());
        long group = groups.create(new NewGroup("Bench table " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
        for (SignedInMember m : people.subList(1, people.size())) {
            TestMembers.signIn(m);
            groups.requestToJoin(group);
            TestMembers.signIn(people.getFirst());
            groups.approve(group, m.id());
        }
        String text = manifesto(50_000, new Random(1));
        long id = proposals.create(group, new ProposalDraft("A long programme", "", text, ""));
        proposals.move(id, ProposalState.DISCUSSION);
        int lines = proposals.details(id).lines().size();
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            TestMembers.signIn(people.get(i % people.size()));
            int line = 1 + random.nextInt(lines);
            amendments.propose(id, 1, line, line, "Amended wording number " + i + ".", "Reason " + i);
        }
        for (int i = 0; i < 500; i++) {
            TestMembers.signIn(people.get(i % people.size()));
            Visibility visibility = i % 3 == 0 ? Visibility.CAUCUS : Visibility.SHARED;
            comments.post(id, i % 2 == 0 ? new NewComment(null, null, visibility, 1, 1 + random.nextInt(lines), null, false, "Comment **" + i + "**")
                    : NewComment.onProposal(visibility, "General comment " + i));
        }
        TestMembers.signIn(people.get(1));
        double ms = median(() -> {
            ProposalDetails details = proposals.details(id);
            List<Comment> thread = comments.thread(id);
            String html = TextHtml.numbered(details.lines(), Comment.marginNotes(thread, details.current().number()));
            return List.of(html, thread, amendments.list(id));
        });
        System.out.printf("opening a proposal with 500 comments and 100 amendments (%d lines), server work: median %.1f ms%n", lines, ms);
        Summary.line("run-proposals", "opening a proposal with 500 comments and 100 amendments, server work, median", "< 300 ms",
                Summary.ms(ms), ms < 300);
        TestMembers.signOut();
    }

    static String manifesto(int words, Random random) {
        StringBuilder text = new StringBuilder();
        int written = 0;
        int section = 1;
        while (written < words) {
            text.append("## Section ").append(section++).append("\n\n");
            for (int p = 0; p < 4 && written < words; p++) {
                int length = 40 + random.nextInt(80);
                for (int w = 0; w < length; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(w == length - 1 ? ".\n\n" : " ");
                }
                written += length;
            }
            for (int item = 0; item < 3; item++) {
                text.append("- ").append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(WORDS[random.nextInt(WORDS.length)]).append('\n');
                written += 2;
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** About one word in a hundred replaced. */
    private static String edit(String text, Random random) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (random.nextInt(100) == 0 && !words[i].contains("\n")) {
                words[i] = "changed";
            }
        }
        return String.join(" ", Arrays.asList(words));
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < 10; i++) {
            work.get();
        }
        double[] times = new double[21];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private ProposalBenchmark() {
    }
}

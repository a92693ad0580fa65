package org.commonground.comment;

import static org.commonground.jooq.Tables.COMMENT;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.commonground.jooq.tables.records.CommentRecord;
import org.commonground.database.RenderedQuery;
import org.commonground.proposal.text.Anchoring;
import org.commonground.proposal.text.DiffRebase;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.TextRange;
import org.commonground.proposal.text.WordDiff;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Every query that returns comments takes the reader and applies the caucus rule in SQL, so no query can hand a
 * party's private comments to another party's member.
 */
@Repository
public class CommentRepository {

    private final DSLContext db;
    /** Read by every open page of a proposal at each change announced: rendered once (see RenderedQuery). */
    private final RenderedQuery visibleIds;
    /** Posting is the busiest write there is. */
    private final RenderedQuery insert;
    /** Read for the comment a page's reader has just posted. */
    private final RenderedQuery visibleOne;

    public CommentRepository(DSLContext db) {
        this.db = db;
        this.visibleIds = new RenderedQuery(db, db.select(COMMENT.ID).from(COMMENT)
                .where(COMMENT.PROPOSAL_ID.eq(DSL.param("proposalId", Long.class))).and(COMMENT.DELETED_AT.isNull())
                .and(visibleTo(DSL.param("viewerId", Long.class), DSL.param("viewerPartyId", Long.class))));
        this.insert = new RenderedQuery(db, db.insertInto(COMMENT)
                .set(COMMENT.PROPOSAL_ID, DSL.param("proposalId", Long.class))
                .set(COMMENT.AMENDMENT_ID, DSL.param("amendmentId", Long.class))
                .set(COMMENT.PARENT_ID, DSL.param("parentId", Long.class))
                .set(COMMENT.AUTHOR_ID, DSL.param("authorId", Long.class))
                .set(COMMENT.AUTHOR_PARTY_ID, DSL.param("authorPartyId", Long.class))
                .set(COMMENT.VISIBILITY, DSL.param("visibility", String.class))
                .set(COMMENT.REVISION, DSL.param("revision", Integer.class))
                .set(COMMENT.BLOCK, DSL.param("block", Integer.class))
                .set(COMMENT.LINE, DSL.param("line", Integer.class))
                .set(COMMENT.LAST_LINE, DSL.param("lastLine", Integer.class))
                .set(COMMENT.QUOTE, DSL.param("quote", String.class))
                .set(COMMENT.ANCHOR_START, DSL.param("anchorStart", Integer.class))
                .set(COMMENT.ANCHOR_END, DSL.param("anchorEnd", Integer.class))
                .set(COMMENT.BODY, DSL.param("body", String.class))
                .returning(COMMENT.ID));
        this.visibleOne = new RenderedQuery(db, withAuthors(db.select(COMMENT.fields()).select(MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.COLOUR))
                .where(COMMENT.ID.eq(DSL.param("commentId", Long.class))).and(COMMENT.PROPOSAL_ID.eq(DSL.param("proposalId", Long.class)))
                .and(visibleTo(DSL.param("viewerId", Long.class), DSL.param("viewerPartyId", Long.class))));
    }

    public long insert(long proposalId, Long amendmentId, Long parentId, long authorId, long authorPartyId, Visibility visibility,
                       Integer revision, Integer block, Integer line, Integer lastLine, String quote, Integer anchorStart,
                       Integer anchorEnd, String body) {
        Map<String, Object> values = new HashMap<>();
        values.put("proposalId", proposalId);
        values.put("amendmentId", amendmentId);
        values.put("parentId", parentId);
        values.put("authorId", authorId);
        values.put("authorPartyId", authorPartyId);
        values.put("visibility", visibility.name());
        values.put("revision", revision);
        values.put("block", block);
        values.put("line", line);
        values.put("lastLine", lastLine);
        values.put("quote", quote);
        values.put("anchorStart", anchorStart);
        values.put("anchorEnd", anchorEnd);
        values.put("body", body);
        return insert.fetch(db, values).getFirst().get(COMMENT.ID);
    }

    /** Inserts a comment on a pact or one of its amendments (pact comments have no line anchors). */
    public long insertOnPact(long pactId, Long pactAmendmentId, Long parentId, long authorId, long authorPartyId, Visibility visibility, String body) {
        return db.insertInto(COMMENT)
                .set(COMMENT.PACT_ID, pactId)
                .set(COMMENT.PACT_AMENDMENT_ID, pactAmendmentId)
                .set(COMMENT.PARENT_ID, parentId)
                .set(COMMENT.AUTHOR_ID, authorId)
                .set(COMMENT.AUTHOR_PARTY_ID, authorPartyId)
                .set(COMMENT.VISIBILITY, visibility.name())
                .set(COMMENT.BODY, body)
                .returning(COMMENT.ID).fetchOne(COMMENT.ID);
    }

    public static Condition onProposal(long proposalId) {
        return COMMENT.PROPOSAL_ID.eq(proposalId);
    }

    public static Condition onPact(long pactId) {
        return COMMENT.PACT_ID.eq(pactId);
    }

    /** The caucus rule: the comments a member (with {@code CurrentMember.caucusPartyOf} their party) may read. */
    public static Condition visibleTo(long viewerId, long viewerPartyId) {
        return visibleTo(DSL.val(viewerId), DSL.val(viewerPartyId));
    }

    private static Condition visibleTo(Field<Long> viewerId, Field<Long> viewerPartyId) {
        return COMMENT.VISIBILITY.eq(DSL.inline(Visibility.SHARED.name()))
                .or(COMMENT.AUTHOR_PARTY_ID.eq(viewerPartyId))
                .or(COMMENT.AUTHOR_ID.eq(viewerId));
    }

    /** The comments of a proposal (and of its amendments) or of a pact that the reader may see, oldest first. */
    public List<Comment> visible(Condition subject, long viewerId, long viewerPartyId) {
        return withAuthors(db.select(COMMENT.fields()).select(MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.COLOUR))
                .where(subject).and(visibleTo(viewerId, viewerPartyId))
                .orderBy(COMMENT.CREATED_AT, COMMENT.ID)
                .fetch(CommentRepository::comment);
    }

    /** One comment of a proposal's thread (or of its amendments'), if the reader may see it. */
    public Optional<Comment> visibleOnProposal(long proposalId, long commentId, long viewerId, long viewerPartyId) {
        return visibleOne.fetch(db, Map.of("commentId", commentId, "proposalId", proposalId, "viewerId", viewerId, "viewerPartyId", viewerPartyId))
                .stream().findFirst().map(CommentRepository::comment);
    }

    private static <R extends Record> SelectOnConditionStep<R> withAuthors(SelectSelectStep<R> select) {
        return select.from(COMMENT)
                .join(MEMBER).on(MEMBER.ID.eq(COMMENT.AUTHOR_ID))
                .join(PARTY).on(PARTY.ID.eq(COMMENT.AUTHOR_PARTY_ID));
    }

    /** A row of {@link #visible} as the comment its reader sees. */
    private static Comment comment(Record r) {
        // A comment is on a proposal's amendment or on a pact's, never both: one field carries either.
        return new Comment(r.get(COMMENT.ID), r.get(COMMENT.PARENT_ID),
                r.get(COMMENT.AMENDMENT_ID) != null ? r.get(COMMENT.AMENDMENT_ID) : r.get(COMMENT.PACT_AMENDMENT_ID), r.get(COMMENT.AUTHOR_ID),
                r.get(MEMBER.DISPLAY_NAME), r.get(PARTY.CODE), r.get(PARTY.COLOUR), Visibility.valueOf(r.get(COMMENT.VISIBILITY)),
                r.get(COMMENT.REVISION), r.get(COMMENT.BLOCK), r.get(COMMENT.LINE), r.get(COMMENT.LAST_LINE), r.get(COMMENT.QUOTE),
                r.get(COMMENT.PASSAGE_CHANGED_IN),
                r.get(COMMENT.DELETED_AT) == null ? r.get(COMMENT.BODY) : "", r.get(COMMENT.CREATED_AT),
                r.get(COMMENT.EDITED_AT), r.get(COMMENT.DELETED_AT) != null);
    }

    /** The ids of the undeleted comments on a proposal and its amendments that the reader may see. */
    public Set<Long> visibleIds(long proposalId, long viewerId, long viewerPartyId) {
        return visibleIds.fetch(db, Map.of("proposalId", proposalId, "viewerId", viewerId, "viewerPartyId", viewerPartyId))
                .intoSet(COMMENT.ID);
    }

    /**
     * Carries the comments on lines over to revision {@code to}, whose text is {@code after}, as open amendments are
     * carried: each moves with its words to their new lines, or, where those words were changed, stays where it was,
     * marked as changed in {@code to}. Those on the revision before move by {@code sinceLast}, the change just made;
     * any left on an older one (made before comments followed the text) by the word diff from their revision's text,
     * read by {@code textOf}, as an edit begun on an older revision is carried over.
     */
    public void rebaseAnchors(long proposalId, int to, String after, int width, Function<TextRange, Optional<TextRange>> sinceLast,
                              IntFunction<String> textOf) {
        List<CommentRecord> anchored = db.selectFrom(COMMENT).where(COMMENT.PROPOSAL_ID.eq(proposalId)).and(COMMENT.REVISION.lt(to))
                .and(COMMENT.LINE.isNotNull()).and(COMMENT.PASSAGE_CHANGED_IN.isNull()).and(COMMENT.DELETED_AT.isNull()).fetch();
        List<NumberedLine> afterLines = LineNumbering.number(after, width);
        Map<Integer, List<CommentRecord>> byRevision = anchored.stream().collect(Collectors.groupingBy(CommentRecord::getRevision));
        byRevision.forEach((revision, onIt) -> {
            String before = textOf.apply(revision);
            Function<TextRange, Optional<TextRange>> rebase = revision == to - 1 ? sinceLast : diffRebase(WordDiff.diff(before, after));
            List<NumberedLine> lines = LineNumbering.number(before, width);
            onIt.forEach(c -> follow(c, to, lines, afterLines, rebase));
        });
        db.batchUpdate(anchored).execute();
    }

    private static Function<TextRange, Optional<TextRange>> diffRebase(List<WordDiff.Segment> diff) {
        return range -> DiffRebase.rebase(diff, range);
    }

    private static void follow(CommentRecord c, int to, List<NumberedLine> before, List<NumberedLine> after,
                               Function<TextRange, Optional<TextRange>> rebase) {
        boolean paragraph = Comment.onParagraph(c.getLastLine(), c.getQuote());
        Optional<Anchoring.Placed> moved = c.getLine() > before.size() ? Optional.empty()
                : Anchoring.follow(rangeOf(c, paragraph, before), rebase, after);
        if (moved.isPresent()) {
            Anchoring.Placed at = moved.get();
            c.setRevision(to);
            c.setBlock(at.block());
            c.setLine(at.line());
            c.setLastLine(paragraph ? null : at.lastLine());
            c.setAnchorStart(at.range().start());
            c.setAnchorEnd(at.range().end());
        } else {
            c.setPassageChangedIn(to);
        }
    }

    /** The characters a comment is on; a comment made before they were kept is on the lines (or paragraph) it cites. */
    private static TextRange rangeOf(CommentRecord c, boolean paragraph, List<NumberedLine> lines) {
        if (c.getAnchorStart() != null) {
            return new TextRange(c.getAnchorStart(), c.getAnchorEnd());
        }
        return paragraph ? Anchoring.paragraph(lines, c.getLine())
                : LineNumbering.range(lines, c.getLine(), Math.min(lines.size(), c.getLastLine() == null ? c.getLine() : c.getLastLine()));
    }

    /** One comment, only if the reader may see it. */
    public Optional<CommentRecord> findVisible(long commentId, long viewerId, long viewerPartyId) {
        return db.selectFrom(COMMENT).where(COMMENT.ID.eq(commentId)).and(visibleTo(viewerId, viewerPartyId)).fetchOptional();
    }

    public boolean edit(long commentId, long authorId, String body) {
        return db.update(COMMENT).set(COMMENT.BODY, body).set(COMMENT.EDITED_AT, OffsetDateTime.now())
                .where(COMMENT.ID.eq(commentId)).and(COMMENT.AUTHOR_ID.eq(authorId)).and(COMMENT.DELETED_AT.isNull())
                .execute() == 1;
    }

    /** Deleting keeps the row (replies hang from it) but not the words. */
    public boolean delete(long commentId, long authorId) {
        return db.update(COMMENT).set(COMMENT.BODY, "").set(COMMENT.QUOTE, (String) null).set(COMMENT.DELETED_AT, OffsetDateTime.now())
                .where(COMMENT.ID.eq(commentId)).and(COMMENT.AUTHOR_ID.eq(authorId)).and(COMMENT.DELETED_AT.isNull())
                .execute() == 1;
    }
}

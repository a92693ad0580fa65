package org.commonground.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.commonground.shared.InvalidInputException;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs an access table: every call of a {@link Calls} set, tried by every {@link Who}, on a subject set up in a given
 * state. The subject is made once in a transaction that is rolled back at the end; each attempt runs in a savepoint
 * of its own that is rolled back after it, so every role meets exactly the same state and nothing is left behind.
 *
 * <p>An attempt is <em>granted</em> when a reading call returns (a finding call: returns what was looked for) and a
 * changing call returns having written to the database. It is <em>refused</em> when the service throws one of its
 * refusals ({@link AccessDeniedException}, {@link InvalidInputException}); a changing call that returns without
 * writing is a silent no-op, accepted as a refusal only for calls declared {@link Calls#quiet quiet}. Whatever the
 * outcome, a refused attempt must have written nothing (counted from PostgreSQL's own per-transaction statistics,
 * {@code pg_stat_xact_user_tables}, so concurrent work elsewhere does not disturb it), and a reading call never
 * writes. Any other exception is a failure of the table, not a refusal.
 */
final class Matrix {

    enum Kind { READ, FIND, CHANGE, QUIET }

    record Call<S>(String name, Kind kind, Function<S, Object> run, BiPredicate<S, Object> finds) {
    }

    /** The calls of one feature, by name: each table names every one of them, with the roles it grants. */
    static final class Calls<S> {

        private final Map<String, Call<S>> calls = new LinkedHashMap<>();

        /** A call that shows something: granted when it returns at all. */
        Calls<S> read(String name, Function<S, ?> run) {
            return add(new Call<>(name, Kind.READ, run::apply, null));
        }

        /** A call that lists or searches: granted when what it returns includes what {@code finds} looks for. */
        <R> Calls<S> find(String name, Function<S, ? extends R> run, BiPredicate<S, R> finds) {
            @SuppressWarnings("unchecked")
            BiPredicate<S, Object> test = (s, r) -> finds.test(s, (R) r);
            return add(new Call<>(name, Kind.FIND, run::apply, test));
        }

        /** A call that changes something: granted when it returns having written; refused with an exception. */
        Calls<S> change(String name, Consumer<S> run) {
            return add(new Call<>(name, Kind.CHANGE, s -> {
                run.accept(s);
                return null;
            }, null));
        }

        /**
         * A change that, by design, ignores what the caller may not do instead of throwing (marking another member's
         * notification read, asking to join a group one is in): refused there means it wrote nothing.
         */
        Calls<S> quiet(String name, Consumer<S> run) {
            return add(new Call<>(name, Kind.QUIET, s -> {
                run.accept(s);
                return null;
            }, null));
        }

        private Calls<S> add(Call<S> call) {
            if (calls.put(call.name(), call) != null) {
                throw new IllegalArgumentException("Two calls named " + call.name());
            }
            return this;
        }
    }

    /** Finds {@code wanted} among {@code found}, for {@link Calls#find}. */
    static <T> boolean any(Collection<T> found, java.util.function.Predicate<T> wanted) {
        return found != null && found.stream().anyMatch(wanted);
    }

    private enum Outcome { GRANTED, REFUSED, NO_EFFECT, ERROR }

    private record Attempt(Outcome outcome, long wrote, String detail) {
    }

    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;
    private final DSLContext db;
    private final Cast cast;

    Matrix(PlatformTransactionManager transactions, DSLContext db, Cast cast) {
        this.outer = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.db = db;
        this.cast = cast;
    }

    /**
     * Sets up {@code state} with {@code setup} and tries every call of {@code calls} as every role against
     * {@code table}: one line per call, "{@code name | roles}" (see {@link Who#parse}); {@code //} starts a comment.
     */
    <S> void check(String state, Supplier<S> setup, Calls<S> calls, String table) {
        Map<String, Set<Who>> expected = parse(table);
        List<String> problems = new ArrayList<>();
        for (String name : calls.calls.keySet()) {
            if (!expected.containsKey(name)) {
                problems.add("the table has no line for \"" + name + "\"");
            }
        }
        for (String name : expected.keySet()) {
            if (!calls.calls.containsKey(name)) {
                problems.add("the table names \"" + name + "\", which is no call");
            }
        }
        if (!problems.isEmpty()) {
            fail("[" + state + "] " + String.join("; ", problems));
        }
        StringBuilder report = new StringBuilder();
        outer.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            S subject = setup.get();
            for (Call<S> call : calls.calls.values()) {
                Set<Who> allowed = expected.get(call.name());
                Set<Who> granted = EnumSet.noneOf(Who.class);
                Map<Who, String> wrong = new EnumMap<>(Who.class);
                for (Who who : Who.values()) {
                    Attempt attempt = attempt(call, subject, who);
                    if (attempt.outcome() == Outcome.GRANTED) {
                        granted.add(who);
                    }
                    String problem = judge(call, attempt, allowed.contains(who));
                    if (problem != null) {
                        wrong.put(who, problem);
                    }
                }
                if (!wrong.isEmpty()) {
                    report.append("\n  ").append(call.name()).append(": table says ").append(Who.words(allowed))
                            .append("; granted to ").append(Who.words(granted));
                    wrong.forEach((who, problem) -> report.append("\n      ").append(who.word).append(": ").append(problem));
                }
            }
            TestMembers.signOut();
        });
        if (!report.isEmpty()) {
            fail("Access matrix, " + state + ":" + report);
        }
    }

    private static String judge(Call<?> call, Attempt attempt, boolean allowed) {
        if (attempt.outcome() == Outcome.ERROR) {
            return "failed instead of being granted or refused: " + attempt.detail();
        }
        if ((call.kind() == Kind.READ || call.kind() == Kind.FIND) && attempt.wrote() > 0) {
            return "reading wrote " + attempt.wrote() + " rows";
        }
        if (attempt.outcome() != Outcome.GRANTED && attempt.wrote() > 0) {
            return "refused, but wrote " + attempt.wrote() + " rows";
        }
        if (allowed && attempt.outcome() != Outcome.GRANTED) {
            return attempt.outcome() == Outcome.NO_EFFECT ? "returned without changing anything" : "refused: " + attempt.detail();
        }
        if (!allowed && attempt.outcome() == Outcome.GRANTED) {
            return "granted" + (attempt.detail().isEmpty() ? "" : " (" + attempt.detail() + ")");
        }
        if (!allowed && attempt.outcome() == Outcome.NO_EFFECT) {
            return "silently did nothing instead of refusing";
        }
        return null;
    }

    private <S> Attempt attempt(Call<S> call, S subject, Who who) {
        Attempt[] result = new Attempt[1];
        savepoint.executeWithoutResult(sp -> {
            sp.setRollbackOnly();
            cast.signIn(who);
            long before = writes();
            Outcome outcome;
            String detail = "";
            try {
                Object value = call.run().apply(subject);
                outcome = switch (call.kind()) {
                    case READ -> Outcome.GRANTED;
                    case FIND -> call.finds().test(subject, value) ? Outcome.GRANTED : Outcome.REFUSED;
                    case CHANGE, QUIET -> Outcome.NO_EFFECT;
                };
                if (call.kind() == Kind.FIND && outcome == Outcome.REFUSED) {
                    detail = "not found";
                }
            } catch (AccessDeniedException | InvalidInputException refused) {
                outcome = Outcome.REFUSED;
                detail = refused.getClass().getSimpleName() + ": " + refused.getMessage();
            } catch (RuntimeException failure) {
                outcome = Outcome.ERROR;
                detail = failure.toString();
            }
            long wrote;
            try {
                wrote = writes() - before;
            } catch (DataAccessException | org.jooq.exception.DataAccessException aborted) {
                // The call failed inside PostgreSQL, which aborted the transaction: nothing it did can commit.
                wrote = 0;
            }
            if ((call.kind() == Kind.CHANGE || call.kind() == Kind.QUIET) && outcome == Outcome.NO_EFFECT) {
                if (wrote > 0) {
                    outcome = Outcome.GRANTED;
                } else if (call.kind() == Kind.QUIET) {
                    outcome = Outcome.REFUSED;
                    detail = "changed nothing";
                }
            }
            result[0] = new Attempt(outcome, wrote, detail);
        });
        TestMembers.signOut();
        return result[0];
    }

    /** Rows this transaction has inserted, updated or deleted so far, in every table. */
    private long writes() {
        Object n = db.fetchValue("select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_xact_user_tables");
        return ((Number) n).longValue();
    }

    private static Map<String, Set<Who>> parse(String table) {
        Map<String, Set<Who>> rows = new LinkedHashMap<>();
        for (String raw : table.lines().toList()) {
            int comment = raw.indexOf("//");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("An access table line is \"call | roles\": " + raw);
            }
            String name = line.substring(0, bar).strip();
            if (rows.put(name, Who.parse(line.substring(bar + 1))) != null) {
                throw new IllegalArgumentException("The access table names " + name + " twice");
            }
        }
        return rows;
    }
}

package org.commonground.election.results;

/** A results file that cannot be imported, with the 1-based physical line at fault (0 when no one line is). */
public final class ResultsFormatException extends RuntimeException {

    private final int line;
    private final String problem;

    public ResultsFormatException(int line, String problem) {
        super(line > 0 ? "Line " + line + ": " + problem : problem);
        this.line = line;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}

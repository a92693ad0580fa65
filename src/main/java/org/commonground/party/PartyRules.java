package org.commonground.party;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonground.shared.FieldProblem;
import org.commonground.shared.TextRules;

/** What makes a party's code, name and colour acceptable. Pure: no framework, no I/O. */
public final class PartyRules {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9]{1,9}$");
    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    private PartyRules() {
    }

    public static List<FieldProblem> check(String code, String name, String colour) {
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            problems.add(new FieldProblem("code", "Use 2 to 10 capital letters or digits, starting with a letter (like GRN)."));
        }
        TextRules.checkLine("name", "a name", name, 100, problems);
        if (colour == null || !COLOUR.matcher(colour.strip()).matches()) {
            problems.add(new FieldProblem("colour", "Use a colour like #02A95B."));
        }
        return problems;
    }
}

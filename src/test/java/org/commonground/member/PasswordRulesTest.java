package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.commonground.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static List<FieldProblem> check(String password, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.check("password", password, email, problems);
        return problems;
    }

    @Test
    void acceptsAlongUnusualPassword() {
        assertThat(check("orchard-violin-tuesday", "a@b.org")).isEmpty();
    }

    @Test
    void refusesShortPasswordsSayingHowLongTheyAre() {
        assertThat(check("elevenchars", null)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at least 12").contains("has 11"));
        assertThat(check("", null)).hasSize(1);
        assertThat(check(null, null)).hasSize(1);
    }

    @Test
    void refusesDenyListedAndTrivialPasswordsWhateverTheirCase() {
        assertThat(check("Password1234", null)).singleElement().satisfies(p -> assertThat(p.message()).contains("too easy"));
        assertThat(check("QWERTYUIOPAS", null)).hasSize(1);
        assertThat(check("abababababababab", null)).hasSize(1);
    }

    @Test
    void refusesThePasswordBeingTheEmailAddress() {
        assertThat(check("someone@example.org", "Someone@Example.org")).hasSize(1);
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(check("x1".repeat(65), null)).singleElement().satisfies(p -> assertThat(p.message()).contains("at most"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Twelve emoji are twelve characters, even though each takes two UTF-16 units.
        assertThat(check("🌍🌱🗳🤝📜✊🌍🌱🗳🤝📜✅", null)).isEmpty();
        assertThat(check("🌍🌱🗳🤝📜✊", null)).hasSize(1);
    }
}

package org.commonground.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class PartyServiceTest {

    @Autowired
    PartyService parties;
    @Autowired
    TestMembers testMembers;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theSevenPartiesAreSeeded() {
        assertThat(parties.list()).extracting(Party::code).contains("LAB", "GRN", "LD", "SNP", "PC", "WEP", "NONE");
    }

    @Test
    void onlyAnAdminAddsOrChangesParties() {
        TestMembers.signIn(testMembers.register("Ordinary", "GRN"));
        assertThatThrownBy(() -> parties.create("MK", "Mebyon Kernow", "#000000")).isInstanceOf(AccessDeniedException.class);
        long labour = parties.list().stream().filter(p -> p.code().equals("LAB")).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> parties.update(labour, "Renamed", "#000000")).isInstanceOf(AccessDeniedException.class);
        assertThat(parties.list()).extracting(Party::name).contains("Labour").doesNotContain("Renamed");
    }

    @Test
    void anAdminAddsAPartyOnceAndCorrectsItsColour() {
        TestMembers.signIn(testMembers.registerAdmin("Admin"));
        String code = "Y" + (System.nanoTime() % 100_000_000);
        Party added = parties.create(code, "Yorkshire Party " + code, "#00aeef");
        assertThat(added.colour()).isEqualTo("#00AEEF");
        assertThatThrownBy(() -> parties.create(code, "Another name " + code, "#111111"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("code")).contains("already a party"));
        assertThatThrownBy(() -> parties.create("ZZ" + code.substring(1, 5), "labour", "#111111"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("name")).contains("already a party"));
        assertThat(parties.update(added.id(), "Yorkshire Party " + code, "#123456").colour()).isEqualTo("#123456");
    }
}

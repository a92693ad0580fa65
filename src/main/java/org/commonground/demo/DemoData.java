package org.commonground.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.member.Member;
import org.commonground.member.MemberRepository;
import org.commonground.member.MemberService;
import org.commonground.member.Registration;
import org.commonground.party.PartyRepository;
import org.commonground.security.SignedInMember;
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
    private final GroupService groups;

    public DemoData(MemberService memberService, MemberRepository members, PartyRepository parties, GroupService groups) {
        this.memberService = memberService;
        this.members = members;
        this.parties = parties;
        this.groups = groups;
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
                    parties.findByCode(code).orElseThrow().id(), password(name)));
            people.put(name, new SignedInMember(m.id(), m.email(), m.displayName(), m.partyId(), code, "#000000", m.admin(), null));
        });

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

        // Something for a convenor to act on: pending requests and an open invitation.
        as(people.get("Jamal Ahmed"), () -> groups.requestToJoin(bristol));
        as(people.get("Hannah Cole"), () -> groups.requestToJoin(alliance));
        as(people.get("Amara Okafor"), () -> groups.invite(alliance, email("Isla Campbell")));
        log.info("Demo content created: {} members, 6 groups.", PEOPLE.size());
    }

    private void join(Map<String, SignedInMember> people, long groupId, String convenor, List<String> joiners) {
        for (String name : joiners) {
            as(people.get(name), () -> groups.requestToJoin(groupId));
            as(people.get(convenor), () -> groups.approve(groupId, people.get(name).id()));
        }
    }

    private static <T> T as(SignedInMember member, Supplier<T> action) {
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

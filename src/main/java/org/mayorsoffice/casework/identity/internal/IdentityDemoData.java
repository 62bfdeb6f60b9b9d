package org.mayorsoffice.casework.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.identity.MemberOffice;
import org.mayorsoffice.casework.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisation (default profile only, first start only): the Mayor, two deputy mayors and six
 * cabinet members with their portfolios, and one sign-in per role. All demo users share
 * {@link #DEMO_PASSWORD}, listed in the README.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class IdentityDemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Casework-Demo-2026";

    private static final Log log = LogFactory.getLog(IdentityDemoData.class);

    private final AppUserRepository users;
    private final MemberRepository members;
    private final PortfolioRepository portfolios;
    private final PasswordEncoder passwordEncoder;

    IdentityDemoData(AppUserRepository users, MemberRepository members, PortfolioRepository portfolios,
            PasswordEncoder passwordEncoder) {
        this.users = users;
        this.members = members;
        this.portfolios = portfolios;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        Member mayor = members.save(new Member("Aisha Rahman", MemberOffice.MAYOR, "mayor@council.example.org"));
        Map<String, Member> holders = new LinkedHashMap<>();
        holders.put("Housing", members.save(new Member("Daniel Okafor", MemberOffice.DEPUTY_MAYOR, "daniel.okafor@council.example.org")));
        holders.put("Children & Education", members.save(new Member("Priya Sharma", MemberOffice.DEPUTY_MAYOR, "priya.sharma@council.example.org")));
        holders.put("Environment & Climate", members.save(new Member("Tomasz Nowak", MemberOffice.CABINET_MEMBER, "tomasz.nowak@council.example.org")));
        holders.put("Health & Adult Social Care", members.save(new Member("Fatima Begum", MemberOffice.CABINET_MEMBER, "fatima.begum@council.example.org")));
        holders.put("Resources & Finance", members.save(new Member("James Whitfield", MemberOffice.CABINET_MEMBER, "james.whitfield@council.example.org")));
        holders.put("Safer Communities", members.save(new Member("Abdul Hoque", MemberOffice.CABINET_MEMBER, "abdul.hoque@council.example.org")));
        holders.put("Culture & Recreation", members.save(new Member("Sarah O'Connell", MemberOffice.CABINET_MEMBER, "sarah.oconnell@council.example.org")));
        holders.put("Jobs, Skills & Growth", members.save(new Member("Kwame Mensah", MemberOffice.CABINET_MEMBER, "kwame.mensah@council.example.org")));
        holders.forEach((portfolio, member) -> portfolios.save(new Portfolio(portfolio, null, member)));

        user("caseworker", "Amira Khan", EnumSet.of(Role.CASEWORKER), null);
        user("coordinator", "Tom Reilly", EnumSet.of(Role.COORDINATOR), null);
        user("support", "Grace Obi", EnumSet.of(Role.CABINET_SUPPORT_OFFICER), null);
        user("mayor", "Aisha Rahman", EnumSet.of(Role.MEMBER), mayor);
        user("head", "Helen Marsh", EnumSet.of(Role.HEAD_OF_OFFICE), null);
        user("admin", "Sam Adeyemi", EnumSet.of(Role.ADMIN), null);
        // More of the casework team, so allocation and the allocation board have a real spread.
        user("jpatel", "Jamal Patel", EnumSet.of(Role.CASEWORKER), null);
        user("lchen", "Lucy Chen", EnumSet.of(Role.CASEWORKER), null);
        user("mosei", "Marcus Osei", EnumSet.of(Role.CASEWORKER), null);
        user("rhussain", "Rumana Hussain", EnumSet.of(Role.CASEWORKER), null);
        log.info("Loaded demo users (password in README): caseworker, coordinator, support, mayor, head, admin"
                + " and caseworkers jpatel, lchen, mosei, rhussain");
    }

    private void user(String username, String name, EnumSet<Role> roles, Member member) {
        AppUser user = new AppUser(username, name, username + "@council.example.org", passwordEncoder.encode(DEMO_PASSWORD));
        user.setRoles(roles);
        user.setMember(member);
        users.save(user);
    }
}

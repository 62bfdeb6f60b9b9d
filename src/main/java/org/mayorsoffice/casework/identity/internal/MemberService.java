package org.mayorsoffice.casework.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.MemberOffice;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The executive: members and the portfolios they hold. */
@Service
@Transactional(readOnly = true)
public class MemberService implements org.mayorsoffice.casework.identity.MemberDirectory {

    public record MemberRow(long id, String fullName, String office, String email, String portfolios, boolean active) {}

    public record MemberDetail(long id, String fullName, MemberOffice office, String email, boolean active, long version) {}

    public record MemberData(String fullName, MemberOffice office, String email, boolean active) {}

    public record PortfolioRow(long id, String name, String description, String member, boolean active) {}

    public record PortfolioDetail(long id, String name, String description, Long memberId, boolean active, long version) {}

    public record PortfolioData(String name, String description, Long memberId, boolean active) {}

    private final MemberRepository members;
    private final PortfolioRepository portfolios;
    private final ApplicationEventPublisher events;

    MemberService(MemberRepository members, PortfolioRepository portfolios, ApplicationEventPublisher events) {
        this.members = members;
        this.portfolios = portfolios;
        this.events = events;
    }

    public List<MemberRow> members() {
        Map<Long, String> portfolioNames = portfolios.findAllWithMember().stream()
                .filter(p -> p.getMember() != null && p.isActive())
                .collect(Collectors.groupingBy(p -> p.getMember().getId(),
                        Collectors.mapping(Portfolio::getName, Collectors.joining(", "))));
        return members.findAllOrdered().stream()
                .map(m -> new MemberRow(m.getId(), m.getFullName(), m.getOffice().label(), m.getEmail(),
                        portfolioNames.getOrDefault(m.getId(), ""), m.isActive()))
                .toList();
    }

    public List<Option> memberOptions() {
        return members.findAllOrdered().stream()
                .filter(Member::isActive)
                .map(m -> Option.of(m.getId(), m.getFullName() + " (" + m.getOffice().label() + ")"))
                .toList();
    }

    public MemberDetail member(long id) {
        Member m = members.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        return new MemberDetail(m.getId(), m.getFullName(), m.getOffice(), m.getEmail(), m.isActive(), m.getVersion());
    }

    @Transactional
    public long createMember(MemberData data, String actor) {
        if (members.existsByFullNameIgnoreCase(data.fullName().trim())) {
            throw new RuleViolationException("fullName", "A member with this name already exists");
        }
        Member member = members.save(new Member(data.fullName().trim(), data.office(), blankToNull(data.email())));
        events.publishEvent(AuditEntry.of(actor, "member.created", "member", member.getId())
                .change("fullName", null, member.getFullName())
                .change("office", null, member.getOffice())
                .build());
        return member.getId();
    }

    @Transactional
    public void updateMember(long id, MemberData data, long version, String actor) {
        Member m = members.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        if (m.getVersion() != version) {
            throw new ConcurrentEditException("member", m.getVersion());
        }
        if (members.existsByFullNameIgnoreCaseAndIdNot(data.fullName().trim(), id)) {
            throw new RuleViolationException("fullName", "A member with this name already exists");
        }
        AuditEntry.Builder audit = AuditEntry.of(actor, "member.updated", "member", id)
                .change("fullName", m.getFullName(), data.fullName().trim())
                .change("office", m.getOffice(), data.office())
                .change("email", m.getEmail(), blankToNull(data.email()))
                .change("active", m.isActive(), data.active());
        m.update(data.fullName().trim(), data.office(), blankToNull(data.email()), data.active());
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    public List<PortfolioRow> portfolios() {
        return portfolios.findAllWithMember().stream()
                .map(p -> new PortfolioRow(p.getId(), p.getName(), p.getDescription(),
                        p.getMember() == null ? "" : p.getMember().getFullName(), p.isActive()))
                .toList();
    }

    public List<Option> portfolioOptions() {
        return portfolios.findAllWithMember().stream()
                .filter(Portfolio::isActive)
                .map(p -> Option.of(p.getId(), p.getName()))
                .toList();
    }

    public PortfolioDetail portfolio(long id) {
        Portfolio p = portfolios.findById(id).orElseThrow(() -> new NotFoundException("Portfolio"));
        return new PortfolioDetail(p.getId(), p.getName(), p.getDescription(),
                p.getMember() == null ? null : p.getMember().getId(), p.isActive(), p.getVersion());
    }

    @Transactional
    public long createPortfolio(PortfolioData data, String actor) {
        if (portfolios.existsByNameIgnoreCase(data.name().trim())) {
            throw new RuleViolationException("name", "A portfolio with this name already exists");
        }
        Portfolio p = portfolios.save(new Portfolio(data.name().trim(), blankToNull(data.description()), memberOrNull(data.memberId())));
        events.publishEvent(AuditEntry.of(actor, "portfolio.created", "portfolio", p.getId())
                .change("name", null, p.getName())
                .change("member", null, p.getMember() == null ? null : p.getMember().getFullName())
                .build());
        return p.getId();
    }

    @Transactional
    public void updatePortfolio(long id, PortfolioData data, long version, String actor) {
        Portfolio p = portfolios.findById(id).orElseThrow(() -> new NotFoundException("Portfolio"));
        if (p.getVersion() != version) {
            throw new ConcurrentEditException("portfolio", p.getVersion());
        }
        if (portfolios.existsByNameIgnoreCaseAndIdNot(data.name().trim(), id)) {
            throw new RuleViolationException("name", "A portfolio with this name already exists");
        }
        Member member = memberOrNull(data.memberId());
        AuditEntry.Builder audit = AuditEntry.of(actor, "portfolio.updated", "portfolio", id)
                .change("name", p.getName(), data.name().trim())
                .change("description", p.getDescription(), blankToNull(data.description()))
                .change("member", p.getMember() == null ? null : p.getMember().getFullName(),
                        member == null ? null : member.getFullName())
                .change("active", p.isActive(), data.active());
        p.update(data.name().trim(), blankToNull(data.description()), member, data.active());
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    private Member memberOrNull(Long memberId) {
        if (memberId == null) {
            return null;
        }
        return members.findById(memberId).orElseThrow(() -> new RuleViolationException("memberId", "Select a member from the list"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

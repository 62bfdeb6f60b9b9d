package org.mayorsoffice.casework.media.internal;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.media.internal.MediaViews.CoverageRow;
import org.mayorsoffice.casework.media.internal.MediaViews.NewCoverage;
import org.mayorsoffice.casework.media.internal.MediaViews.Tone;
import org.mayorsoffice.casework.media.internal.MediaViews.ToneCounts;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Media monitoring: coverage items, listed newest first, by portfolio if chosen, with the split by tone. */
@Service
@Transactional(readOnly = true)
public class CoverageService {

    static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final LinkedCases linkedCases;
    private final java.time.Clock clock;

    CoverageService(JdbcClient jdbc, LinkedCases linkedCases, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.linkedCases = linkedCases;
        this.clock = clock;
    }

    /** The 50 most recent items, of the portfolio when one is given. */
    public List<CoverageRow> recent(Long portfolioId, CurrentUser user) {
        MediaService.requireWorker(user);
        record R(long id, String outlet, LocalDate on, String headline, String link, Tone tone, String portfolio,
                String topic) {}
        return jdbc.sql("""
                        select c.id, c.outlet, c.published_on, c.headline, c.link_text, c.tone, p.name as portfolio_name,
                               t.name as topic_name
                          from media_coverage c
                          left join portfolio p on p.id = c.portfolio_id
                          left join topic t on t.id = c.topic_id
                         where (cast(:portfolio as bigint) is null or c.portfolio_id = :portfolio)
                         order by c.published_on desc, c.id desc limit :limit""")
                .param("portfolio", portfolioId).param("limit", PAGE)
                .query((ResultSet rs, int n) -> new R(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), Tone.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8)))
                .list().stream()
                .map(r -> new CoverageRow(r.id(), r.outlet(), r.on(), r.headline(), r.link(), r.tone(), r.portfolio(),
                        r.topic(), linkedCases.shown("media_coverage_case", "media_coverage_id", r.id(), user)))
                .toList();
    }

    public ToneCounts tones(Long portfolioId) {
        return jdbc.sql("""
                        select count(*) filter (where tone = 'POSITIVE'), count(*) filter (where tone = 'NEUTRAL'),
                               count(*) filter (where tone = 'NEGATIVE')
                          from media_coverage where (cast(:portfolio as bigint) is null or portfolio_id = :portfolio)""")
                .param("portfolio", portfolioId)
                .query((ResultSet rs, int n) -> new ToneCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    @Transactional
    public long log(NewCoverage c, CurrentUser user) {
        MediaService.requireWorker(user);
        if (c.publishedOn() != null && c.publishedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new RuleViolationException("publishedOn", "The date must be today or in the past");
        }
        List<Long> caseIds = linkedCases.resolve(c.caseReferences(), user);
        long id = jdbc.sql("insert into media_coverage (outlet, published_on, headline, link_text, tone, portfolio_id,"
                        + " topic_id, created_by_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(c.outlet().strip(), c.publishedOn(), c.headline().strip(), MediaService.blankToNull(c.linkText()),
                        c.tone().name(), c.portfolioId(), c.topicId(), user.id(), user.displayName())
                .query(Long.class).single();
        for (long caseId : caseIds) {
            jdbc.sql("insert into media_coverage_case (media_coverage_id, case_id) values (?, ?)").params(id, caseId).update();
        }
        return id;
    }

}

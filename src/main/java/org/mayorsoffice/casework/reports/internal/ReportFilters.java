package org.mayorsoffice.casework.reports.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The dashboard's filters, bound from GET parameters. The date range applies to the date a case was
 * received; the other filters to the case's ward, portfolio, member and case type.
 */
public class ReportFilters {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Long wardId;
    private Long portfolioId;
    private Long memberId;
    private Long caseTypeId;
    /** The breakdown table's dimension: ward, portfolio, topic, case-type or member. */
    private String by = "ward";

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getWardId() {
        return wardId;
    }

    public void setWardId(Long wardId) {
        this.wardId = wardId;
    }

    public Long getPortfolioId() {
        return portfolioId;
    }

    public void setPortfolioId(Long portfolioId) {
        this.portfolioId = portfolioId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public Long getCaseTypeId() {
        return caseTypeId;
    }

    public void setCaseTypeId(Long caseTypeId) {
        this.caseTypeId = caseTypeId;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by != null && ReportQueries.DIMENSIONS.containsKey(by) ? by : "ward";
    }

    /** The same filters as a query string ("" when none), for export links. */
    /** A copy that later changes to this one (a request's binding) cannot reach: kept with cached figures. */
    public ReportFilters copy() {
        ReportFilters copy = new ReportFilters();
        copy.from = from;
        copy.to = to;
        copy.wardId = wardId;
        copy.portfolioId = portfolioId;
        copy.memberId = memberId;
        copy.caseTypeId = caseTypeId;
        copy.by = by;
        return copy;
    }

    public String queryString() {
        StringBuilder q = new StringBuilder();
        append(q, "from", from);
        append(q, "to", to);
        append(q, "wardId", wardId);
        append(q, "portfolioId", portfolioId);
        append(q, "memberId", memberId);
        append(q, "caseTypeId", caseTypeId);
        append(q, "by", "ward".equals(by) ? null : by);
        return q.isEmpty() ? "" : "?" + q;
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }
    }
}

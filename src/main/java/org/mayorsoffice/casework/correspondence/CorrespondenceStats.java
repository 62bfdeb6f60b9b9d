package org.mayorsoffice.casework.correspondence;

import java.time.LocalDate;

/** Figures for reports. A campaign counts as ONE piece of work, however many people wrote. */
public interface CorrespondenceStats {

    /**
     * @param incoming incoming items received in the period
     * @param outgoing outgoing items sent in the period
     * @param piecesOfWork incoming items not in a campaign, plus each campaign with items in the period once
     * @param campaigns campaigns with incoming items in the period
     * @param inTriage incoming items waiting in the triage inbox now (whenever received)
     */
    record Counts(long incoming, long outgoing, long piecesOfWork, long campaigns, long inTriage) {}

    /** Counts for items received or sent from {@code from} to {@code to}, both inclusive. */
    Counts counts(LocalDate from, LocalDate to);
}

package org.mayorsoffice.casework.people;

/**
 * Published in the merge's transaction when a duplicate record was merged into another: anything
 * that refers to {@code mergedId} should now refer to {@code keptId}.
 *
 * @param keptId the surviving record
 * @param mergedId the duplicate, now hidden from lists and search
 * @param actor the username of who merged them
 */
public record PeopleMerged(long keptId, long mergedId, String actor) {}

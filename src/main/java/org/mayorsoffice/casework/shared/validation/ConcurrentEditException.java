package org.mayorsoffice.casework.shared.validation;

/** Someone else saved the record after this user opened it (optimistic locking). */
public class ConcurrentEditException extends RuntimeException {

    private final long currentVersion;

    public ConcurrentEditException(String what, long currentVersion) {
        super("Someone else changed this " + what + " while you were editing it. Your changes have not been saved:"
                + " check the details below and save again to overwrite their change.", null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}

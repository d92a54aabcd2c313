package io.kaitenimport.issue;

/**
 * What a reported issue costs: {@code count} values of a source field that the package will not carry, and why —
 * the row the {@link LossLedger} counts (the position is the issue's).
 */
public record Loss(String sourceField, String reason, long count) {
    public static Loss of(String sourceField, String reason) {
        return new Loss(sourceField, reason, 1);
    }

    public static Loss of(String sourceField, String reason, long count) {
        return new Loss(sourceField, reason, count);
    }
}

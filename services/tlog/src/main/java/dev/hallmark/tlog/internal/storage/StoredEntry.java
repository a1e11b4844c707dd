package dev.hallmark.tlog.internal.storage;

/**
 * A stored entry: index, body, integration time (seconds since the epoch) and extra data (null if
 * none).
 */
public record StoredEntry(long index, byte[] body, long integratedTime, byte[] extra) {}

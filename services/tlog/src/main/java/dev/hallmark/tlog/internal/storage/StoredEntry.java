package dev.hallmark.tlog.internal.storage;

/** A stored entry: index, body and integration time (seconds since the epoch). */
public record StoredEntry(long index, byte[] body, long integratedTime) {}

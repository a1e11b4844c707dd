package dev.hallmark.tlog.internal.storage;

/** Where a stored entry is, and when it was integrated (seconds since the epoch). */
public record EntryRef(long index, long integratedTime) {}

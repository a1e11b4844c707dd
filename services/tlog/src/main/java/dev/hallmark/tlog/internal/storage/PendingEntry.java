package dev.hallmark.tlog.internal.storage;

/** A submission handed over by a process that does not sequence. */
public record PendingEntry(long id, NewEntry entry) {}

package dev.hallmark.tlog.internal.sequencer;

/** Where an entry landed and the published tree that covers it. */
public record Sequenced(long index, boolean duplicate, Published published) {}

package dev.hallmark.tlog.internal.sequencer;

/** Where an entry landed, when, and the published tree that covers it. */
public record Sequenced(long index, long integratedTime, boolean duplicate, Published published) {}

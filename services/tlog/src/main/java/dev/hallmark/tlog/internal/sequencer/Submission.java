package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.tlog.internal.storage.NewEntry;
import java.util.concurrent.CompletableFuture;

/** An entry waiting for its index, and the future that gets it. */
record Submission(NewEntry entry, CompletableFuture<Sequenced> result, long deadlineNanos) {}

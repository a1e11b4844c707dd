package dev.hallmark.tlog.internal.sequencer;

import dev.hallmark.tlog.LogSnapshot;
import dev.hallmark.tlog.internal.tiles.TreeView;

/** A signed checkpoint together with the tree view it signs. Immutable. */
public record Published(LogSnapshot snapshot, TreeView tree) {}

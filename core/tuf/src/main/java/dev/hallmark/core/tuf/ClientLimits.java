package dev.hallmark.core.tuf;

/**
 * Bounds the TUF client puts on what a repository may make it do (TUF 1.0 §5: endless-data and
 * endless-rotation protection).
 *
 * @param maxRootRotations the most new root versions one refresh follows
 * @param rootMaxLength the most bytes of one root file
 * @param timestampMaxLength the most bytes of {@code timestamp.json}
 * @param snapshotMaxLength the most bytes of snapshot metadata when timestamp gives no length
 * @param targetsMaxLength the most bytes of targets metadata when snapshot gives no length
 */
public record ClientLimits(
    int maxRootRotations,
    long rootMaxLength,
    long timestampMaxLength,
    long snapshotMaxLength,
    long targetsMaxLength) {

  /** The python-tuf ngclient sizes (512 kB root, 16 KiB timestamp, 2 MB snapshot, 5 MB targets). */
  public static final ClientLimits DEFAULT =
      new ClientLimits(256, 512_000, 16_384, 2_000_000, 5_000_000);

  /** Validates. */
  public ClientLimits {
    if (maxRootRotations < 1
        || rootMaxLength < 1
        || timestampMaxLength < 1
        || snapshotMaxLength < 1
        || targetsMaxLength < 1) {
      throw new IllegalArgumentException("client limits must be positive");
    }
  }
}

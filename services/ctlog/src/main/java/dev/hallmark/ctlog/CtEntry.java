package dev.hallmark.ctlog;

/** A logged entry as {@code get-entries} returns it: the Merkle leaf input and its extra data. */
public record CtEntry(byte[] leafInput, byte[] extraData) {
  public CtEntry {
    leafInput = leafInput.clone();
    extraData = extraData == null ? new byte[0] : extraData.clone();
  }

  @Override
  public byte[] leafInput() {
    return leafInput.clone();
  }

  @Override
  public byte[] extraData() {
    return extraData.clone();
  }
}

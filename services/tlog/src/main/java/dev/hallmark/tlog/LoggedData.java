package dev.hallmark.tlog;

/**
 * An entry as stored: index, body (the hashed leaf input), integration time (epoch seconds) and the
 * extra data stored beside it (null if none).
 */
public record LoggedData(long index, byte[] body, long integratedTime, byte[] extra) {}

package io.luxtensor.state;

/**
 * The state of one root kept as plain key-value pairs (one read per account instead of a walk down the trie), as the
 * node keeps it for its head. It must hold every account and slot of that root, since absence reads as empty.
 */
public interface FlatState extends StateReader {}

package io.luxtensor.trie;

import java.util.Optional;

/**
 * One step of looking a key up, shared by reads, proof building and proof checking: from a node whose content is
 * known, either the answer or the child to go to next. How a child that is only a hash gets loaded is the caller's.
 */
sealed interface LookupStep {

  /** The lookup ended: the key's value, or empty if the trie proves it absent. */
  record Answer(Optional<byte[]> value) implements LookupStep {}

  /** The lookup continues at {@code child}, with the key's nibbles from {@code keyPosition} still to match. */
  record Descend(TrieNode child, int keyPosition) implements LookupStep {}

  Answer ABSENT = new Answer(Optional.empty());

  static LookupStep from(ContentNode node, byte[] key, int keyPosition) {
    return switch (node) {
      case LeafNode leaf ->
          Nibbles.endsWith(key, keyPosition, leaf.path()) ? new Answer(Optional.of(leaf.value())) : ABSENT;
      case ExtensionNode extension -> Nibbles.startsWith(key, keyPosition, extension.path())
          ? new Descend(extension.child(), keyPosition + extension.path().length)
          : ABSENT;
      case BranchNode branch -> {
        if (keyPosition == key.length) {
          yield branch.value().length == 0 ? ABSENT : new Answer(Optional.of(branch.value()));
        }
        yield new Descend(branch.child(key[keyPosition]), keyPosition + 1);
      }
    };
  }
}

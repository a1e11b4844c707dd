package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument contracts of ProofBuilder and MemoryTree. */
class ProofBuilderTest {
  private static MemoryTree tree(int size) {
    MemoryTree tree = new MemoryTree();
    for (int i = 0; i < size; i++) {
      tree.append(Rfc6962.leafHash(new byte[] {(byte) i}));
    }
    return tree;
  }

  @Test
  void rootOfEmptyAndSingleLeafTrees() {
    MemoryTree tree = tree(1);
    ProofBuilder builder = new ProofBuilder(tree);
    assertThat(builder.root(0)).isEqualTo(Rfc6962.emptyRoot());
    assertThat(builder.root(1)).isEqualTo(Rfc6962.leafHash(new byte[] {0}));
    assertThat(builder.inclusionProof(0, 1)).isEmpty();
    assertThat(builder.consistencyProof(1, 1)).isEmpty();
    assertThatThrownBy(() -> builder.root(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"5, 5", "6, 5", "-1, 5", "0, 0", "0, -1"})
  void inclusionProofNeedsIndexBelowSize(long index, long size) {
    ProofBuilder builder = new ProofBuilder(tree(8));
    assertThatThrownBy(() -> builder.inclusionProof(index, size))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0, 5", "6, 5", "-1, 5", "-2, -1"})
  void consistencyProofNeedsPositiveOrderedSizes(long size1, long size2) {
    ProofBuilder builder = new ProofBuilder(tree(8));
    assertThatThrownBy(() -> builder.consistencyProof(size1, size2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofsAreUnmodifiable() {
    ProofBuilder builder = new ProofBuilder(tree(8));
    assertThatThrownBy(() -> builder.inclusionProof(2, 7).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> builder.consistencyProof(3, 7).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sourceExceptionsPropagate() {
    UncheckedIOException failure = new UncheckedIOException(new IOException("disk"));
    ProofBuilder builder =
        new ProofBuilder(
            (level, index) -> {
              throw failure;
            });
    assertThatThrownBy(() -> builder.root(5)).isSameAs(failure);
    assertThatThrownBy(() -> builder.inclusionProof(1, 5)).isSameAs(failure);
  }

  @Test
  void memoryTreeServesOnlyCompleteSubtrees() {
    MemoryTree tree = tree(6);
    assertThat(tree.size()).isEqualTo(6);
    assertThat(tree.subtree(2, 0))
        .isEqualTo(
            Rfc6962.nodeHash(
                Rfc6962.nodeHash(tree.subtree(0, 0), tree.subtree(0, 1)), tree.subtree(1, 1)));
    assertThat(tree.subtree(1, 2)).isNotNull();
    assertThatThrownBy(() -> tree.subtree(0, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(64, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.subtree(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memoryTreeGrowsPastOnePage() {
    MemoryTree tree = new MemoryTree();
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < 70_000; i++) {
      Hash leaf = Rfc6962.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
      tree.append(leaf);
      range.append(leaf);
    }
    assertThat(new ProofBuilder(tree).root(70_000)).isEqualTo(range.root());
    assertThat(tree.subtree(0, 69_999)).isEqualTo(Rfc6962.leafHash(new byte[] {0x6f, 0x11, 0x01}));
  }
}

package dev.hallmark.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
  @Test
  void emptyRange() {
    CompactRange empty = CompactRange.empty();
    assertThat(empty.end()).isZero();
    assertThat(empty.hashes()).isEmpty();
    assertThat(empty.root()).isEqualTo(Rfc6962.emptyRoot());
    assertThat(CompactRange.of(0, new MemoryTree()).root()).isEqualTo(Rfc6962.emptyRoot());
  }

  @Test
  void appendingMatchesMemoryTreeAndReference() {
    Random random = new Random(7);
    List<byte[]> entries = new ArrayList<>();
    MemoryTree tree = new MemoryTree();
    ProofBuilder builder = new ProofBuilder(tree);
    CompactRange range = CompactRange.empty();
    for (int size = 1; size <= 3000; size++) {
      byte[] entry = new byte[1 + random.nextInt(16)];
      random.nextBytes(entry);
      entries.add(entry);
      Hash leaf = Rfc6962.leafHash(entry);
      tree.append(leaf);
      range.append(leaf);
      assertThat(range.end()).isEqualTo(size);
      assertThat(range.hashes()).hasSize(Long.bitCount(size));
      Hash root = range.root();
      assertThat(root).as("size %d", size).isEqualTo(builder.root(size));
      CompactRange read = CompactRange.of(size, tree);
      assertThat(read.end()).isEqualTo(size);
      assertThat(read.hashes()).as("size %d", size).isEqualTo(range.hashes());
    }
    ReferenceMerkle reference = new ReferenceMerkle(entries);
    for (int size = 0; size <= 3000; size += 37) {
      assertThat(CompactRange.of(size, tree).root()).isEqualTo(Hash.of(reference.mth(0, size)));
    }
  }

  @Test
  void appendAllEqualsRepeatedAppend() {
    Random random = new Random(8);
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] b = new byte[Hash.SIZE];
      random.nextBytes(b);
      leaves.add(Hash.of(b));
    }
    CompactRange one = CompactRange.empty();
    leaves.forEach(one::append);
    CompactRange batched = CompactRange.of(3, subtreesOf(leaves));
    batched.appendAll(leaves.subList(3, 500));
    batched.appendAll(leaves.subList(500, 1000));
    assertThat(batched.end()).isEqualTo(one.end());
    assertThat(batched.hashes()).isEqualTo(one.hashes());
    assertThat(batched.root()).isEqualTo(one.root());
  }

  @Test
  void hugeRangesFromASparseTree() {
    long max = Long.MAX_VALUE;
    SparseTree tree = new SparseTree(max, 0, max - 3, max - 2, max - 1);
    ProofBuilder builder = new ProofBuilder(tree);
    CompactRange range = CompactRange.of(max - 3, tree);
    assertThat(range.hashes()).hasSize(Long.bitCount(max - 3));
    assertThat(range.root()).isEqualTo(builder.root(max - 3));
    for (long next = max - 3; next < max; next++) {
      range.append(tree.leaf(next));
      assertThat(range.root()).isEqualTo(builder.root(next + 1));
    }
    assertThat(range.end()).isEqualTo(max);
    assertThat(range.hashes()).hasSize(63).isEqualTo(CompactRange.of(max, tree).hashes());
    assertThatThrownBy(() -> range.append(tree.leaf(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsNegativeSize() {
    assertThatThrownBy(() -> CompactRange.of(-1, new MemoryTree()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static MemoryTree subtreesOf(List<Hash> leaves) {
    MemoryTree tree = new MemoryTree();
    tree.appendAll(leaves);
    return tree;
  }
}

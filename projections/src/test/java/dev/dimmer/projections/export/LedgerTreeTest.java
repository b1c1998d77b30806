package dev.dimmer.projections.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.MerkleTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kept, growing tree gives the library's roots, audit paths and consistency proofs for every size up to what it
 * holds, odd sizes included, without a rebuild.
 */
class LedgerTreeTest {
    @Test
    void shouldGiveTheLibrarysRootsAuditPathsAndConsistencyProofsForEverySizeItHolds() {
        List<byte[]> leaves = new ArrayList<>();
        LedgerTree tree = new LedgerTree();
        for (int n = 1; n <= 70; n++) {
            byte[] leaf = Leaf.hash(new byte[]{(byte) n, (byte) (n >> 8)});
            leaves.add(leaf);
            tree.append(leaf);
        }
        for (int n = 1; n <= 70; n++) {
            byte[] root = MerkleTree.root(leaves, 0, n);
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusion(i, n);
                assertThat(path).as("path of %d in %d", i, n).usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, i, n));
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, n, path, root)).isTrue();
            }
            for (int m = 0; m <= n; m++) {
                assertThat(tree.consistency(m, n)).as("consistency %d -> %d", m, n)
                        .usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.consistencyProof(leaves, m, n));
            }
        }
        assertThat(tree.root(0)).isEqualTo(MerkleTree.emptyRoot());
        assertThatThrownBy(() -> tree.inclusion(0, 71)).isInstanceOf(IllegalArgumentException.class);
    }
}

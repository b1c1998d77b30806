package dev.dimmer.projections.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kept tree gives the library's roots and audit paths for every size and leaf, odd sizes included. */
class ProofTreeTest {
    @Test
    void shouldGiveTheLibrarysRootsAndAuditPaths() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= 70; n++) {
            leaves.add(Leaf.hash(new byte[]{(byte) n, (byte) (n >> 8)}));
            ProofTree tree = new ProofTree(leaves);
            assertThat(tree.root()).as("root of %d", n).isEqualTo(MerkleTree.root(leaves));
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusion(i);
                assertThat(path).as("path of %d in %d", i, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, i, n));
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, n, path, tree.root())).isTrue();
            }
        }
    }
}

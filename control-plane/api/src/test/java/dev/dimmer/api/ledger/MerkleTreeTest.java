package dev.dimmer.api.ledger;

import static dev.dimmer.api.ledger.MerkleTree.hex;
import static dev.dimmer.api.ledger.MerkleTree.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** RFC 6962 / transparency-dev test data: eight leaves, the roots of their prefixes, known proofs. */
class MerkleTreeTest {

    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final List<byte[]> HASHES = LEAVES.stream().map(h -> Leaf.hash(unhex(h))).toList();

    @Test
    void shouldHashTheEmptyTreeAsSha256OfNothing() {
        assertThat(hex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void shouldComputeTheKnownRootOfEveryPrefix() {
        for (int size = 1; size <= 8; size++) {
            assertThat(hex(MerkleTree.root(HASHES.subList(0, size)))).as("root of %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void shouldGenerateTheKnownInclusionProofs() {
        assertThat(hexes(MerkleTree.inclusionProof(HASHES, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(MerkleTree.inclusionProof(HASHES, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(MerkleTree.inclusionProof(HASHES, 2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hexes(MerkleTree.inclusionProof(HASHES, 1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.inclusionProof(HASHES, 0, 1)).isEmpty();
    }

    @Test
    void shouldGenerateTheKnownConsistencyProofs() {
        assertThat(MerkleTree.consistencyProof(HASHES, 1, 1)).isEmpty();
        assertThat(hexes(MerkleTree.consistencyProof(HASHES, 1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(MerkleTree.consistencyProof(HASHES, 6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(MerkleTree.consistencyProof(HASHES, 2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void shouldVerifyEveryInclusionProofItGeneratesAndRefuseATamperedOne() {
        List<byte[]> leaves = leaves(70);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves.subList(0, size));
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, root)).isTrue();
                assertThat(MerkleTree.verifyInclusion(flip(leaves.get(index)), index, size, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, flip(root))).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flip(proof.get(i)));
                    assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, tampered, root)).isFalse();
                }
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertThat(MerkleTree.verifyInclusion(leaves.get(index), other, size, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void shouldVerifyEveryConsistencyProofItGeneratesAndRefuseATamperedOne() {
        List<byte[]> leaves = leaves(40);
        for (int second = 1; second <= leaves.size(); second++) {
            byte[] secondRoot = MerkleTree.root(leaves.subList(0, second));
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = MerkleTree.root(leaves.subList(0, first));
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                assertThat(MerkleTree.verifyConsistency(first, second, flip(firstRoot), secondRoot, proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, flip(secondRoot), proof)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flip(proof.get(i)));
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, tampered)).isFalse();
                }
            }
        }
    }

    @Test
    void shouldComputeTheRootOfAMillionLeavesInLinearTime() {
        List<byte[]> leaves = leaves(1 << 20);
        long started = System.nanoTime();
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, 123_456, leaves.size());
        assertThat(proof).hasSize(20);
        assertThat(MerkleTree.verifyInclusion(leaves.get(123_456), 123_456, leaves.size(), proof, root)).isTrue();
        assertThat(MerkleTree.consistencyProof(leaves, 999_999, leaves.size()).size()).isLessThanOrEqualTo(2 * 20);
        assertThat(System.nanoTime() - started).isLessThan(60_000_000_000L);
    }

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(Leaf.hash(Integer.toString(i).getBytes()));
        }
        return leaves;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 1;
        return copy;
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTree::hex).collect(Collectors.toList());
    }
}

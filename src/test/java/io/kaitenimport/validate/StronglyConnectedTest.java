package io.kaitenimport.validate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StronglyConnectedTest {
    @Test
    void millionCardChainClosedIntoOneCycleNeedsNoDeepStack() {
        int n = 1_000_000;
        int[] offsets = new int[n + 1];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = i + 1;
            targets[i] = (i + 1) % n; // each card is the child of the next; the last of the first
        }
        List<int[]> components = StronglyConnected.components(offsets, targets);
        assertEquals(1, components.size());
        assertEquals(n, components.get(0).length);
    }

    @Test
    void treesHaveNoComponents() {
        // 0 → 1 → 2, 3 → 1: no cycle
        int[] offsets = {0, 1, 2, 2, 3};
        int[] targets = {1, 2, 1};
        assertEquals(0, StronglyConnected.components(offsets, targets).size());
    }
}

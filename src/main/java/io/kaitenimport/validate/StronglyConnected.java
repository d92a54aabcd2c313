package io.kaitenimport.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tarjan's strongly connected components of more than one node, over a graph in compressed-sparse-row form (node i's successors are
 * {@code targets[offsets[i] .. offsets[i+1])}), iterative and on int arrays only: a recursive walk would overflow
 * the stack on a long parent chain, and per-node objects would not fit millions of cards in a small heap.
 */
final class StronglyConnected {
    private StronglyConnected() {
    }

    static List<int[]> components(int[] offsets, int[] targets) {
        int n = offsets.length - 1;
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        boolean[] onStack = new boolean[n];
        int[] workNode = new int[n];
        int[] workEdge = new int[n];
        List<int[]> result = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            workNode[0] = root;
            workEdge[0] = offsets[root];
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = workNode[depth];
                int e = workEdge[depth];
                if (e < offsets[v + 1]) {
                    workEdge[depth] = e + 1;
                    int w = targets[e];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        workNode[depth] = w;
                        workEdge[depth] = offsets[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                depth--;
                if (depth >= 0) {
                    int parent = workNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int start = stackSize;
                    do {
                        start--;
                    } while (stack[start] != v);
                    for (int i = start; i < stackSize; i++) {
                        onStack[stack[i]] = false;
                    }
                    if (stackSize - start > 1) { // a single card is no cycle (self links are reported elsewhere)
                        result.add(Arrays.copyOfRange(stack, start, stackSize));
                    }
                    stackSize = start;
                }
            }
        }
        return result;
    }
}

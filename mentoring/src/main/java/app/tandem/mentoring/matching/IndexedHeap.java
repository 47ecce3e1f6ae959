package app.tandem.mentoring.matching;

import java.util.Arrays;

/** A binary min-heap of node indexes keyed by a shared distance array, with decrease-key: Dijkstra's queue. */
final class IndexedHeap {

    private final long[] key;
    private final int[] heap;
    private final int[] position;
    private int size;

    IndexedHeap(int nodes, long[] key) {
        this.key = key;
        this.heap = new int[nodes];
        this.position = new int[nodes];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds the node, or moves it up after its key decreased. */
    void decreaseOrAdd(int node) {
        int i = position[node];
        if (i < 0) {
            i = size++;
            heap[i] = node;
            position[node] = i;
        }
        up(i);
    }

    int poll() {
        int top = heap[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            down(0);
        }
        return top;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    private void up(int i) {
        int node = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (key[heap[p]] <= key[node]) {
                break;
            }
            heap[i] = heap[p];
            position[heap[i]] = i;
            i = p;
        }
        heap[i] = node;
        position[node] = i;
    }

    private void down(int i) {
        int node = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && key[heap[c + 1]] < key[heap[c]]) {
                c++;
            }
            if (key[heap[c]] >= key[node]) {
                break;
            }
            heap[i] = heap[c];
            position[heap[i]] = i;
            i = c;
        }
        heap[i] = node;
        position[node] = i;
    }
}

package dev.switchboard.server.gguf;

/**
 * Storage sizes of ggml tensor types: values per block and bytes per block, from ggml's
 * {@code type_traits} table (ggml.c) as of the llama.cpp bundled in java-llama.cpp 4.2.0.
 */
final class GgmlTypes {

    // {type, block size, bytes per block}
    private static final int[][] TABLE = {
        {0, 1, 4}, {1, 1, 2}, {2, 32, 18}, {3, 32, 20}, {6, 32, 22}, {7, 32, 24}, {8, 32, 34}, {9, 32, 36},
        {10, 256, 84}, {11, 256, 110}, {12, 256, 144}, {13, 256, 176}, {14, 256, 210}, {15, 256, 292},
        {16, 256, 66}, {17, 256, 74}, {18, 256, 98}, {19, 256, 50}, {20, 32, 18}, {21, 256, 110},
        {22, 256, 82}, {23, 256, 136}, {24, 1, 1}, {25, 1, 2}, {26, 1, 4}, {27, 1, 8}, {28, 1, 8},
        {29, 256, 56}, {30, 1, 2}, {34, 256, 54}, {35, 256, 66},
    };

    private GgmlTypes() {
    }

    /**
     * The bytes a tensor of {@code type} and {@code dims} occupies; -1 for an unknown type, -2 if
     * the first dimension is not a multiple of the type's block size.
     */
    static long bytes(int type, long[] dims) {
        for (int[] row : TABLE) {
            if (row[0] == type) {
                if (dims[0] % row[1] != 0) {
                    return -2;
                }
                long count = dims[0] / row[1];
                for (int i = 1; i < dims.length; i++) {
                    count = Math.multiplyExact(count, dims[i]);
                }
                return Math.multiplyExact(count, row[2]);
            }
        }
        return -1;
    }
}

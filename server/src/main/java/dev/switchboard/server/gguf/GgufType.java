package dev.switchboard.server.gguf;

/** GGUF metadata value types (ggml {@code docs/gguf.md}, {@code enum gguf_metadata_value_type}). */
final class GgufType {
    static final int UINT8 = 0;
    static final int INT8 = 1;
    static final int UINT16 = 2;
    static final int INT16 = 3;
    static final int UINT32 = 4;
    static final int INT32 = 5;
    static final int FLOAT32 = 6;
    static final int BOOL = 7;
    static final int STRING = 8;
    static final int ARRAY = 9;
    static final int UINT64 = 10;
    static final int INT64 = 11;
    static final int FLOAT64 = 12;

    private GgufType() {
    }

    /** Bytes of a fixed-size value, or -1 for STRING and ARRAY, -2 for an unknown type. */
    static int size(int type) {
        switch (type) {
            case UINT8: case INT8: case BOOL:
                return 1;
            case UINT16: case INT16:
                return 2;
            case UINT32: case INT32: case FLOAT32:
                return 4;
            case UINT64: case INT64: case FLOAT64:
                return 8;
            case STRING: case ARRAY:
                return -1;
            default:
                return -2;
        }
    }
}

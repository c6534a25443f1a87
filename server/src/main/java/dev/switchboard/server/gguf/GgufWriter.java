package dev.switchboard.server.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF version 3 file: metadata key/values, then F32 tensors. Little-endian, tensor data
 * aligned to 32 bytes ({@code general.alignment}'s default), as specified in ggml's
 * {@code docs/gguf.md}. Only what {@link DemoModel} needs: scalar metadata of types UINT32,
 * FLOAT32, BOOL and STRING, arrays of STRING, FLOAT32 and INT32, and F32 tensors (or raw tensors of
 * another ggml type). A key or tensor added twice keeps the last value.
 *
 * <p>Not thread-safe; one writer builds one file.
 */
public final class GgufWriter {

    static final int ALIGNMENT = 32;
    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] dims, int type, byte[] data) {
    }

    /** An unsigned 32-bit value (GGUF type 4); {@code value} must not be negative. */
    public GgufWriter putUInt32(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, was " + value);
        }
        metadata.put(key, new UInt32(value));
        return this;
    }

    /** A 32-bit float (GGUF type 6). */
    public GgufWriter putFloat32(String key, float value) {
        metadata.put(key, value);
        return this;
    }

    /** A boolean (GGUF type 7). */
    public GgufWriter putBool(String key, boolean value) {
        metadata.put(key, value);
        return this;
    }

    /** A UTF-8 string (GGUF type 8). */
    public GgufWriter putString(String key, String value) {
        metadata.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /** An array of UTF-8 strings. */
    public GgufWriter putStrings(String key, List<String> values) {
        metadata.put(key, List.copyOf(values));
        return this;
    }

    /** An array of 32-bit floats. */
    public GgufWriter putFloats(String key, float[] values) {
        metadata.put(key, values.clone());
        return this;
    }

    /** An array of signed 32-bit integers. */
    public GgufWriter putInts(String key, int[] values) {
        metadata.put(key, values.clone());
        return this;
    }

    /**
     * An F32 tensor. {@code dims} are in ggml's order: {@code dims[0]} varies fastest, so a matrix
     * of {@code rows} rows of {@code n} values is {@code {n, rows}}.
     *
     * @throws IllegalArgumentException if the product of {@code dims} is not {@code data.length}
     */
    public GgufWriter addTensor(String name, long[] dims, float[] data) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != data.length) {
            throw new IllegalArgumentException(name + ": dims hold " + count + " values, data has " + data.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        tensors.removeIf(t -> t.name().equals(name));
        tensors.add(new Tensor(name, dims.clone(), 0, bytes.array()));
        return this;
    }

    /**
     * A tensor of any ggml type, its bytes as given (already in that type's block layout). For
     * files that test what a loader does with unusual or wrong tensor types.
     *
     * @param type ggml type number (0 F32, 1 F16, 2 Q4_0, 8 Q8_0, …)
     * @throws IllegalArgumentException if {@code data} is not the size {@code type} and {@code dims} need,
     *                                  or the type is unknown
     */
    public GgufWriter addTensor(String name, long[] dims, int type, byte[] data) {
        long expected = GgmlTypes.bytes(type, dims);
        if (expected != data.length) {
            throw new IllegalArgumentException(name + ": type " + type + " with these dims needs " + expected
                    + " bytes, data has " + data.length);
        }
        tensors.removeIf(t -> t.name().equals(name));
        tensors.add(new Tensor(name, dims.clone(), type, data.clone()));
        return this;
    }

    /**
     * Writes the file, replacing {@code path}.
     *
     * @throws IOException if it cannot be written
     */
    public void write(Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            write(out);
        }
    }

    /** Writes the file to {@code out} (not closed). */
    public void write(OutputStream raw) throws IOException {
        Counting out = new Counting(raw);
        out.u32(MAGIC);
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, Object> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            value(out, kv.getValue());
        }
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name());
            out.u32(t.dims().length);
            for (long d : t.dims()) {
                out.u64(d);
            }
            out.u32(t.type());
            out.u64(offset);
            offset = align(offset + t.data().length);
        }
        out.pad();
        for (Tensor t : tensors) {
            out.bytes(t.data());
            out.pad();
        }
        out.flush();
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static void value(Counting out, Object value) throws IOException {
        if (value instanceof UInt32 u) {
            out.u32(GgufType.UINT32);
            out.u32(u.value());
        } else if (value instanceof Float f) {
            out.u32(GgufType.FLOAT32);
            out.f32(f);
        } else if (value instanceof Boolean b) {
            out.u32(GgufType.BOOL);
            out.bytes(new byte[] {(byte) (b ? 1 : 0)});
        } else if (value instanceof String s) {
            out.u32(GgufType.STRING);
            out.string(s);
        } else if (value instanceof float[] fs) {
            out.u32(GgufType.ARRAY);
            out.u32(GgufType.FLOAT32);
            out.u64(fs.length);
            for (float f : fs) {
                out.f32(f);
            }
        } else if (value instanceof int[] is) {
            out.u32(GgufType.ARRAY);
            out.u32(GgufType.INT32);
            out.u64(is.length);
            for (int i : is) {
                out.u32(i);
            }
        } else {
            List<?> strings = (List<?>) value;
            out.u32(GgufType.ARRAY);
            out.u32(GgufType.STRING);
            out.u64(strings.size());
            for (Object s : strings) {
                out.string((String) s);
            }
        }
    }

    private record UInt32(int value) {
    }

    /** Little-endian primitives, counting bytes for alignment. */
    private static final class Counting {
        private final OutputStream out;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        Counting(OutputStream out) {
            this.out = out;
        }

        void u32(int v) throws IOException {
            scratch.clear();
            scratch.putInt(v);
            bytes(scratch.array(), 4);
        }

        void u64(long v) throws IOException {
            scratch.clear();
            scratch.putLong(v);
            bytes(scratch.array(), 8);
        }

        void f32(float v) throws IOException {
            u32(Float.floatToRawIntBits(v));
        }

        void string(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            bytes(utf8);
        }

        void bytes(byte[] b) throws IOException {
            bytes(b, b.length);
        }

        void bytes(byte[] b, int length) throws IOException {
            out.write(b, 0, length);
            written += length;
        }

        void pad() throws IOException {
            int padding = (int) (align(written) - written);
            bytes(new byte[padding]);
        }

        void flush() throws IOException {
            out.flush();
        }
    }
}

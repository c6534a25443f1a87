package dev.switchboard.server.gguf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a GGUF file says about itself, read and checked by our own code before llama.cpp sees the
 * file: the header, every metadata key/value, and the tensor table, with each tensor's data checked
 * to lie inside the file. llama.cpp aborts the process on some malformed files; reading them here
 * first turns that into a {@link GgufFormatException} naming the fault.
 *
 * <p>Follows ggml's {@code docs/gguf.md}: versions 2 and 3, little-endian only. Scalar metadata is
 * kept ({@code Long} for integers, {@code Double} for floats, {@code Boolean}, {@code String}); of
 * an array only its element type and length are kept ({@link ArrayInfo}). Immutable.
 *
 * @param version    the GGUF version, 2 or 3
 * @param metadata   the key/values in file order
 * @param tensors    the tensor table in file order
 * @param fileSize   the file's size in bytes
 */
public record GgufFile(int version, Map<String, Object> metadata, List<TensorInfo> tensors, long fileSize) {

    /** Caps that keep a corrupt count from making the reader allocate or loop without end. */
    private static final long MAX_COUNT = 1L << 24;
    private static final int MAX_STRING = 64 << 20;

    /** A metadata array: its element type (GGUF value type number) and length. */
    public record ArrayInfo(int elementType, long length) {
    }

    /**
     * One entry of the tensor table.
     *
     * @param name   the tensor's name, e.g. {@code blk.0.attn_q.weight}
     * @param dims   its dimensions in ggml order (the first varies fastest)
     * @param type   the ggml type number (0 F32, 1 F16, 8 Q8_0, 12 Q4_K, …)
     * @param offset where its data begins, relative to the start of the data section
     */
    public record TensorInfo(String name, long[] dims, int type, long offset) {
    }

    /** Copies the collections. */
    public GgufFile {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /**
     * Reads and checks the file's header, metadata and tensor table (not the tensor values).
     *
     * @throws GgufFormatException if the file is not GGUF, is cut short, or is inconsistent (the
     *                             message names what and where)
     * @throws IOException         if it cannot be read
     */
    public static GgufFile read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Parser(channel, path).parse();
        }
    }

    /** {@code general.architecture}, e.g. {@code llama}, {@code qwen2}; empty if absent. */
    public Optional<String> architecture() {
        return string("general.architecture");
    }

    /** The string at {@code key}, if present and a string. */
    public Optional<String> string(String key) {
        Object v = metadata.get(key);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The integer at {@code key}, if present and an integer type. */
    public Optional<Long> integer(String key) {
        Object v = metadata.get(key);
        return v instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** The boolean at {@code key}, if present and a boolean. */
    public Optional<Boolean> bool(String key) {
        Object v = metadata.get(key);
        return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The length of the array at {@code key}, if present and an array. */
    public Optional<Long> arrayLength(String key) {
        Object v = metadata.get(key);
        return v instanceof ArrayInfo a ? Optional.of(a.length()) : Optional.empty();
    }

    /** {@code tokenizer.chat_template}; empty if the model has none. */
    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template");
    }

    /** {@code <arch>.embedding_length}: the width of the hidden state and of embeddings; empty if absent. */
    public Optional<Long> embeddingLength() {
        return architecture().flatMap(a -> integer(a + ".embedding_length"));
    }

    /** {@code <arch>.context_length}: the context the model was trained for; empty if absent. */
    public Optional<Long> contextLength() {
        return architecture().flatMap(a -> integer(a + ".context_length"));
    }

    /**
     * Whether llama.cpp puts a BOS token before a prompt: {@code tokenizer.ggml.add_bos_token} if
     * present, else llama.cpp's default for the tokenizer ({@code true} for SentencePiece
     * {@code llama} and WordPiece {@code bert}, {@code false} otherwise; llama-vocab.cpp).
     */
    public boolean addsBos() {
        return bool("tokenizer.ggml.add_bos_token").orElseGet(() -> {
            String model = string("tokenizer.ggml.model").orElse("");
            return model.equals("llama") || model.equals("bert");
        });
    }

    private static final class Parser {
        private final FileChannel channel;
        private final Path path;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long bufferStart;

        Parser(FileChannel channel, Path path) throws IOException {
            this.channel = channel;
            this.path = path;
            this.size = channel.size();
            buffer.limit(0);
        }

        GgufFile parse() throws IOException {
            if (size < 24) {
                throw fail("is " + size + " bytes, too short for a GGUF header (24 bytes)");
            }
            int magic = u32();
            if (magic != GgufWriter.MAGIC) {
                throw fail(String.format("does not start with the GGUF magic (found 0x%08x); not a GGUF file", magic));
            }
            int version = u32();
            if (version != 2 && version != 3) {
                throw fail("has GGUF version " + version + "; versions 2 and 3 are supported");
            }
            long tensorCount = count("tensor count");
            long kvCount = count("metadata count");
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = string("metadata key " + i);
                int type = u32();
                metadata.put(key, value(type, key));
            }
            long alignment = metadata.get("general.alignment") instanceof Long a ? a : GgufWriter.ALIGNMENT;
            if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
                throw fail("general.alignment is " + alignment + ", not a power of two");
            }
            List<TensorInfo> tensors = new ArrayList<>();
            for (long i = 0; i < tensorCount; i++) {
                String name = string("tensor name " + i);
                int dimCount = u32();
                if (dimCount < 1 || dimCount > 4) {
                    throw fail("tensor '" + name + "' has " + dimCount + " dimensions; ggml allows 1 to 4");
                }
                long[] dims = new long[dimCount];
                for (int d = 0; d < dimCount; d++) {
                    dims[d] = u64();
                    if (dims[d] <= 0 || dims[d] > (1L << 40)) {
                        throw fail("tensor '" + name + "' has dimension " + d + " of " + dims[d]);
                    }
                }
                int type = u32();
                long offset = u64();
                tensors.add(new TensorInfo(name, dims, type, offset));
            }
            long dataStart = (position() + alignment - 1) / alignment * alignment;
            for (TensorInfo t : tensors) {
                long bytes = GgmlTypes.bytes(t.type(), t.dims());
                if (bytes < 0) {
                    throw fail("tensor '" + t.name() + "' has ggml type " + t.type()
                            + (bytes == -1 ? ", which this reader does not know" : " with a first dimension "
                            + t.dims()[0] + " that is not a multiple of its block size"));
                }
                if (t.offset() % alignment != 0) {
                    throw fail("tensor '" + t.name() + "' starts at offset " + t.offset() + ", not aligned to " + alignment);
                }
                if (t.offset() < 0 || dataStart + t.offset() + bytes > size) {
                    throw fail("tensor '" + t.name() + "' needs bytes " + (dataStart + t.offset()) + " to "
                            + (dataStart + t.offset() + bytes) + " but the file has " + size + " (truncated?)");
                }
            }
            return new GgufFile(version, metadata, tensors, size);
        }

        private Object value(int type, String key) throws IOException {
            switch (type) {
                case GgufType.UINT8: return (long) (get(1).get() & 0xff);
                case GgufType.INT8: return (long) get(1).get();
                case GgufType.UINT16: return (long) (get(2).getShort() & 0xffff);
                case GgufType.INT16: return (long) get(2).getShort();
                case GgufType.UINT32: return u32() & 0xffffffffL;
                case GgufType.INT32: return (long) u32();
                case GgufType.FLOAT32: return (double) get(4).getFloat();
                case GgufType.BOOL: {
                    byte b = get(1).get();
                    if (b != 0 && b != 1) {
                        throw fail("'" + key + "' is a bool of value " + b);
                    }
                    return b == 1;
                }
                case GgufType.STRING: return string(key);
                case GgufType.UINT64: case GgufType.INT64: return u64();
                case GgufType.FLOAT64: return get(8).getDouble();
                case GgufType.ARRAY: {
                    int elementType = u32();
                    long length = count("length of '" + key + "'");
                    int elementSize = GgufType.size(elementType);
                    if (elementSize == -2 || elementType == GgufType.ARRAY) {
                        throw fail("'" + key + "' is an array of unsupported type " + elementType);
                    }
                    if (elementSize > 0) {
                        skip(length * elementSize, key);
                    } else {
                        for (long i = 0; i < length; i++) {
                            long n = u64();
                            checkString(n, key);
                            skip(n, key);
                        }
                    }
                    return new ArrayInfo(elementType, length);
                }
                default:
                    throw fail("'" + key + "' has unknown value type " + type);
            }
        }

        private long count(String what) throws IOException {
            long n = u64();
            if (n < 0 || n > MAX_COUNT) {
                throw fail("has a " + what + " of " + Long.toUnsignedString(n) + ", over the limit of " + MAX_COUNT);
            }
            return n;
        }

        private String string(String what) throws IOException {
            long n = u64();
            checkString(n, what);
            byte[] bytes = new byte[(int) n];
            int done = 0;
            while (done < n) {
                ByteBuffer b = get(1);
                int chunk = Math.min(b.remaining(), (int) n - done);
                b.get(bytes, done, chunk);
                done += chunk;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw fail("has a " + what + " that is not valid UTF-8");
            }
        }

        private void checkString(long n, String what) throws GgufFormatException {
            if (n < 0 || n > MAX_STRING || position() + n > size) {
                throw fail("has a " + what + " of " + Long.toUnsignedString(n) + " bytes at offset " + position()
                        + ", beyond the file (" + size + " bytes)");
            }
        }

        private int u32() throws IOException {
            return get(4).getInt();
        }

        private long u64() throws IOException {
            return get(8).getLong();
        }

        private long position() {
            return bufferStart + buffer.position();
        }

        private void skip(long n, String what) throws IOException {
            long target = position() + n;
            if (n < 0 || target > size) {
                throw fail("'" + what + "' runs beyond the end of the file");
            }
            if (target <= bufferStart + buffer.limit()) {
                buffer.position((int) (target - bufferStart));
            } else {
                bufferStart = target;
                buffer.clear().limit(0);
            }
        }

        /** Makes at least {@code n} (at most 8) bytes available and returns the buffer. */
        private ByteBuffer get(int n) throws IOException {
            if (buffer.remaining() >= n) {
                return buffer;
            }
            long start = position();
            buffer.compact();
            bufferStart = start;
            int read;
            while (buffer.position() < n && (read = channel.read(buffer, bufferStart + buffer.position())) > 0) {
                // keep filling
            }
            buffer.flip();
            if (buffer.remaining() < n) {
                throw new GgufFormatException(path + " ends early at byte " + (bufferStart + buffer.remaining())
                        + " (truncated GGUF)", new EOFException());
            }
            return buffer;
        }

        private GgufFormatException fail(String what) {
            return new GgufFormatException(path + " " + what, null);
        }
    }
}

package cn.zhenxing.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file whole or not at all: into {@code <name>.tmp} beside the target, then moved
 * over the target in one step, so a reader (a download, the ingest folder scan, which skips
 * {@code .tmp} files) never sees half a file. A failed write leaves no temporary file behind.
 */
public final class AtomicFiles {

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private AtomicFiles() {}

    /** Writes {@code target} through {@code content}, replacing any earlier file; returns {@code target}. */
    public static <E extends Exception> Path write(Path target, Content<E> content) throws IOException, E {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        } catch (Exception | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}

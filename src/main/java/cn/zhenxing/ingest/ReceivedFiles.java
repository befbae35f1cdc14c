package cn.zhenxing.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files a command or the inbox names, and where a decided one moves to. */
final class ReceivedFiles {

    private ReceivedFiles() {
    }

    /** Files and directories as given: a directory's regular files, sorted, without hidden and temporary ones. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
        }
        return files;
    }

    /** {@code target}, or a name beside it prefixed with the time when it is taken. */
    static Path unique(Path target) {
        if (!Files.exists(target)) {
            return target;
        }
        String name = target.getFileName().toString();
        return target.resolveSibling(System.currentTimeMillis() + "_" + name);
    }
}

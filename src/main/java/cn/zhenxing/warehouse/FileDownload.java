package cn.zhenxing.warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** A stored file sent to the portal's user: forms, feedback workbooks, reports. A missing file is a 404. */
public final class FileDownload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType XLS = MediaType.parseMediaType("application/vnd.ms-excel");

    private FileDownload() {}

    public static ResponseEntity<Resource> of(Path file, MediaType type, boolean inline) {
        return of(file, file.getFileName().toString(), type, inline);
    }

    /** Bytes made for this request (an XLSX of what a page shows), saved under {@code name}. */
    public static ResponseEntity<byte[]> of(byte[] content, String name, MediaType type) {
        ContentDisposition disposition = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).contentType(type).body(content);
    }

    /** @param name the name the user's browser saves it under (RFC 5987 for Chinese), whatever the name on disk */
    public static ResponseEntity<Resource> of(Path file, String name, MediaType type, boolean inline) {
        if (!Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).contentType(type)
                .body(new FileSystemResource(file));
    }
}
